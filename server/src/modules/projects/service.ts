import { and, count, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { getAchievement } from '../achievements/service'
import { industryNames } from '../industries/service'
import { jurisdictionNames } from '../jurisdictions/service'
import { findActiveOrganizationsOfKind, findOrganization, organizationNames } from '../organizations/service'
import { isApplicant, managesProject, projectVisibility } from './access'
import type { ApplyProject, Project, ProjectQuery, UpdateProject } from './contracts'
import { channelLabels, verificationTypeLabels } from './labels'
import { type ProjectStatus, projectEvents, projects, solicitations } from './schema'
import { canMove, needsReason, statusLabels } from './status-flow'

type Row = typeof projects.$inferSelect

async function present(actor: Actor, rows: Row[]): Promise<Project[]> {
  const orgs = await organizationNames(rows.flatMap((r) => [r.applicantOrgId, r.centerOrgId]))
  const areas = await jurisdictionNames(rows.map((r) => r.jurisdictionCode))
  const industries = await industryNames(rows.flatMap((r) => r.industryCodes))
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    channel: r.channel,
    channelLabel: channelLabels[r.channel],
    solicitationId: r.solicitationId,
    applicantOrgId: r.applicantOrgId,
    applicantOrgName: orgs.get(r.applicantOrgId) ?? '',
    jurisdictionCode: r.jurisdictionCode,
    jurisdictionName: areas.get(r.jurisdictionCode) ?? r.jurisdictionCode,
    centerOrgId: r.centerOrgId,
    centerOrgName: orgs.get(r.centerOrgId) ?? '',
    team: r.team,
    achievementIds: r.achievementIds,
    industryCodes: r.industryCodes,
    industries: r.industryCodes.map((code) => ({ code, name: industries.get(code) ?? code })),
    disciplines: r.disciplines,
    requestedTypes: r.requestedTypes,
    requestedTypeLabels: r.requestedTypes.map((t) => verificationTypeLabels[t]),
    budgetFen: Number(r.budgetFen),
    trl: r.trl,
    status: r.status,
    statusLabel: statusLabels[r.status],
    statusNote: r.statusNote,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canManage: managesProject(actor, r),
    canEdit: isApplicant(actor, r) && (r.status === 'draft' || r.status === 'returned'),
  }))
}

const CHANNEL_ROLES: Record<ApplyProject['channel'], readonly string[]> = {
  application: ['researcher', 'enterpriseUser'],
  solicitation: ['researcher', 'enterpriseUser'],
  preVerification: ['districtOfficer', 'cityOfficer'],
  fundRequest: ['investor'],
}

