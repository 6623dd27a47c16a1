import { and, eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type Viewer, viewerOf, visibleCondition } from '../../platform/registry/confidentiality'
import { listRevisions, writeRevision } from '../../platform/registry/revisions'
import { recordClassification } from '../classification/service'
import { assertIndustryCodes, industryNames } from '../industries/service'
import { jurisdictionNames, oversightScope, secretScope } from '../jurisdictions/service'
import { findOrganization, organizationNames } from '../organizations/service'
import { nearDuplicatesInRegistry } from '../search/near-duplicates'
import { catchUp, storeSearchDocument } from '../search/service'
import type { CreateAchievement, UpdateAchievement } from './contracts'
import { achievements } from './schema'
import { canEditRow, type Lookups, RECORD_TYPE, type Row, searchDocumentOf, toAchievement } from './view'

export async function viewerFor(actor: Actor): Promise<Viewer> {
  return viewerOf(actor, await secretScope(actor))
}

export async function lookupsFor(actor: Actor, rows: readonly Row[]): Promise<Lookups> {
  return {
    orgNames: await organizationNames(rows.map((r) => r.ownerOrgId)),
    areaNames: await jurisdictionNames(rows.map((r) => r.jurisdictionCode)),
    industryNames: await industryNames(rows.flatMap((r) => r.industryCodes)),
    editableAreas:
      actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
        ? await oversightScope(actor)
        : 'none',
  }
}

async function present(actor: Actor, row: Row) {
  return toAchievement(row, actor, await lookupsFor(actor, [row]))
}

/** The owner is the caller's organization, or — for an officer collecting on its behalf — one in their area. */
async function resolveOwner(
  actor: Actor,
  ownerOrgId: string | undefined,
): Promise<{ ownerOrgId: string; jurisdictionCode: string }> {
  const user = requireUser(actor)
  const orgId = ownerOrgId ?? user.orgId
  const org = await findOrganization(orgId)
  if (!org)
    throw new AppError('VALIDATION_FAILED', '所属机构不存在', {
      fields: [{ path: 'ownerOrgId', message: '所属机构不存在' }],
    })
  if (orgId !== user.orgId) {
    const scope = await oversightScope(actor)
    if (scope === 'none' || (scope !== 'all' && !scope.includes(org.jurisdictionCode))) {
      throw new AppError('FORBIDDEN', '只能为本单位或本辖区内的机构录入成果', { ownerOrgId })
    }
  }
  return { ownerOrgId: orgId, jurisdictionCode: org.jurisdictionCode }
}

/** The classes a person chose are training data for the classifier. */
async function learnFrom(tx: Transaction, actor: Actor, row: Row) {
  await recordClassification(tx, actor, {
    type: RECORD_TYPE,
    id: row.id,
    text: `${row.title}。${row.keywords.join('，')}。${row.summary}`,
    category: row.category,
    discipline: row.discipline,
    jurisdictionCode: row.jurisdictionCode,
    industryCodes: row.industryCodes,
  })
}

async function saveIndex(tx: Transaction, row: Row) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row))
}

