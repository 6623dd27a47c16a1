import { and, eq, inArray, isNull } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type Viewer, viewerOf, visibleCondition } from '../../platform/registry/confidentiality'
import { listRevisions, writeRevision } from '../../platform/registry/revisions'
import { assertIndustryCodes, industryNames } from '../industries/service'
import { jurisdictionNames, oversightScope, requireJurisdiction, secretScope } from '../jurisdictions/service'
import { findOrganization, findOrganizations, insertOrganization, organizationNames } from '../organizations/service'
import { nearDuplicatesInRegistry } from '../search/near-duplicates'
import { catchUp, storeSearchDocument } from '../search/service'
import type { CreateCarrier, UpdateCarrier } from './contracts'
import { carrierKindLabels, organizationKindOfCarrier, pinyinSortKey } from './labels'
import { type CarrierShape, carrierProblems } from './rules'
import { type AccreditationStatus, type CarrierKind, type CarrierLevel, carriers } from './schema'
import { canEditRow, type Lookups, RECORD_TYPE, type Row, searchDocumentOf, toCarrier } from './view'

export { pinyinSortKey } from './labels'
export { canEditRow, RECORD_TYPE, type Row as CarrierRow } from './view'

export async function viewerFor(actor: Actor): Promise<Viewer> {
  return viewerOf(actor, await secretScope(actor))
}

const operatorKindLabels: Record<CarrierKind, string> = {
  pocCenter: '概念验证中心',
  pilotPlatform: '中试平台',
  incubator: '孵化器/园区',
  park: '孵化器/园区',
}

const isOfficer = (actor: Actor) =>
  actor.kind === 'system' ||
  (actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer'))

// oversightScope reads jurisdictions through a cache filled at start-up, so it is safe before a transaction.
export async function editableAreasOf(actor: Actor): Promise<Lookups['editableAreas']> {
  if (actor.kind === 'system') return 'all'
  return isOfficer(actor) ? oversightScope(actor) : 'none'
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
  return toCarrier(row, actor, await lookupsFor(actor, [row]))
}

function refuse(problems: { path: string; message: string }[]): never {
  throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), { fields: problems })
}

export function currentYear(): number {
  return Number(now().toLocaleString('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }))
}

/** 级别 and 认定状态 are set by the science bureaus (seed 004 三: 认定程序); operators may not change them. */
function assertMayAccredit(
  actor: Actor,
  wanted: Pick<CarrierShape, 'level' | 'accreditationStatus' | 'accreditationYear'>,
  current: Pick<CarrierShape, 'level' | 'accreditationStatus' | 'accreditationYear'>,
) {
  if (isOfficer(actor)) return
  const changed = (['level', 'accreditationStatus', 'accreditationYear'] as const).filter(
    (k) => wanted[k] !== current[k],
  )
  if (changed.length)
    throw new AppError('FORBIDDEN', '级别与认定状态由科技管理部门维护，请联系所在地科技局', {
      fields: changed.map((path) => ({ path, message: '由科技管理部门维护' })),
    })
}

type Owner =
  | { kind: 'existing'; ownerOrgId: string; jurisdictionCode: string }
  | { kind: 'new'; jurisdictionCode: string; organization: NonNullable<CreateCarrier['organization']> }

/**
 * The operating organization: the caller's own, one in an officer's area, or — for an officer — a new one
 * registered in the same transaction. Its kind must fit the carrier (a 中试平台 is run by a pilot platform).
 */
async function resolveOwner(actor: Actor, kind: CarrierKind, input: CreateCarrier): Promise<Owner> {
  const user = actor.kind === 'system' ? undefined : requireUser(actor)
  const scope = await editableAreasOf(actor)
  const inScope = (code: string) => scope === 'all' || (Array.isArray(scope) && scope.includes(code))
  if (input.organization) {
    if (!isOfficer(actor)) throw new AppError('FORBIDDEN', '只有科技管理部门可以在登记载体时新建运营机构')
    const area = await requireJurisdiction(input.organization.jurisdictionCode, 'organization.jurisdictionCode')
    if (!inScope(area.code))
      throw new AppError('FORBIDDEN', '只能为本辖区内的机构登记载体', { jurisdictionCode: area.code })
    const uscc = input.organization.uscc
    if (uscc) {
      const [clash] = await findOrganizations(db, { usccs: [uscc] })
      if (clash)
        refuse([
          {
            path: 'organization.uscc',
            message: `统一社会信用代码已登记为“${clash.name}”，请选择该机构而不是新建`,
          },
        ])
    }
    return { kind: 'new', jurisdictionCode: area.code, organization: input.organization }
  }
  const orgId = input.organizationId ?? user?.orgId
  const org = orgId ? await findOrganization(orgId) : undefined
  if (!org) refuse([{ path: 'organizationId', message: '运营机构不存在' }])
  if (org.id !== user?.orgId && !inScope(org.jurisdictionCode))
    throw new AppError('FORBIDDEN', '只能为本单位或本辖区内的机构登记载体', { organizationId: org.id })
  if (org.status !== 'active') refuse([{ path: 'organizationId', message: '运营机构已注销' }])
  if (org.kind !== organizationKindOfCarrier[kind]) {
    refuse([
      {
        path: 'organizationId',
        message: `${carrierKindLabels[kind]}的运营机构应为${operatorKindLabels[kind]}类机构，“${org.name}”不是；请选择或新建运营机构`,
      },
    ])
  }
  return { kind: 'existing', ownerOrgId: org.id, jurisdictionCode: org.jurisdictionCode }
}

async function saveIndex(tx: Transaction, row: Row) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row))
}