/** A project enters the pool: a researcher with an achievement, a 征集 call, a district's 前置验证, a fund's 投前验证. */
export async function applyProject(actor: Actor, input: ApplyProject) {
  requirePermission(actor, 'project.apply')
  const user = requireUser(actor)
  if (!CHANNEL_ROLES[input.channel].includes(user.role)) {
    throw new AppError('FORBIDDEN', `“${channelLabels[input.channel]}”不适用于您的角色`, { channel: input.channel })
  }
  const center = await findOrganization(input.centerOrgId)
  if (center?.kind !== 'pocCenter' || center.status !== 'active') {
    throw new AppError('VALIDATION_FAILED', '请选择一个有效的概念验证中心', {
      fields: [{ path: 'centerOrgId', message: '不是有效的概念验证中心' }],
    })
  }
  if (input.channel === 'solicitation') {
    const [call] = await db.select().from(solicitations).where(eq(solicitations.id, input.solicitationId!))
    if (!call)
      throw new AppError('VALIDATION_FAILED', '征集通知不存在', {
        fields: [{ path: 'solicitationId', message: '征集通知不存在' }],
      })
    if (call.status !== 'open' || call.deadline < todayInShanghai(now())) {
      throw new AppError('STATE_INVALID', `征集“${call.title}”已截止（${call.deadline}）`)
    }
  }
  for (const id of input.achievementIds) {
    // An achievement linked to a project must be one the applicant may see; 404 otherwise.
    await getAchievement(actor, id).catch(() => {
      throw new AppError('VALIDATION_FAILED', '关联的成果不存在或无权查看', {
        fields: [{ path: 'achievementIds', message: `成果 ${id} 不存在或无权查看` }],
      })
    })
  }
  const status: ProjectStatus = input.submit ? 'submitted' : 'draft'
  const row = await db.transaction(async (tx) => {
    const at = now()
    const [created] = await tx
      .insert(projects)
      .values({
        id: newId(),
        title: input.title,
        summary: input.summary,
        channel: input.channel,
        solicitationId: input.solicitationId ?? null,
        applicantOrgId: user.orgId,
        applicantUserId: user.userId,
        jurisdictionCode: center.jurisdictionCode,
        centerOrgId: center.id,
        team: input.team,
        achievementIds: input.achievementIds,
        industryCodes: input.industryCodes,
        disciplines: input.disciplines,
        requestedTypes: input.requestedTypes,
        budgetFen: BigInt(input.budgetFen),
        trl: input.trl ?? null,
        status,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await recordEvent(tx, actor, created!.id, null, status, null)
    await audit(tx, actor, {
      action: 'project.apply',
      targetType: 'project',
      targetId: created!.id,
      after: created,
      detail: { channel: input.channel, status },
    })
    return created!
  })
  return (await present(actor, [row]))[0]!
}

async function recordEvent(
  tx: Transaction,
  actor: Actor,
  projectId: string,
  from: ProjectStatus | null,
  to: ProjectStatus,
  note: string | null,
) {
  await tx.insert(projectEvents).values({
    id: newId(),
    projectId,
    from,
    to,
    note,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorName: actor.kind === 'user' ? actor.displayName : '系统',
    at: now(),
  })
}

/**
 * Moves a project to another status inside the caller's transaction: the lifecycle is checked, a reason
 * is required where the flow needs one, and the change is recorded and audited. Other modules (evaluation,
 * verification, hand-off, landing) drive the project through this.
 */
export async function moveProject(
  tx: Transaction,
  actor: Actor,
  projectId: string,
  to: ProjectStatus,
  note?: string | null,
): Promise<Row> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update')
  if (!project) throw notFound('项目')
  if (project.status === to) return project
  if (!canMove(project.status, to)) {
    throw new AppError(
      'STATE_INVALID',
      `项目当前为“${statusLabels[project.status]}”，不能变更为“${statusLabels[to]}”`,
      { from: project.status, to },
    )
  }
  if (needsReason(project.status, to) && !note?.trim()) {
    throw new AppError('VALIDATION_FAILED', `变更为“${statusLabels[to]}”需要填写原因`, {
      fields: [{ path: 'note', message: '请填写原因' }],
    })
  }
  const [updated] = await tx
    .update(projects)
    .set({ status: to, statusNote: note ?? null, version: project.version + 1, updatedAt: now() })
    .where(eq(projects.id, projectId))
    .returning()
  await recordEvent(tx, actor, projectId, project.status, to, note ?? null)
  await audit(tx, actor, {
    action: 'project.status',
    targetType: 'project',
    targetId: projectId,
    detail: { from: project.status, to, note: note ?? null },
  })
  return updated!
}

/** The applicant submits (or resubmits after 退回); the center returns for correction or rejects. */
export async function transitionProject(
  actor: Actor,
  id: string,
  input: { to: 'submitted' | 'returned' | 'rejected'; note?: string; version: number },
) {
  requirePermission(actor, 'project.read')
  const project = await visibleProject(actor, id)
  if (project.version !== input.version) throw new AppError('STALE_VERSION', '项目已被他人更新，请刷新后再操作')
  if (input.to === 'submitted' && !isApplicant(actor, project))
    throw new AppError('FORBIDDEN', '只有申报单位可以提交项目')
  if (input.to !== 'submitted' && !managesProject(actor, project))
    throw new AppError('FORBIDDEN', '只有负责的概念验证中心可以退回或不予入库')
  const row = await db.transaction((tx) => moveProject(tx, actor, id, input.to, input.note))
  return (await present(actor, [row]))[0]!
}

export async function updateProject(actor: Actor, id: string, input: UpdateProject) {
  requirePermission(actor, 'project.apply')
  const project = await visibleProject(actor, id)
  if (!isApplicant(actor, project)) throw new AppError('FORBIDDEN', '只有申报单位可以修改项目')
  if (project.status !== 'draft' && project.status !== 'returned')
    throw new AppError('STATE_INVALID', '只有草稿或退回修改的项目可以修改')
  if (project.version !== input.version) throw new AppError('STALE_VERSION', '项目已被他人更新，请刷新后再编辑')
  const { version: _v, budgetFen, ...changes } = input
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(projects)
      .set({
        ...changes,
        ...(budgetFen !== undefined ? { budgetFen: BigInt(budgetFen) } : {}),
        version: project.version + 1,
        updatedAt: now(),
      })
      .where(eq(projects.id, id))
      .returning()
    await audit(tx, actor, {
      action: 'project.update',
      targetType: 'project',
      targetId: id,
      before: project,
      after: updated,
      detail: { fields: Object.keys(changes) },
    })
    return updated!
  })
  return (await present(actor, [row]))[0]!
}

