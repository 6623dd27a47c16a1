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
import { type ChangeScenarioStatus, type CreateScenario, positionProblems, type UpdateScenario } from './contracts'
import { publisherKindLabels, scenarioStatusLabels } from './labels'
import { type PublisherKind, publisherKinds, scenarios } from './schema'
import { scenarioTransition } from './status-flow'
import { canEditRow, type Lookups, RECORD_TYPE, type Row, searchDocumentOf, toScenario } from './view'

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
  }
}

async function present(actor: Actor, row: Row) {
  return toScenario(row, actor, await lookupsFor(actor, [row]))
}

export const isPublisherKind = (kind: string): kind is PublisherKind =>
  (publisherKinds as readonly string[]).includes(kind)

/**
 * 场景清单发布: an enterprise, a government bureau, a PoC center or a pilot platform publishes; an officer may
 * publish for their own bureau or on behalf of an organization in their area.
 */
export async function resolvePublisher(
  actor: Actor,
  ownerOrgId: string | undefined,
): Promise<{ ownerOrgId: string; jurisdictionCode: string; publisherKind: PublisherKind }> {
  const user = requireUser(actor)
  const orgId = ownerOrgId ?? user.orgId
  const org = await findOrganization(orgId)
  if (!org) throw invalid('ownerOrgId', '发布单位不存在')
  if (!isPublisherKind(org.kind))
    throw invalid('ownerOrgId', `应用场景由${Object.values(publisherKindLabels).join('、')}发布`)
  if (orgId !== user.orgId) {
    const scope = await oversightScope(actor)
    if (scope === 'none' || (scope !== 'all' && !scope.includes(org.jurisdictionCode)))
      throw new AppError('FORBIDDEN', '只能为本单位或本辖区内的单位发布场景', { ownerOrgId })
  }
  return { ownerOrgId: orgId, jurisdictionCode: org.jurisdictionCode, publisherKind: org.kind }
}

/** 申报截止日期 is a calendar date in Asia/Shanghai and may not lie in the past when it is set. */
export function assertDeadlineAhead(deadline: string): void {
  if (deadline < todayInShanghai(now())) throw invalid('deadline', '申报截止日期不能早于今天')
}

async function saveIndex(tx: Transaction, row: Row) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row))
}

export async function createScenario(actor: Actor, input: CreateScenario) {
  requirePermission(actor, 'scenario.write')
  const publisher = await resolvePublisher(actor, input.ownerOrgId)
  assertDeadlineAhead(input.deadline)
  await assertIndustryCodes(publisher.jurisdictionCode, input.industryCodes)
  const duplicates = await findDuplicates(actor, {
    title: input.title,
    description: input.description,
    ownerOrgId: publisher.ownerOrgId,
  })
  const { ownerOrgId: _owner, longitude, latitude, ...fields } = input
  const row = await db.transaction(async (tx) => {
    const at = now()
    const [created] = await tx
      .insert(scenarios)
      .values({
        ...fields,
        ...publisher,
        id: newId(),
        longitude: longitude ?? null,
        latitude: latitude ?? null,
        status: 'open',
        source: 'form',
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, created!, null, '发布')
    await saveIndex(tx, created!)
    await audit(tx, actor, {
      action: 'scenario.create',
      targetType: RECORD_TYPE,
      targetId: created!.id,
      after: created,
      detail: { title: created!.title, duplicatesWarned: duplicates.length },
    })
    return created!
  })
  await catchUp()
  return { scenario: await present(actor, row), duplicates }
}

async function lockForChange(tx: Transaction, actor: Actor, id: string, scope: Lookups['editableAreas'], verb: string) {
  const [before] = await tx.select().from(scenarios).where(eq(scenarios.id, id)).for('update')
  if (!before) throw notFound('场景')
  if (!canEditRow(actor, before, scope))
    throw new AppError('FORBIDDEN', `只有场景发布单位或辖区管理人员可以${verb}`, { id })
  return before
}

export async function updateScenario(actor: Actor, id: string, input: UpdateScenario) {
  requirePermission(actor, 'scenario.write')
  const [current] = await db.select().from(scenarios).where(eq(scenarios.id, id))
  if (!current) throw notFound('场景')
  if (input.industryCodes) await assertIndustryCodes(current.jurisdictionCode, input.industryCodes)
  if (input.deadline !== undefined && input.deadline !== current.deadline) assertDeadlineAhead(input.deadline)
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, actor, id, scope, '修改')
    if (before.archivedAt) throw new AppError('STATE_INVALID', '场景已归档，请先恢复后再编辑')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该场景已被他人修改，请刷新后再编辑', { current: before.version })
    const { version: _v, note, ...changes } = input
    const problems = positionProblems({
      longitude: changes.longitude === undefined ? before.longitude : changes.longitude,
      latitude: changes.latitude === undefined ? before.latitude : changes.latitude,
    })
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.message, { fields: problems })
    const [updated] = await tx
      .update(scenarios)
      .set({ ...changes, version: before.version + 1, updatedAt: now() })
      .where(eq(scenarios.id, id))
      .returning()
    const fields = await writeRevision(tx, actor, RECORD_TYPE, updated!, before, note)
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: 'scenario.update',
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

