import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { canSee, visibleCondition } from '../../platform/registry/confidentiality'
import { listRevisions, writeRevision } from '../../platform/registry/revisions'
import { bigramSimilarity } from '../../platform/registry/similarity'
import { carriers } from '../carriers/schema'
import {
  type CarrierRow,
  editableAreasOf,
  findCarrier,
  findCarriers,
  onCarrierArchive,
  pinyinSortKey,
  viewerFor,
} from '../carriers/service'
import { jurisdictionNames } from '../jurisdictions/service'
import { organizationNames } from '../organizations/service'
import { catchUp, storeSearchDocument } from '../search/service'
import type { CreateInstrument, UpdateInstrument } from './contracts'
import { instruments } from './schema'
import { canEditRow, type Lookups, RECORD_TYPE, type Row, searchDocumentOf, toInstrument } from './view'

export { viewerFor }

export async function lookupsFor(actor: Actor, rows: readonly Row[]): Promise<Lookups> {
  const viewer = await viewerFor(actor)
  const owners = await findCarriers(rows.map((r) => r.carrierId))
  return {
    orgNames: await organizationNames(rows.map((r) => r.ownerOrgId)),
    areaNames: await jurisdictionNames(rows.map((r) => r.jurisdictionCode)),
    carrierNames: new Map(owners.filter((c) => canSee(viewer, c)).map((c) => [c.id, c.name])),
    editableAreas: await editableAreasOf(actor),
  }
}

async function present(actor: Actor, row: Row) {
  return toInstrument(row, actor, await lookupsFor(actor, [row]))
}

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })
}

/** The carrier an instrument is registered under: visible to the caller, active, and theirs to manage. */
async function ownerCarrier(actor: Actor, carrierId: string): Promise<CarrierRow> {
  const carrier = await findCarrier(carrierId)
  if (!carrier || !canSee(await viewerFor(actor), carrier)) refuse('carrierId', '所属载体不存在或无权查看')
  if (!canEditRow(actor, carrier, await editableAreasOf(actor)))
    throw new AppError('FORBIDDEN', '只有载体运营机构或辖区管理人员可以登记该载体的仪器', { carrierId })
  if (carrier.archivedAt) throw new AppError('STATE_INVALID', '所属载体已归档，不能登记仪器')
  return carrier
}

/** A price needs its unit (元/小时, 元/样 …); no price means 面议. */
function assertFee(priceFen: bigint | null | undefined, feeUnit: string | null | undefined) {
  if (priceFen != null && !feeUnit) refuse('feeUnit', '填写收费标准时请填写计费单位（如：小时、样）')
}

/** 资产编号 tells a carrier's instruments apart: the same number twice under one carrier is refused. */
async function assertAssetNumberFree(
  tx: Transaction,
  carrierId: string,
  assetNumber: string | null,
  exceptId?: string,
) {
  if (!assetNumber) return
  const [clash] = await tx
    .select({ id: instruments.id, name: instruments.name })
    .from(instruments)
    .where(
      and(
        eq(instruments.carrierId, carrierId),
        eq(instruments.assetNumber, assetNumber),
        exceptId ? ne(instruments.id, exceptId) : undefined,
      ),
    )
  if (clash)
    throw new AppError('ALREADY_EXISTS', `资产编号 ${assetNumber} 已登记为“${clash.name}”`, {
      fields: [{ path: 'assetNumber', message: `已登记为“${clash.name}”` }],
      id: clash.id,
    })
}

/** The stored form of the editable fields: optional values as null, the pinyin key beside the name. */
function normalized(input: Partial<UpdateInstrument>) {
  const out: Partial<typeof instruments.$inferInsert> = {}
  for (const key of [
    'name',
    'assetNumber',
    'category',
    'model',
    'manufacturer',
    'specifications',
    'hasCma',
    'hasCnas',
    'openHours',
    'bookingMethod',
    'feeUnit',
    'location',
    'availability',
    'confidentiality',
  ] as const) {
    if (input[key] !== undefined)
      (out as Record<string, unknown>)[key] = input[key] === '' ? null : (input[key] ?? null)
  }
  if (input.name !== undefined) out.nameSort = pinyinSortKey(input.name)
  if (input.priceFen !== undefined) out.priceFen = input.priceFen === null ? null : BigInt(input.priceFen)
  return out
}