function shapeOf(v: {
  kind: CarrierKind
  subtype?: Row['subtype'] | null
  industryCodes: readonly string[]
  level?: Row['level'] | null
  accreditationStatus: Row['accreditationStatus']
  accreditationYear?: number | null
  longitude?: number | null
  latitude?: number | null
}): CarrierShape {
  return {
    kind: v.kind,
    subtype: v.subtype ?? null,
    industryCodes: v.industryCodes,
    level: v.level ?? null,
    accreditationStatus: v.accreditationStatus,
    accreditationYear: v.accreditationYear ?? null,
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
  }
}

/** The stored form of the editable fields: optional values as null, the pinyin key beside the name. */
function normalized(input: Partial<UpdateCarrier & CreateCarrier>) {
  const out: Partial<typeof carriers.$inferInsert> = {}
  for (const key of [
    'name',
    'subtype',
    'industryCodes',
    'address',
    'longitude',
    'latitude',
    'level',
    'accreditationStatus',
    'accreditationYear',
    'hostInstitution',
    'contactName',
    'contactPhone',
    'contactEmail',
    'introduction',
    'confidentiality',
  ] as const) {
    if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key] ?? null
  }
  if (input.name !== undefined) out.nameSort = pinyinSortKey(input.name)
  if (input.capabilities)
    out.capabilities = input.capabilities.map((c) => ({ ...c, description: c.description || null }))
  if (input.feeStandards) out.feeStandards = input.feeStandards.map((f) => ({ ...f, priceFen: f.priceFen ?? null }))
  if (input.directors) out.directors = input.directors.map((d) => ({ ...d, title: d.title || null }))
  return out
}

