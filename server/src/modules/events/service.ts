import { and, count, desc, eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, anonymousActor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { descendantsOf } from '../jurisdictions/service'
import { createLead, describeRecord } from '../leads/service'
import { signupFromEvent } from '../matching/service'
import { organizationNames } from '../organizations/service'
import { dispatch, notify } from '../policies/inbox'
import { cityOf } from '../projects/access'
import type { CreateEvent, SignUp, UpdateEvent } from './contracts'
import { eventSignups, type FeaturedRecord, matchmakingEvents } from './schema'

type EventRow = typeof matchmakingEvents.$inferSelect
type SignupRow = typeof eventSignups.$inferSelect

/** Where an event stands now: 报名中 until the deadline, then 报名已截止, 进行中 and 已结束; or 已取消. */
export function eventStatus(row: Pick<EventRow, 'status' | 'signupDeadline' | 'startsAt' | 'endsAt'>, at: Date) {
  if (row.status === 'cancelled') return 'cancelled' as const
  if (at <= row.signupDeadline) return 'open' as const
  if (at < row.startsAt) return 'signupClosed' as const
  if (at < row.endsAt) return 'ongoing' as const
  return 'finished' as const
}

/** What people read: an event still before its deadline with every seat taken is 名额已满, not 报名中. */
function presentStatus(row: Parameters<typeof eventStatus>[0] & Pick<EventRow, 'capacity'>, signups: number, at: Date) {
  const status = eventStatus(row, at)
  return status === 'open' && row.capacity !== null && signups >= row.capacity ? ('full' as const) : status
}

async function present(actor: Actor, rows: EventRow[]) {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const counts = new Map(
    (
      await db
        .select({ eventId: eventSignups.eventId, n: count() })
        .from(eventSignups)
        .where(and(inArray(eventSignups.eventId, ids), eq(eventSignups.status, 'registered')))
        .groupBy(eventSignups.eventId)
    ).map((r) => [r.eventId, Number(r.n)]),
  )
  const mine =
    actor.kind === 'user'
      ? new Map(
          (
            await db
              .select()
              .from(eventSignups)
              .where(and(inArray(eventSignups.eventId, ids), eq(eventSignups.userId, actor.userId)))
          ).map((s) => [s.eventId, s]),
        )
      : new Map<string, SignupRow>()
  const names = await organizationNames(rows.map((r) => r.organizerOrgId))
  const at = now()
  return rows.map((r) => {
    const own = mine.get(r.id)
    const signupCount = counts.get(r.id) ?? 0
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      organizerOrgId: r.organizerOrgId,
      organizerOrgName: names.get(r.organizerOrgId) ?? '',
      jurisdictionCode: r.jurisdictionCode,
      venue: r.venue,
      onlineUrl: r.onlineUrl,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      signupDeadline: r.signupDeadline.toISOString(),
      capacity: r.capacity,
      signupCount,
      featured: r.featured,
      status: presentStatus(r, signupCount, at),
      cancelReason: r.cancelReason,
      mySignup: own ? { status: own.status, interestedRecordIds: own.interestedRecordIds } : null,
      organizedByMe: actor.kind === 'user' && actor.orgId === r.organizerOrgId,
      version: r.version,
    }
  })
}

/**
 * Events are public pages, so what they feature must be public too: each record is read as a visitor would
 * read it, and one that is 内部 or 保密 (or gone) is refused by name.
 */
async function resolveFeatured(items: CreateEvent['featured']): Promise<FeaturedRecord[]> {
  const visitor = anonymousActor()
  const out: FeaturedRecord[] = []
  for (const [i, item] of items.entries()) {
    const record = await describeRecord(visitor, item.recordType, item.recordId).catch(() => undefined)
    if (!record)
      throw new AppError('VALIDATION_FAILED', '推介的项目须为公开的成果或需求', {
        fields: [{ path: `featured.${i}.recordId`, message: '该记录不存在或不是公开记录，不能在公开活动中推介' }],
      })
    out.push({ recordType: item.recordType, recordId: item.recordId, title: record.title })
  }
  return out
}

