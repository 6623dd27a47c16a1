import { and, eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type Viewer, viewerOf, visibleCondition } from '../../platform/registry/confidentiality'
import { listRevisions, writeRevision } from '../../platform/registry/revisions'
import { assertIndustryCodes, industryNames } from '../industries/service'
import { jurisdictionNames, oversightScope, secretScope } from '../jurisdictions/service'
import { findOrganization, organizationNames } from '../organizations/service'
import { nearDuplicatesInRegistry } from '../search/near-duplicates'
import { catchUp, storeSearchDocument } from '../search/service'
import { budgetProblems, type ChangeDemandStatus, type CreateDemand, type UpdateDemand } from './contracts'
import { demandStatusLabels } from './labels'
import { demands } from './schema'
import { demandTransition } from './status-flow'
import { canEditRow, type Lookups, RECORD_TYPE, type Row, searchDocumentOf, toDemand } from './view'

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })

export async function viewerFor(actor: Actor): Promise<Viewer> {
  return viewerOf(actor, await secretScope(actor))
}

// oversightScope reads jurisdictions through a cache filled at start-up, so it is safe around transactions.
async function editableAreasOf(actor: Actor): Promise<Lookups['editableAreas']> {
  return actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
    ? oversightScope(actor)
    : 'none'
}

export async function lookupsFor(actor: Actor, rows: readonly Row[]): Promise<Lookups> {
  return {
    orgNames: await organizationNames(rows.map((r) => r.ownerOrgId)),
    areaNames: await jurisdictionNames(rows.map((r) => r.jurisdictionCode)),
    industryNames: await industryNames(rows.flatMap((r) => r.industryCodes)),
    editableAreas: await editableAreasOf(actor),
    viewer: await viewerFor(actor),
  }
}

async function present(actor: Actor, row: Row) {
  return toDemand(row, actor, await lookupsFor(actor, [row]))
}

/**
 * A demand belongs to an enterprise: the caller's own, or — for an officer collecting needs (需求征集) —
 * an enterprise in their area.
 */
export async function resolveOwner(
  actor: Actor,
  ownerOrgId: string | undefined,
): Promise<{ ownerOrgId: string; jurisdictionCode: string }> {
  const user = requireUser(actor)
  const orgId = ownerOrgId ?? user.orgId
  const org = await findOrganization(orgId)
  if (!org) throw invalid('ownerOrgId', '所属企业不存在')
  if (org.kind !== 'enterprise')
    throw invalid('ownerOrgId', ownerOrgId ? '技术需求应属于企业，请选择提出需求的企业' : '请选择提出需求的企业')
  if (orgId !== user.orgId) {
    const scope = await oversightScope(actor)
    if (scope === 'none' || (scope !== 'all' && !scope.includes(org.jurisdictionCode)))
      throw new AppError('FORBIDDEN', '只能为本企业或本辖区内的企业录入需求', { ownerOrgId })
  }
  return { ownerOrgId: orgId, jurisdictionCode: org.jurisdictionCode }
}

/** 截止日期 is a calendar date in Asia/Shanghai and may not lie in the past when it is set. */
export function assertDeadlineAhead(deadline: string): void {
  if (deadline < todayInShanghai(now())) throw invalid('deadline', '截止日期不能早于今天')
}

async function saveIndex(tx: Transaction, row: Row) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row))
}

const toFen = (v: number | null | undefined) => (v == null ? null : BigInt(v))