async function saveIndex(tx: Transaction, row: Row) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row))
}

export async function createInstrument(actor: Actor, input: CreateInstrument) {
  requirePermission(actor, 'instrument.write')
  const carrier = await ownerCarrier(actor, input.carrierId)
  const { carrierId, ...fields } = input
  const values = normalized(fields)
  assertFee(values.priceFen, values.feeUnit)
  const duplicates = await findDuplicates(actor, { name: input.name, carrierId, model: input.model })
  const row = await db.transaction(async (tx) => {
    await assertAssetNumberFree(tx, carrierId, values.assetNumber ?? null)
    const at = now()
    const [created] = await tx
      .insert(instruments)
      .values({
        ...values,
        name: input.name,
        nameSort: pinyinSortKey(input.name),
        category: input.category,
        specifications: input.specifications,
        id: newId(),
        carrierId,
        ownerOrgId: carrier.ownerOrgId,
        jurisdictionCode: carrier.jurisdictionCode,
        confidentiality: input.confidentiality,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, created!, null, '创建')
    await saveIndex(tx, created!)
    await audit(tx, actor, {
      action: 'instrument.create',
      targetType: RECORD_TYPE,
      targetId: created!.id,
      after: created,
      detail: { name: created!.name, carrierId, duplicatesWarned: duplicates.length },
    })
    return created!
  })
  await catchUp()
  return { instrument: await present(actor, row), duplicates }
}

export async function updateInstrument(actor: Actor, id: string, input: UpdateInstrument) {
  requirePermission(actor, 'instrument.write')
  const [current] = await db.select().from(instruments).where(eq(instruments.id, id))
  if (!current) throw notFound('仪器')
  const scope = await editableAreasOf(actor)
  if (!canEditRow(actor, current, scope))
    throw new AppError('FORBIDDEN', '只有载体运营机构或辖区管理人员可以修改仪器', { id })
  const { version, note, ...changes } = input
  const values = normalized(changes)
  assertFee(
    values.priceFen === undefined ? current.priceFen : values.priceFen,
    values.feeUnit === undefined ? current.feeUnit : values.feeUnit,
  )
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(instruments).where(eq(instruments.id, id)).for('update')
    if (!before) throw notFound('仪器')
    if (before.archivedAt) throw new AppError('STATE_INVALID', '仪器已归档，请先恢复后再编辑')
    if (before.version !== version)
      throw new AppError('STALE_VERSION', '该仪器已被他人修改，请刷新后再编辑', { current: before.version })
    if (values.assetNumber !== undefined)
      await assertAssetNumberFree(tx, before.carrierId, values.assetNumber ?? null, id)
    const [updated] = await tx
      .update(instruments)
      .set({ ...values, version: before.version + 1, updatedAt: now() })
      .where(eq(instruments.id, id))
      .returning()
    const fields = await writeRevision(tx, actor, RECORD_TYPE, updated!, before, note)
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: 'instrument.update',
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

/**
 * An archived carrier's instruments cannot be booked, so they leave search with it (归档 with the carrier's
 * timestamp), and come back when it is restored: only those archived together with it, not ones archived before.
 */
onCarrierArchive(async (tx, actor, change) => {
  const affected = await tx
    .select()
    .from(instruments)
    .where(
      and(
        eq(instruments.carrierId, change.carrierId),
        change.archived
          ? isNull(instruments.archivedAt)
          : change.previous
            ? eq(instruments.archivedAt, change.previous)
            : sql`false`,
      ),
    )
    .for('update')
  for (const before of affected) {
    const [updated] = await tx
      .update(instruments)
      .set({ archivedAt: change.archived ? change.at : null, version: before.version + 1, updatedAt: change.at })
      .where(eq(instruments.id, before.id))
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, change.archived ? '随所属载体归档' : '随所属载体恢复')
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: change.archived ? 'instrument.archive' : 'instrument.restore',
      targetType: RECORD_TYPE,
      targetId: before.id,
      detail: { withCarrier: change.carrierId },
    })
  }
})