/** 发布路演 / 对接会: a center, a pilot platform or a bureau publishes an event in its own jurisdiction. */
export async function createEvent(actor: Actor, input: CreateEvent) {
  requirePermission(actor, 'event.manage')
  const user = requireUser(actor)
  const at = now()
  if (Date.parse(input.signupDeadline) <= at.getTime())
    throw new AppError('VALIDATION_FAILED', '报名截止时间应晚于现在', {
      fields: [{ path: 'signupDeadline', message: '报名截止时间应晚于现在' }],
    })
  const featured = await resolveFeatured(input.featured)
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(matchmakingEvents)
      .values({
        id: newId(),
        kind: input.kind,
        title: input.title,
        description: input.description,
        organizerOrgId: user.orgId,
        jurisdictionCode: user.jurisdictionCode,
        venue: input.venue,
        onlineUrl: input.onlineUrl ?? null,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        signupDeadline: new Date(input.signupDeadline),
        capacity: input.capacity ?? null,
        featured,
        status: 'published',
        createdBy: user.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await audit(tx, actor, { action: 'event.create', targetType: 'event', targetId: created!.id, after: created })
    return created!
  })
  return (await present(actor, [row]))[0]!
}

export async function listEvents(actor: Actor, query: { city?: string; scope: 'all' | 'organized' | 'joined' }) {
  requirePermission(actor, 'event.read')
  const conditions = []
  if (query.city)
    conditions.push(inArray(matchmakingEvents.jurisdictionCode, await descendantsOf(await cityOf(query.city))))
  if (query.scope !== 'all') {
    const user = requireUser(actor)
    if (query.scope === 'organized') conditions.push(eq(matchmakingEvents.organizerOrgId, user.orgId))
    else {
      const joined = await db
        .select({ eventId: eventSignups.eventId })
        .from(eventSignups)
        .where(and(eq(eventSignups.userId, user.userId), eq(eventSignups.status, 'registered')))
      if (joined.length === 0) return { items: [] }
      conditions.push(
        inArray(
          matchmakingEvents.id,
          joined.map((j) => j.eventId),
        ),
      )
    }
  }
  const rows = await db
    .select()
    .from(matchmakingEvents)
    .where(and(...conditions))
    .orderBy(desc(matchmakingEvents.startsAt))
    .limit(200)
  return { items: await present(actor, rows) }
}

export async function getEvent(actor: Actor, id: string) {
  requirePermission(actor, 'event.read')
  const [row] = await db.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, id))
  if (!row) throw notFound('活动')
  return (await present(actor, [row]))[0]!
}

/**
 * 修改活动: the organizer corrects an event that has not ended, on the version it read. A deadline moved must
 * still lie ahead; the seats cannot drop below those taken. Featured records may be added or taken off,
 * except one a sign-up came for. When the time or the place changes, every
 * signed-up organization gets a message in the same transaction.
 */
export async function updateEvent(actor: Actor, id: string, input: UpdateEvent) {
  requirePermission(actor, 'event.manage')
  const user = requireUser(actor)
  const notices: Parameters<typeof dispatch>[0][number][] = []
  const [current] = await db
    .select({ organizerOrgId: matchmakingEvents.organizerOrgId })
    .from(matchmakingEvents)
    .where(eq(matchmakingEvents.id, id))
  if (!current) throw notFound('活动')
  if (current.organizerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有主办单位可以修改活动')
  // Read as a visitor before the transaction (one connection on PGlite): what stays on stage must still be public.
  const featured = input.featured && (await resolveFeatured(input.featured))
  const row = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, id)).for('update')
    if (!event) throw notFound('活动')
    if (event.organizerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有主办单位可以修改活动')
    const status = eventStatus(event, now())
    if (status === 'cancelled' || status === 'finished')
      throw new AppError('STATE_INVALID', status === 'cancelled' ? '活动已取消，不能修改' : '活动已结束，不能修改')
    if (event.version !== input.version) throw new AppError('STALE_VERSION', '活动已被他人修改，请刷新后再编辑')
    const signupDeadline = new Date(input.signupDeadline)
    if (signupDeadline.getTime() !== event.signupDeadline.getTime() && signupDeadline <= now())
      throw new AppError('VALIDATION_FAILED', '报名截止时间应晚于现在', {
        fields: [{ path: 'signupDeadline', message: '报名截止时间应晚于现在' }],
      })
    const [taken] = await tx
      .select({ n: count() })
      .from(eventSignups)
      .where(and(eq(eventSignups.eventId, id), eq(eventSignups.status, 'registered')))
    const signedUp = Number(taken?.n ?? 0)
    if (input.capacity != null && input.capacity < signedUp)
      throw new AppError('VALIDATION_FAILED', `已有 ${signedUp} 人报名，名额不能少于 ${signedUp}`, {
        fields: [{ path: 'capacity', message: `已有 ${signedUp} 人报名，名额不能少于 ${signedUp}` }],
      })
    if (featured) await checkNothingWantedRemoved(tx, event, featured)
    const [updated] = await tx
      .update(matchmakingEvents)
      .set({
        ...(featured ? { featured } : {}),
        title: input.title,
        description: input.description,
        venue: input.venue,
        onlineUrl: input.onlineUrl ?? null,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        signupDeadline,
        capacity: input.capacity ?? null,
        version: event.version + 1,
        updatedAt: now(),
      })
      .where(eq(matchmakingEvents.id, id))
      .returning()
    await audit(tx, actor, { action: 'event.update', targetType: 'event', targetId: id, before: event, after: updated })
    const moved =
      updated!.startsAt.getTime() !== event.startsAt.getTime() ||
      updated!.endsAt.getTime() !== event.endsAt.getTime() ||
      updated!.venue !== event.venue ||
      updated!.onlineUrl !== event.onlineUrl
    if (moved) {
      const registered = await tx
        .selectDistinct({ orgId: eventSignups.orgId })
        .from(eventSignups)
        .where(and(eq(eventSignups.eventId, id), eq(eventSignups.status, 'registered')))
      for (const { orgId } of registered) {
        const notice = await notify(tx, {
          recipientOrgId: orgId,
          kind: 'event.changed',
          title: `活动时间或地点变更：${updated!.title}`,
          body: `您报名的活动已调整为 ${shanghaiTime(updated!.startsAt)} 开始，地点：${updated!.venue}。`,
          link: `/events/${id}`,
          data: { eventId: id, version: updated!.version },
          dedupeKey: `event.changed:${id}:${updated!.version}:${orgId}`,
        })
        if (notice) notices.push(notice)
      }
    }
    return updated!
  })
  await dispatch(notices)
  return (await present(actor, [row]))[0]!
}