export async function createDemand(actor: Actor, input: CreateDemand) {
  requirePermission(actor, 'demand.write')
  const owner = await resolveOwner(actor, input.ownerOrgId)
  assertDeadlineAhead(input.deadline)
  await assertIndustryCodes(owner.jurisdictionCode, input.industryCodes)
  const duplicates = await findDuplicates(actor, {
    title: input.title,
    description: input.description,
    ownerOrgId: owner.ownerOrgId,
  })
  const { ownerOrgId: _owner, budgetMinFen, budgetMaxFen, ...fields } = input
  const row = await db.transaction(async (tx) => {
    const at = now()
    const [created] = await tx
      .insert(demands)
      .values({
        ...fields,
        ...owner,
        id: newId(),
        budgetMinFen: toFen(budgetMinFen),
        budgetMaxFen: toFen(budgetMaxFen),
        status: 'open',
        source: 'form',
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, created!, null, '创建')
    await saveIndex(tx, created!)
    await audit(tx, actor, {
      action: 'demand.create',
      targetType: RECORD_TYPE,
      targetId: created!.id,
      after: created,
      detail: { title: created!.title, duplicatesWarned: duplicates.length },
    })
    return created!
  })
  await catchUp()
  return { demand: await present(actor, row), duplicates }
}

/** Loads a record for a change, locked, and checks who may change it and that it is current and not archived. */
async function lockForChange(tx: Transaction, actor: Actor, id: string, scope: Lookups['editableAreas'], verb: string) {
  const [before] = await tx.select().from(demands).where(eq(demands.id, id)).for('update')
  if (!before) throw notFound('需求')
  if (!canEditRow(actor, before, scope))
    throw new AppError('FORBIDDEN', `只有需求所属企业或辖区管理人员可以${verb}`, { id })
  return before
}

export async function updateDemand(actor: Actor, id: string, input: UpdateDemand) {
  requirePermission(actor, 'demand.write')
  const [current] = await db.select().from(demands).where(eq(demands.id, id))
  if (!current) throw notFound('需求')
  if (input.industryCodes) await assertIndustryCodes(current.jurisdictionCode, input.industryCodes)
  if (input.deadline !== undefined && input.deadline !== current.deadline) assertDeadlineAhead(input.deadline)
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, actor, id, scope, '修改')
    if (before.archivedAt) throw new AppError('STATE_INVALID', '需求已归档，请先恢复后再编辑')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该需求已被他人修改，请刷新后再编辑', { current: before.version })
    const { version: _v, note, budgetMinFen, budgetMaxFen, ...changes } = input
    const budget = {
      budgetNegotiable: changes.budgetNegotiable ?? before.budgetNegotiable,
      budgetMinFen: budgetMinFen === undefined ? before.budgetMinFen : toFen(budgetMinFen),
      budgetMaxFen: budgetMaxFen === undefined ? before.budgetMaxFen : toFen(budgetMaxFen),
    }
    // Switching to 面议 clears the amounts; the remaining rules are those of the form.
    if (changes.budgetNegotiable === true && budgetMinFen === undefined && budgetMaxFen === undefined) {
      budget.budgetMinFen = null
      budget.budgetMaxFen = null
    }
    const problems = budgetProblems({
      budgetNegotiable: budget.budgetNegotiable,
      budgetMinFen: budget.budgetMinFen === null ? null : Number(budget.budgetMinFen),
      budgetMaxFen: budget.budgetMaxFen === null ? null : Number(budget.budgetMaxFen),
    })
    if (problems.length)
      throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), { fields: problems })
    const [updated] = await tx
      .update(demands)
      .set({ ...changes, ...budget, version: before.version + 1, updatedAt: now() })
      .where(eq(demands.id, id))
      .returning()
    const fields = await writeRevision(tx, actor, RECORD_TYPE, updated!, before, note)
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: 'demand.update',
      targetType: RECORD_TYPE,
      targetId: id,
      before,
      after: updated,
      detail: { fields },
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** 状态流转 (see status-flow.ts): each change is a revision with its reason, and audited. */
export async function changeDemandStatus(actor: Actor, id: string, input: ChangeDemandStatus) {
  requirePermission(actor, 'demand.write')
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, actor, id, scope, '变更状态')
    if (before.archivedAt) throw new AppError('STATE_INVALID', '需求已归档，请先恢复后再变更状态')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该需求已被他人修改，请刷新后再操作', { current: before.version })
    const transition = demandTransition(before.status, input.status)
    if (!transition.allowed) throw new AppError('STATE_INVALID', transition.because, { from: before.status })
    if (transition.needsReason && !input.reason) throw invalid('reason', `重新开放已关闭的需求须说明原因`)
    const at = now()
    const [updated] = await tx
      .update(demands)
      .set({
        status: input.status,
        statusChangedAt: at,
        statusReason: input.reason ?? null,
        version: before.version + 1,
        updatedAt: at,
      })
      .where(eq(demands.id, id))
      .returning()
    const label = `${demandStatusLabels[before.status]} → ${demandStatusLabels[input.status]}`
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, input.reason ? `${label}：${input.reason}` : label)
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: 'demand.status',
      targetType: RECORD_TYPE,
      targetId: id,
      before,
      after: updated,
      detail: { from: before.status, to: input.status, reason: input.reason ?? null },
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