/** 征集中 ⇄ 已截止 (see status-flow.ts): each change is a revision with its reason, and audited. */
export async function changeScenarioStatus(actor: Actor, id: string, input: ChangeScenarioStatus) {
  requirePermission(actor, 'scenario.write')
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, actor, id, scope, '变更状态')
    if (before.archivedAt) throw new AppError('STATE_INVALID', '场景已归档，请先恢复后再变更状态')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该场景已被他人修改，请刷新后再操作', { current: before.version })
    const transition = scenarioTransition(before.status, input.status)
    if (!transition.allowed) throw new AppError('STATE_INVALID', transition.because, { from: before.status })
    if (transition.needsReason && !input.reason) throw invalid('reason', '重新开放已截止的场景须说明原因')
    const at = now()
    const [updated] = await tx
      .update(scenarios)
      .set({
        status: input.status,
        statusChangedAt: at,
        statusReason: input.reason ?? null,
        version: before.version + 1,
        updatedAt: at,
      })
      .where(eq(scenarios.id, id))
      .returning()
    const label = `${scenarioStatusLabels[before.status]} → ${scenarioStatusLabels[input.status]}`
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, input.reason ? `${label}：${input.reason}` : label)
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: 'scenario.status',
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
  requirePermission(actor, 'scenario.write')
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, actor, id, scope, archived ? '归档' : '恢复')
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '场景已归档' : '场景未归档')
    const [updated] = await tx
      .update(scenarios)
      .set({ archivedAt: archived ? now() : null, version: before.version + 1, updatedAt: now() })
      .where(eq(scenarios.id, id))
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, archived ? '归档' : '恢复')
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: archived ? 'scenario.archive' : 'scenario.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One record, if the caller may see it; otherwise 404 (a 保密 record's existence is not revealed). */
export async function getScenario(actor: Actor, id: string) {
  requirePermission(actor, 'scenario.read')
  const viewer = await viewerFor(actor)
  const [row] = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, id), visibleCondition(viewer, RECORD_TYPE, scenarios)))
  if (!row) throw notFound('场景')
  return present(actor, row)
}

export async function scenarioHistory(actor: Actor, id: string) {
  await getScenario(actor, id)
  return { items: await listRevisions(db, RECORD_TYPE, id) }
}

export const DUPLICATE_REASONS = {
  sameOwnerTitle: '同一单位已发布标题高度相似的场景',
  text: '场景描述几乎相同',
  title: '标题几乎相同',
} as const

type DuplicateInput = { title: string; description?: string; ownerOrgId?: string }

/**
 * Near-duplicates at entry: the same publisher with a very similar title, or near-identical text from anyone
 * the caller can see. A warning with links, never a refusal.
 */
export async function findDuplicates(actor: Actor, input: DuplicateInput) {
  return (await findDuplicatesOfMany(actor, [input]))[0]!
}

/** `findDuplicates` for each of many new scenarios (a bulk import): one query for all candidates. */
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
            id: scenarios.id,
            title: scenarios.title,
            text: scenarios.description,
            ownerOrgId: scenarios.ownerOrgId,
          })
          .from(scenarios)
          .where(and(inArray(scenarios.id, ids), visibleCondition(viewer, RECORD_TYPE, scenarios))),
      reasons: DUPLICATE_REASONS,
    },
  )
  return found
}