/** A record someone signed up for stays on stage: they are coming for it. */
async function checkNothingWantedRemoved(tx: Transaction, event: EventRow, featured: FeaturedRecord[]) {
  const kept = new Set(featured.map((f) => f.recordId))
  const removed = event.featured.filter((f) => !kept.has(f.recordId))
  if (removed.length === 0) return
  const signups = await tx
    .select({ interested: eventSignups.interestedRecordIds })
    .from(eventSignups)
    .where(and(eq(eventSignups.eventId, event.id), eq(eventSignups.status, 'registered')))
  const wanted = removed.flatMap((f) => {
    const n = signups.filter((s) => s.interested.includes(f.recordId)).length
    return n > 0 ? [`「${f.title}」已有 ${n} 个报名表示关注`] : []
  })
  if (wanted.length > 0)
    throw new AppError('VALIDATION_FAILED', `${wanted.join('；')}，不能移除`, {
      fields: [{ path: 'featured', message: `${wanted.join('；')}，不能移除` }],
    })
}

const pad = (n: number) => String(n).padStart(2, '0')
/** 2026-12-18 14:00, Shanghai wall time, for messages. */
function shanghaiTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Only the organizing organization cancels, with a reason every visitor reads and every sign-up is sent. */
export async function cancelEvent(actor: Actor, id: string, reason: string) {
  requirePermission(actor, 'event.manage')
  const user = requireUser(actor)
  const notices: Parameters<typeof dispatch>[0][number][] = []
  const row = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, id)).for('update')
    if (!event) throw notFound('活动')
    if (event.organizerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有主办单位可以取消活动')
    if (event.status === 'cancelled') throw new AppError('STATE_INVALID', '活动已取消')
    if (eventStatus(event, now()) === 'finished') throw new AppError('STATE_INVALID', '活动已结束，不能取消')
    const [updated] = await tx
      .update(matchmakingEvents)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: now() })
      .where(eq(matchmakingEvents.id, id))
      .returning()
    await audit(tx, actor, { action: 'event.cancel', targetType: 'event', targetId: id, detail: { reason } })
    // Everyone signed up hears of it: one message per organization, in this transaction.
    const registered = await tx
      .selectDistinct({ orgId: eventSignups.orgId })
      .from(eventSignups)
      .where(and(eq(eventSignups.eventId, id), eq(eventSignups.status, 'registered')))
    for (const { orgId } of registered) {
      const notice = await notify(tx, {
        recipientOrgId: orgId,
        kind: 'event.cancelled',
        title: `活动已取消：${event.title}`,
        body: `您报名的活动已由主办单位取消。取消原因：${reason}`,
        link: `/events/${id}`,
        data: { eventId: id },
        dedupeKey: `event.cancelled:${id}:${orgId}`,
      })
      if (notice) notices.push(notice)
    }
    return updated!
  })
  await dispatch(notices)
  return (await present(actor, [row]))[0]!
}

/**
 * 报名: a signed-in person signs up, naming the featured records they come for. The event row is locked so
 * the last seat goes to one person. After it commits, each named record's owner gets a lead, and an
 * enterprise's interest in an achievement counts as sign-up feedback on 成果找企业 (issue 4).
 */