/** A project as the caller may see it, or 404. */
export async function visibleProject(actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), await projectVisibility(actor)))
  if (!row) throw notFound('项目')
  return row
}

export async function getProject(actor: Actor, id: string) {
  requirePermission(actor, 'project.read')
  const row = await visibleProject(actor, id)
  const events = await db.select().from(projectEvents).where(eq(projectEvents.projectId, id)).orderBy(projectEvents.at)
  const [project] = await present(actor, [row])
  return {
    ...project!,
    events: events.map((e) => ({
      from: e.from,
      to: e.to,
      toLabel: statusLabels[e.to as ProjectStatus] ?? e.to,
      note: e.note,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  }
}

export async function listProjects(actor: Actor, query: ProjectQuery) {
  requirePermission(actor, 'project.read')
  const conditions: (SQL | undefined)[] = [await projectVisibility(actor)]
  if (query.status) conditions.push(eq(projects.status, query.status))
  if (query.channel) conditions.push(eq(projects.channel, query.channel))
  if (query.industry) conditions.push(sql`${projects.industryCodes} @> ${JSON.stringify([query.industry])}::jsonb`)
  if (query.scope === 'mine' && actor.kind === 'user') conditions.push(eq(projects.applicantOrgId, actor.orgId))
  if (query.scope === 'center' && actor.kind === 'user') conditions.push(eq(projects.centerOrgId, actor.orgId))
  if (query.q) conditions.push(ilike(projects.title, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
  const where = and(...conditions)
  const [total] = await db.select({ n: count() }).from(projects).where(where)
  const rows = await db
    .select()
    .from(projects)
    .where(where)
    .orderBy(desc(projects.updatedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await present(actor, rows), total: Number(total?.n ?? 0) }
}

/** For other modules: projects by id without a permission check (they check their own). */
export async function findProjects(ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(projects)
    .where(inArray(projects.id, [...ids]))
}

/** The PoC centers an applicant may choose (active 概念验证中心 organizations); the applicant's own city first. */
export async function listCenters(actor: Actor) {
  requirePermission(actor, 'project.read')
  const rows = await findActiveOrganizationsOfKind('pocCenter')
  const areas = await jurisdictionNames(rows.map((r) => r.jurisdictionCode))
  const city = actor.kind === 'user' ? actor.jurisdictionCode.slice(0, 4) : ''
  const own = (code: string) => (code.startsWith(city) ? 0 : 1)
  return {
    items: rows
      .map((r) => ({
        id: r.id,
        name: r.name,
        jurisdictionCode: r.jurisdictionCode,
        jurisdictionName: areas.get(r.jurisdictionCode) ?? r.jurisdictionCode,
      }))
      .sort((a, b) => own(a.jurisdictionCode) - own(b.jurisdictionCode)),
  }
}