export async function createAchievement(
  actor: Actor,
  input: CreateAchievement,
  options: { source?: string; sourceLabel?: string } = {},
) {
  requirePermission(actor, 'achievement.write')
  const owner = await resolveOwner(actor, input.ownerOrgId)
  await assertIndustryCodes(owner.jurisdictionCode, input.industryCodes)
  const duplicates = await findDuplicates(actor, {
    title: input.title,
    summary: input.summary,
    ownerOrgId: owner.ownerOrgId,
  })
  const { ownerOrgId: _owner, priceMinFen, priceMaxFen, ...fields } = input
  const row = await db.transaction(async (tx) => {
    const at = now()
    const [created] = await tx
      .insert(achievements)
      .values({
        ...fields,
        ...owner,
        id: newId(),
        priceMinFen: priceMinFen == null ? null : BigInt(priceMinFen),
        priceMaxFen: priceMaxFen == null ? null : BigInt(priceMaxFen),
        source: options.source ?? 'form',
        sourceLabel: options.sourceLabel ?? null,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, created!, null, '创建')
    await saveIndex(tx, created!)
    await learnFrom(tx, actor, created!)
    await audit(tx, actor, {
      action: 'achievement.create',
      targetType: RECORD_TYPE,
      targetId: created!.id,
      after: created,
      detail: { title: created!.title, duplicatesWarned: duplicates.length },
    })
    return created!
  })
  await catchUp()
  return { achievement: await present(actor, row), duplicates }
}

// oversightScope reads jurisdictions through a cache filled at start-up, so it is safe inside a transaction.
async function oversightScopeInTx(actor: Actor) {
  return actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
    ? oversightScope(actor)
    : ('none' as const)
}

export async function updateAchievement(actor: Actor, id: string, input: UpdateAchievement) {
  requirePermission(actor, 'achievement.write')
  const [current] = await db.select().from(achievements).where(eq(achievements.id, id))
  if (!current) throw notFound('成果')
  if (input.industryCodes) await assertIndustryCodes(current.jurisdictionCode, input.industryCodes)
  const scope = await oversightScopeInTx(actor)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(achievements).where(eq(achievements.id, id)).for('update')
    if (!before) throw notFound('成果')
    if (!canEditRow(actor, before, scope))
      throw new AppError('FORBIDDEN', '只有成果所属单位或辖区管理人员可以修改', { id })
    if (before.archivedAt) throw new AppError('STATE_INVALID', '成果已归档，请先恢复后再编辑')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该成果已被他人修改，请刷新后再编辑', { current: before.version })
    const { version: _v, note, priceMinFen, priceMaxFen, ...changes } = input
    const minFen = priceMinFen === undefined ? before.priceMinFen : priceMinFen === null ? null : BigInt(priceMinFen)
    const maxFen = priceMaxFen === undefined ? before.priceMaxFen : priceMaxFen === null ? null : BigInt(priceMaxFen)
    if (minFen !== null && maxFen !== null && minFen > maxFen) {
      throw new AppError('VALIDATION_FAILED', '最高价不能低于最低价', {
        fields: [{ path: 'priceMaxFen', message: '最高价不能低于最低价' }],
      })
    }
    const [updated] = await tx
      .update(achievements)
      .set({ ...changes, priceMinFen: minFen, priceMaxFen: maxFen, version: before.version + 1, updatedAt: now() })
      .where(eq(achievements.id, id))
      .returning()
    const fields = await writeRevision(tx, actor, RECORD_TYPE, updated!, before, note)
    await saveIndex(tx, updated!)
    if (fields.some((f) => f === 'category' || f === 'discipline' || f === 'industryCodes'))
      await learnFrom(tx, actor, updated!)
    await audit(tx, actor, {
      action: 'achievement.update',
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

export async function setArchived(actor: Actor, id: string, archived: boolean) {
  requirePermission(actor, 'achievement.write')
  const scope = await oversightScopeInTx(actor)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(achievements).where(eq(achievements.id, id)).for('update')
    if (!before) throw notFound('成果')
    if (!canEditRow(actor, before, scope))
      throw new AppError('FORBIDDEN', '只有成果所属单位或辖区管理人员可以归档', { id })
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '成果已归档' : '成果未归档')
    const [updated] = await tx
      .update(achievements)
      .set({ archivedAt: archived ? now() : null, version: before.version + 1, updatedAt: now() })
      .where(eq(achievements.id, id))
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, archived ? '归档' : '恢复')
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: archived ? 'achievement.archive' : 'achievement.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One record, if the caller may see it; otherwise 404 (a 保密 record's existence is not revealed). */
export async function getAchievement(actor: Actor, id: string) {
  requirePermission(actor, 'achievement.read')
  const viewer = await viewerFor(actor)
  const [row] = await db
    .select()
    .from(achievements)
    .where(and(eq(achievements.id, id), visibleCondition(viewer, RECORD_TYPE, achievements)))
  if (!row) throw notFound('成果')
  return present(actor, row)
}

export async function achievementHistory(actor: Actor, id: string) {
  await getAchievement(actor, id)
  return { items: await listRevisions(db, RECORD_TYPE, id) }
}

export const DUPLICATE_REASONS = {
  sameOwnerTitle: '同一单位已有标题高度相似的成果',
  text: '简介内容几乎相同',
  title: '标题几乎相同',
} as const

/**
 * Near-duplicates at entry: the same owner with a very similar title, or near-identical text from anyone
 * the caller can see. A warning with links, never a refusal.
 */
export async function findDuplicates(actor: Actor, input: DuplicateInput) {
  return (await findDuplicatesOfMany(actor, [input]))[0]!
}

type DuplicateInput = { title: string; summary?: string; ownerOrgId?: string }

/** `findDuplicates` for each of many new achievements (a bulk import): one query for all candidates. */
export async function findDuplicatesOfMany(actor: Actor, inputs: readonly DuplicateInput[]) {
  const viewer = await viewerFor(actor)
  const found = await nearDuplicatesInRegistry(
    RECORD_TYPE,
    viewer,
    inputs.map((i) => ({ title: i.title, text: i.summary, ownerOrgId: i.ownerOrgId })),
    {
      load: (ids) =>
        db
          .select({
            id: achievements.id,
            title: achievements.title,
            text: achievements.summary,
            ownerOrgId: achievements.ownerOrgId,
          })
          .from(achievements)
          .where(inArray(achievements.id, ids)),
      reasons: DUPLICATE_REASONS,
    },
  )
  return found
}