export async function setArchived(actor: Actor, id: string, archived: boolean) {
  requirePermission(actor, 'instrument.write')
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(instruments).where(eq(instruments.id, id)).for('update')
    if (!before) throw notFound('仪器')
    if (!canEditRow(actor, before, scope))
      throw new AppError('FORBIDDEN', '只有载体运营机构或辖区管理人员可以归档仪器', { id })
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '仪器已归档' : '仪器未归档')
    const [carrier] = await tx
      .select({ archivedAt: carriers.archivedAt })
      .from(carriers)
      .where(eq(carriers.id, before.carrierId))
    if (!archived && carrier?.archivedAt)
      throw new AppError('STATE_INVALID', '所属载体已归档，请先恢复载体', { carrierId: before.carrierId })
    const [updated] = await tx
      .update(instruments)
      .set({ archivedAt: archived ? now() : null, version: before.version + 1, updatedAt: now() })
      .where(eq(instruments.id, id))
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, archived ? '归档' : '恢复')
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: archived ? 'instrument.archive' : 'instrument.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One instrument, if the caller may see it; otherwise 404 (a 保密 record's existence is not revealed). */
export async function getInstrument(actor: Actor, id: string) {
  requirePermission(actor, 'instrument.read')
  const viewer = await viewerFor(actor)
  const [row] = await db
    .select()
    .from(instruments)
    .where(and(eq(instruments.id, id), visibleCondition(viewer, RECORD_TYPE, instruments)))
  if (!row) throw notFound('仪器')
  return present(actor, row)
}

export async function instrumentHistory(actor: Actor, id: string) {
  await getInstrument(actor, id)
  return { items: await listRevisions(db, RECORD_TYPE, id) }
}

type DuplicateInput = { name: string; carrierId: string; model?: string | null }

/**
 * Near-duplicates at entry: an instrument of the same carrier with a very similar name (and the same model,
 * when both have one). A warning with links, never a refusal — a carrier may own two of the same.
 */
export async function findDuplicates(actor: Actor, input: DuplicateInput) {
  return (await findDuplicatesOfMany(actor, [input]))[0]!
}

/** `findDuplicates` for each of many new instruments (a bulk import): one query for all of their carriers. */
export async function findDuplicatesOfMany(actor: Actor, inputs: readonly DuplicateInput[]) {
  const viewer = await viewerFor(actor)
  const carrierIds = [...new Set(inputs.map((i) => i.carrierId))]
  const byCarrier = new Map<string, (DuplicateInput & { id: string })[]>()
  for (let from = 0; from < carrierIds.length; from += 5000) {
    const rows = await db
      .select({
        id: instruments.id,
        name: instruments.name,
        model: instruments.model,
        carrierId: instruments.carrierId,
      })
      .from(instruments)
      .where(
        and(
          inArray(instruments.carrierId, carrierIds.slice(from, from + 5000)),
          isNull(instruments.archivedAt),
          visibleCondition(viewer, RECORD_TYPE, instruments),
        ),
      )
    for (const row of rows) {
      const list = byCarrier.get(row.carrierId)
      if (list) list.push(row)
      else byCarrier.set(row.carrierId, [row])
    }
  }
  return inputs.map((input) =>
    (byCarrier.get(input.carrierId) ?? [])
      .flatMap((c) => {
        const match = instrumentDuplicate(input, c)
        return match ? [{ id: c.id, name: c.name, ...match }] : []
      })
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 5),
  )
}

/** The entry form's rule: the same carrier, a name this similar, and the same model when both have one. */
export function instrumentDuplicate(
  input: DuplicateInput,
  candidate: DuplicateInput,
): { similarity: number; reason: string } | null {
  if (input.carrierId !== candidate.carrierId) return null
  const similarity = bigramSimilarity(input.name, candidate.name)
  const sameModel = !input.model || !candidate.model || normalizeModel(input.model) === normalizeModel(candidate.model)
  if (similarity < 0.6 || !sameModel) return null
  return {
    similarity: Math.round(similarity * 100) / 100,
    reason: input.model && candidate.model ? '同一载体已有名称相似、型号相同的仪器' : '同一载体已有名称相似的仪器',
  }
}

const normalizeModel = (model: string) => model.replace(/[\s\-_]/g, '').toUpperCase()

/** Instruments by id, for other modules (a booking, a voucher's service line); no permission checks. */
export async function findInstruments(ids: readonly string[]): Promise<Row[]> {
  const unique = [...new Set(ids)]
  return unique.length ? db.select().from(instruments).where(inArray(instruments.id, unique)) : []
}