export async function setArchived(actor: Actor, id: string, archived: boolean) {
  requirePermission(actor, 'demand.write')
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, actor, id, scope, archived ? '归档' : '恢复')
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '需求已归档' : '需求未归档')
    const [updated] = await tx
      .update(demands)
      .set({ archivedAt: archived ? now() : null, version: before.version + 1, updatedAt: now() })
      .where(eq(demands.id, id))
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, archived ? '归档' : '恢复')
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: archived ? 'demand.archive' : 'demand.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One record, if the caller may see it; otherwise 404 (a 保密 record's existence is not revealed). */
export async function getDemand(actor: Actor, id: string) {
  requirePermission(actor, 'demand.read')
  const viewer = await viewerFor(actor)
  const [row] = await db
    .select()
    .from(demands)
    .where(and(eq(demands.id, id), visibleCondition(viewer, RECORD_TYPE, demands)))
  if (!row) throw notFound('需求')
  return present(actor, row)
}

/** The saved versions; for visitors without an account, without the contact person (never public). */
export async function demandHistory(actor: Actor, id: string) {
  await getDemand(actor, id)
  const items = await listRevisions(db, RECORD_TYPE, id)
  if ((await viewerFor(actor)).kind === 'member') return { items }
  return { items: items.map((item) => ({ ...item, data: withoutContact(item.data) })) }
}

function withoutContact(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data
  const { contactName: _n, contactPhone: _p, contactEmail: _e, ...rest } = data as Record<string, unknown>
  return rest
}

export const DUPLICATE_REASONS = {
  sameOwnerTitle: '同一企业已有标题高度相似的需求',
  text: '需求描述几乎相同',
  title: '标题几乎相同',
} as const

type DuplicateInput = { title: string; description?: string; ownerOrgId?: string }

/**
 * Near-duplicates at entry: the same enterprise with a very similar title, or near-identical text from
 * anyone the caller can see. A warning with links, never a refusal.
 */
export async function findDuplicates(actor: Actor, input: DuplicateInput) {
  return (await findDuplicatesOfMany(actor, [input]))[0]!
}

/** `findDuplicates` for each of many new demands (a bulk import): one query for all candidates. */
export async function findDuplicatesOfMany(actor: Actor, inputs: readonly DuplicateInput[]) {
  const viewer = await viewerFor(actor)
  const found = await nearDuplicatesInRegistry(
    RECORD_TYPE,
    viewer,
    inputs.map((i) => ({ title: i.title, text: i.description, ownerOrgId: i.ownerOrgId })),
    {
      load: (ids) =>
        db
          .select({
            id: demands.id,
            title: demands.title,
            text: demands.description,
            ownerOrgId: demands.ownerOrgId,
          })
          .from(demands)
          .where(and(inArray(demands.id, ids), visibleCondition(viewer, RECORD_TYPE, demands))),
      reasons: DUPLICATE_REASONS,
    },
  )
  return found
}
