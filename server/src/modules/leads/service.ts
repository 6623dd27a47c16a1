import { and, desc, eq, or } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { organizationNames } from '../organizations/service'
import { dispatch, notify } from '../policies/inbox'
import { leads } from './schema'

/** A record another module can receive leads for: it must be visible to the caller, and have an owner. */
export type LeadTarget = { title: string; ownerOrgId: string }
type Resolver = (actor: Actor, id: string) => Promise<LeadTarget>
const resolvers = new Map<string, { label: string; resolve: Resolver }>()

/** Each registry registers how to find one of its records as the caller sees it (404 when hidden). */
export function registerLeadTarget(recordType: string, label: string, resolve: Resolver): void {
  resolvers.set(recordType, { label, resolve })
}

/** One record as the caller sees it (title and owner), through the module that owns it; 404 when hidden. */
export async function describeRecord(actor: Actor, recordType: string, id: string): Promise<LeadTarget> {
  const resolver = resolvers.get(recordType)
  if (!resolver) throw notFound('记录')
  return resolver.resolve(actor, id)
}

/** Whether a record is archived (已归档), as the caller sees it; registered per type by targets.ts. */
type ArchivedCheck = (actor: Actor, id: string) => Promise<boolean>
const archivedChecks = new Map<string, ArchivedCheck>()

export function registerArchivedCheck(recordType: string, isArchived: ArchivedCheck): void {
  archivedChecks.set(recordType, isArchived)
}

export function leadTargetTypes(): string[] {
  return [...resolvers.keys()]
}

export async function createLead(actor: Actor, input: { recordType: string; recordId: string; message?: string }) {
  requirePermission(actor, 'lead.create')
  const user = requireUser(actor)
  const resolver = resolvers.get(input.recordType)
  if (!resolver)
    throw new AppError('VALIDATION_FAILED', '不支持的记录类型', {
      fields: [{ path: 'recordType', message: '不支持的记录类型' }],
    })
  const target = await resolver.resolve(actor, input.recordId)
  // An archived record no longer takes part in retrieval and matching, so it takes no new interest either.
  if (await archivedChecks.get(input.recordType)?.(actor, input.recordId))
    throw new AppError('STATE_INVALID', `该${resolver.label}已归档，不再接受意向`, {
      recordType: input.recordType,
      recordId: input.recordId,
    })
  if (target.ownerOrgId === user.orgId) throw new AppError('STATE_INVALID', '这是本单位的记录，无需表达意向')
  const [open] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.recordType, input.recordType),
        eq(leads.recordId, input.recordId),
        eq(leads.fromUserId, user.userId),
        eq(leads.status, 'new'),
      ),
    )
  if (open) throw new AppError('CONFLICT', '您已对该记录表达过意向，对方会尽快联系您', { leadId: open.id })
  const from = (await organizationNames([user.orgId])).get(user.orgId) ?? '一家单位'
  const { row, notice } = await db.transaction(async (tx) => {
    const at = now()
    const [created] = await tx
      .insert(leads)
      .values({
        id: newId(),
        recordType: input.recordType,
        recordId: input.recordId,
        recordTitle: target.title.slice(0, 300),
        ownerOrgId: target.ownerOrgId,
        fromUserId: user.userId,
        fromOrgId: user.orgId,
        message: input.message ?? null,
        status: 'new',
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await audit(tx, actor, {
      action: 'lead.create',
      targetType: input.recordType,
      targetId: input.recordId,
      detail: { leadId: created!.id },
    })
    // The owner hears of it in their inbox (and by SMS / e-mail where the city has a gateway), not only on the list.
    const notice = await notify(tx, {
      recipientOrgId: target.ownerOrgId,
      kind: 'lead.new',
      title: `收到新的合作意向：${target.title.slice(0, 60)}`,
      body: `${from}对贵单位的${resolver.label}“${target.title.slice(0, 120)}”表达了合作意向${
        input.message ? `，留言：${input.message}` : '。'
      }请在“收到的意向”中查看并联系对方。`,
      link: '/leads',
      data: { leadId: created!.id, recordType: input.recordType, recordId: input.recordId },
    })
    return { row: created!, notice }
  })
  if (notice) await dispatch([notice])
  return present([row]).then((r) => r[0]!)
}

async function present(rows: (typeof leads.$inferSelect)[]) {
  const names = await organizationNames(rows.flatMap((r) => [r.ownerOrgId, r.fromOrgId]))
  return rows.map((r) => ({
    id: r.id,
    recordType: r.recordType,
    recordTypeLabel: resolvers.get(r.recordType)?.label ?? r.recordType,
    recordId: r.recordId,
    recordTitle: r.recordTitle,
    ownerOrgName: names.get(r.ownerOrgId) ?? '',
    fromOrgName: names.get(r.fromOrgId) ?? '',
    message: r.message,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }))
}

/** Leads received by the caller's organization, and the ones the caller sent. */
export async function listLeads(actor: Actor, box: 'received' | 'sent') {
  requirePermission(actor, 'lead.read')
  const user = requireUser(actor)
  const where = box === 'received' ? eq(leads.ownerOrgId, user.orgId) : eq(leads.fromUserId, user.userId)
  const rows = await db.select().from(leads).where(where).orderBy(desc(leads.createdAt)).limit(500)
  return { items: await present(rows) }
}

export async function setLeadStatus(actor: Actor, id: string, status: 'contacted' | 'closed') {
  requirePermission(actor, 'lead.read')
  const user = requireUser(actor)
  const row = await db.transaction(async (tx) => {
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, id), or(eq(leads.ownerOrgId, user.orgId))))
      .for('update')
    if (!lead) throw notFound('意向')
    const [updated] = await tx.update(leads).set({ status, updatedAt: now() }).where(eq(leads.id, id)).returning()
    await audit(tx, actor, {
      action: 'lead.update',
      targetType: 'lead',
      targetId: id,
      detail: { from: lead.status, to: status },
    })
    return updated!
  })
  return present([row]).then((r) => r[0]!)
}