export async function signUp(actor: Actor, eventId: string, input: SignUp) {
  requirePermission(actor, 'event.signup')
  const user = requireUser(actor)
  const event = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, eventId)).for('update')
    if (!row) throw notFound('活动')
    const status = eventStatus(row, now())
    if (status === 'cancelled') throw new AppError('STATE_INVALID', '活动已取消，不能报名')
    if (status !== 'open') throw new AppError('STATE_INVALID', '报名已截止')
    if (row.organizerOrgId === user.orgId) throw new AppError('STATE_INVALID', '主办单位无需报名本单位的活动')
    const featuredIds = new Set(row.featured.map((f) => f.recordId))
    const unknown = input.interestedRecordIds.findIndex((id) => !featuredIds.has(id))
    if (unknown >= 0)
      throw new AppError('VALIDATION_FAILED', '只能选择本活动推介的项目', {
        fields: [{ path: `interestedRecordIds.${unknown}`, message: '只能选择本活动推介的项目' }],
      })
    const [existing] = await tx
      .select()
      .from(eventSignups)
      .where(and(eq(eventSignups.eventId, eventId), eq(eventSignups.userId, user.userId)))
    if (existing?.status === 'registered') throw new AppError('CONFLICT', '您已报名该活动')
    if (row.capacity !== null) {
      const [taken] = await tx
        .select({ n: count() })
        .from(eventSignups)
        .where(and(eq(eventSignups.eventId, eventId), eq(eventSignups.status, 'registered')))
      if (Number(taken?.n ?? 0) >= row.capacity) throw new AppError('STATE_INVALID', '名额已满')
    }
    const at = now()
    const values = {
      orgId: user.orgId,
      interestedRecordIds: input.interestedRecordIds,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      note: input.note ?? null,
      status: 'registered' as const,
      updatedAt: at,
    }
    const [saved] = existing
      ? await tx.update(eventSignups).set(values).where(eq(eventSignups.id, existing.id)).returning()
      : await tx
          .insert(eventSignups)
          .values({ ...values, id: newId(), eventId, userId: user.userId, createdAt: at })
          .returning()
    await audit(tx, actor, {
      action: 'event.signup',
      targetType: 'event',
      targetId: eventId,
      detail: { signupId: saved!.id, interested: input.interestedRecordIds.length },
    })
    return row
  })
  const interested = event.featured.filter((f) => input.interestedRecordIds.includes(f.recordId))
  for (const record of interested)
    await createLead(actor, {
      recordType: record.recordType,
      recordId: record.recordId,
      message: `报名「${event.title}」时表示有意向`,
    }).catch(() => undefined)
  await signupFromEvent(actor, {
    achievementIds: interested.filter((f) => f.recordType === 'achievement').map((f) => f.recordId),
  })
  return (await present(actor, [event]))[0]!
}

export async function cancelSignup(actor: Actor, eventId: string) {
  requirePermission(actor, 'event.signup')
  const user = requireUser(actor)
  const event = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, eventId)).for('update')
    if (!row) throw notFound('活动')
    const [own] = await tx
      .select()
      .from(eventSignups)
      .where(and(eq(eventSignups.eventId, eventId), eq(eventSignups.userId, user.userId)))
    if (own?.status !== 'registered') throw new AppError('STATE_INVALID', '您没有报名该活动')
    if (now() >= row.startsAt) throw new AppError('STATE_INVALID', '活动已开始，不能取消报名')
    await tx.update(eventSignups).set({ status: 'cancelled', updatedAt: now() }).where(eq(eventSignups.id, own.id))
    await audit(tx, actor, { action: 'event.signup.cancel', targetType: 'event', targetId: eventId })
    return row
  })
  return (await present(actor, [event]))[0]!
}

/** 报名名单: contact details are personal information, so only the organizing organization reads them. */
export async function listSignups(actor: Actor, eventId: string) {
  requirePermission(actor, 'event.manage')
  const user = requireUser(actor)
  const [event] = await db.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, eventId))
  if (!event) throw notFound('活动')
  if (event.organizerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有主办单位可以查看报名名单')
  const rows = await db
    .select()
    .from(eventSignups)
    .where(eq(eventSignups.eventId, eventId))
    .orderBy(desc(eventSignups.createdAt))
  const names = await organizationNames(rows.map((r) => r.orgId))
  const titles = new Map(event.featured.map((f) => [f.recordId, f.title]))
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgName: names.get(r.orgId) ?? '',
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      note: r.note,
      interested: r.interestedRecordIds.map((id) => titles.get(id) ?? id),
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
  }
}