export async function createCarrier(
  actor: Actor,
  input: CreateCarrier,
  options: { source?: string; sourceLabel?: string } = {},
) {
  requirePermission(actor, 'carrier.write')
  const shape = shapeOf(input)
  assertMayAccredit(actor, shape, { level: null, accreditationStatus: 'none', accreditationYear: null })
  const problems = carrierProblems(shape, currentYear())
  if (problems.length) refuse(problems)
  const owner = await resolveOwner(actor, input.kind, input)
  await assertIndustryCodes(owner.jurisdictionCode, input.industryCodes)
  const duplicates = await findDuplicates(actor, {
    name: input.name,
    introduction: input.introduction,
    ownerOrgId: owner.kind === 'existing' ? owner.ownerOrgId : undefined,
  })
  const values = normalized(input)
  const row = await db.transaction(async (tx) => {
    const ownerOrgId =
      owner.kind === 'existing'
        ? owner.ownerOrgId
        : (
            await insertOrganization(tx, actor, {
              name: owner.organization.name,
              kind: organizationKindOfCarrier[input.kind],
              uscc: owner.organization.uscc ?? null,
              jurisdictionCode: owner.jurisdictionCode,
              address: input.address,
            })
          ).id
    const at = now()
    const [created] = await tx
      .insert(carriers)
      .values({
        ...values,
        name: input.name,
        nameSort: pinyinSortKey(input.name),
        kind: input.kind,
        industryCodes: input.industryCodes,
        address: input.address,
        introduction: input.introduction,
        capabilities: values.capabilities ?? [],
        feeStandards: values.feeStandards ?? [],
        directors: values.directors ?? [],
        confidentiality: input.confidentiality,
        id: newId(),
        ownerOrgId,
        jurisdictionCode: owner.jurisdictionCode,
        source: options.source ?? 'form',
        sourceLabel: options.sourceLabel ?? null,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, created!, null, '创建')
    await saveIndex(tx, created!)
    await audit(tx, actor, {
      action: 'carrier.create',
      targetType: RECORD_TYPE,
      targetId: created!.id,
      after: created,
      detail: { name: created!.name, kind: created!.kind, duplicatesWarned: duplicates.length },
    })
    return created!
  })
  await catchUp()
  return { carrier: await present(actor, row), duplicates }
}

export async function updateCarrier(actor: Actor, id: string, input: UpdateCarrier) {
  requirePermission(actor, 'carrier.write')
  const [current] = await db.select().from(carriers).where(eq(carriers.id, id))
  if (!current) throw notFound('载体')
  const scope = await editableAreasOf(actor)
  if (!canEditRow(actor, current, scope))
    throw new AppError('FORBIDDEN', '只有载体运营机构或辖区管理人员可以修改', { id })
  const { version, note, ...changes } = input
  const merged = shapeOf({ ...current, ...normalized(changes) })
  assertMayAccredit(actor, merged, shapeOf(current))
  const problems = carrierProblems(merged, currentYear())
  if (problems.length) refuse(problems)
  if (input.industryCodes) await assertIndustryCodes(current.jurisdictionCode, input.industryCodes)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(carriers).where(eq(carriers.id, id)).for('update')
    if (!before) throw notFound('载体')
    if (before.archivedAt) throw new AppError('STATE_INVALID', '载体已归档，请先恢复后再编辑')
    if (before.version !== version)
      throw new AppError('STALE_VERSION', '该载体已被他人修改，请刷新后再编辑', { current: before.version })
    const [updated] = await tx
      .update(carriers)
      .set({ ...normalized(changes), version: before.version + 1, updatedAt: now() })
      .where(eq(carriers.id, id))
      .returning()
    const fields = await writeRevision(tx, actor, RECORD_TYPE, updated!, before, note)
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: 'carrier.update',
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

/** A carrier archived or restored; `previous` is when it had been archived (restore only). */
export type CarrierArchiveChange = { carrierId: string; archived: boolean; at: Date; previous: Date | null }
type ArchiveHook = (tx: Transaction, actor: Actor, change: CarrierArchiveChange) => Promise<void>
const archiveHooks: ArchiveHook[] = []

/**
 * Registries whose records belong to a carrier (its instruments) follow it into the archive and back, in the
 * same transaction. They register here because they depend on this module, not the other way round.
 */
export function onCarrierArchive(hook: ArchiveHook): void {
  archiveHooks.push(hook)
}

export async function setArchived(actor: Actor, id: string, archived: boolean) {
  requirePermission(actor, 'carrier.write')
  const scope = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(carriers).where(eq(carriers.id, id)).for('update')
    if (!before) throw notFound('载体')
    if (!canEditRow(actor, before, scope))
      throw new AppError('FORBIDDEN', '只有载体运营机构或辖区管理人员可以归档', { id })
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '载体已归档' : '载体未归档')
    const at = now()
    const [updated] = await tx
      .update(carriers)
      .set({ archivedAt: archived ? at : null, version: before.version + 1, updatedAt: at })
      .where(eq(carriers.id, id))
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, updated!, before, archived ? '归档' : '恢复')
    await saveIndex(tx, updated!)
    await audit(tx, actor, {
      action: archived ? 'carrier.archive' : 'carrier.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    for (const hook of archiveHooks) await hook(tx, actor, { carrierId: id, archived, at, previous: before.archivedAt })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One carrier, if the caller may see it; otherwise 404 (a 保密 carrier's existence is not revealed). */
export async function getCarrier(actor: Actor, id: string) {
  requirePermission(actor, 'carrier.read')
  const viewer = await viewerFor(actor)
  const [row] = await db
    .select()
    .from(carriers)
    .where(and(eq(carriers.id, id), visibleCondition(viewer, RECORD_TYPE, carriers)))
  if (!row) throw notFound('载体')
  return present(actor, row)
}

export async function carrierHistory(actor: Actor, id: string) {
  await getCarrier(actor, id)
  return { items: await listRevisions(db, RECORD_TYPE, id) }
}

export const DUPLICATE_REASONS = {
  sameOwnerTitle: '同一机构已有名称高度相似的载体',
  text: '简介内容几乎相同',
  title: '名称几乎相同',
} as const

type DuplicateInput = { name: string; introduction?: string; ownerOrgId?: string }

/**
 * Near-duplicates at entry: the same organization with a very similar name, or a near-identical name or
 * introduction from anyone the caller can see. A warning with links, never a refusal.
 */
export async function findDuplicates(actor: Actor, input: DuplicateInput) {
  return (await findDuplicatesOfMany(actor, [input]))[0]!
}

/** `findDuplicates` for each of many new carriers (a bulk import): one query for all candidates. */
export async function findDuplicatesOfMany(actor: Actor, inputs: readonly DuplicateInput[]) {
  const viewer = await viewerFor(actor)
  const found = await nearDuplicatesInRegistry(
    RECORD_TYPE,
    viewer,
    inputs.map((i) => ({ title: i.name, text: i.introduction, ownerOrgId: i.ownerOrgId })),
    {
      load: (ids) =>
        db
          .select({
            id: carriers.id,
            title: carriers.name,
            text: carriers.introduction,
            ownerOrgId: carriers.ownerOrgId,
          })
          .from(carriers)
          .where(and(inArray(carriers.id, ids), visibleCondition(viewer, RECORD_TYPE, carriers))),
      reasons: DUPLICATE_REASONS,
    },
  )
  return found.map((list) => list.map(({ title, ...rest }) => ({ ...rest, name: title })))
}

/** For the instruments registry: a carrier by id, without permission checks (the caller applies its own). */
export async function findCarrier(id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(carriers).where(eq(carriers.id, id))
  return row
}

/** For the instruments registry: carriers by id (names in lists, visibility of the owner carrier). */
export async function findCarriers(ids: readonly string[]): Promise<Row[]> {
  const unique = [...new Set(ids)]
  return unique.length ? db.select().from(carriers).where(inArray(carriers.id, unique)) : []
}

/** For imports that name a carrier: the active carriers the actor may edit, by exact name. */
export async function editableCarriersByName(actor: Actor, names: readonly string[]): Promise<Map<string, Row[]>> {
  const unique = [...new Set(names)]
  const out = new Map<string, Row[]>()
  if (unique.length === 0) return out
  const scope = await editableAreasOf(actor)
  const rows = await db.select().from(carriers).where(inArray(carriers.name, unique))
  for (const row of rows) {
    if (row.archivedAt || !canEditRow(actor, row, scope)) continue
    out.set(row.name, [...(out.get(row.name) ?? []), row])
  }
  return out
}

/** For imports by an operator: the active carriers of their own organization. */
export async function carriersOfOrganization(orgId: string): Promise<Row[]> {
  const rows = await db.select().from(carriers).where(eq(carriers.ownerOrgId, orgId))
  return rows.filter((r) => r.archivedAt === null)
}

/**
 * For the accreditation module (认定、撤销、终止, seed 004 三–六): sets a carrier's 认定状态, 级别 and 年份 (and, at
 * 认定, its accredited name) inside the caller's transaction, with revision, search document and audit.
 */
export async function setCarrierAccreditation(
  tx: Transaction,
  actor: Actor,
  id: string,
  change: {
    accreditationStatus: AccreditationStatus
    level: CarrierLevel | null
    accreditationYear: number | null
    name?: string
  },
  note: string,
): Promise<Row> {
  const [before] = await tx.select().from(carriers).where(eq(carriers.id, id)).for('update')
  if (!before) throw notFound('载体')
  const [updated] = await tx
    .update(carriers)
    .set({ ...normalized(change), version: before.version + 1, updatedAt: now() })
    .where(eq(carriers.id, id))
    .returning()
  await writeRevision(tx, actor, RECORD_TYPE, updated!, before, note)
  await saveIndex(tx, updated!)
  await audit(tx, actor, {
    action: 'carrier.accreditation',
    targetType: RECORD_TYPE,
    targetId: id,
    before,
    after: updated,
    detail: { ...change, note },
  })
  return updated!
}

/** For the accreditation module's targets and coverage: the carriers of some kinds in some areas, archived ones left out. */
export async function findCarriersInAreas(areas: readonly string[], kinds: readonly CarrierKind[]): Promise<Row[]> {
  if (areas.length === 0 || kinds.length === 0) return []
  return db
    .select()
    .from(carriers)
    .where(
      and(
        inArray(carriers.jurisdictionCode, [...areas]),
        inArray(carriers.kind, [...kinds]),
        isNull(carriers.archivedAt),
      ),
    )
}
