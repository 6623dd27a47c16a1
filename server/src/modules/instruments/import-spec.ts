import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { canonicalJson } from '../../platform/crypto/digest'
import { newId } from '../../platform/ids/ids'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import type { ImportSpec } from '../../platform/registry/import/engine'
import { type ParsedRow, parsedAll } from '../../platform/registry/import/parsed-row'
import { similarOnFile, similarRowsInFile } from '../../platform/registry/import/similar-rows'
import { writeRevision } from '../../platform/registry/revisions'
import { type CarrierRow, carriersOfOrganization, editableCarriersByName, pinyinSortKey } from '../carriers/service'
import { storeSearchDocument } from '../search/service'
import { availabilityLabels, byLabel, instrumentCategoryLabels } from './labels'
import { instruments } from './schema'
import { findDuplicatesOfMany, instrumentDuplicate } from './service'
import { RECORD_TYPE, searchDocumentOf } from './view'

const label = <K extends string>(labels: Record<K, string>, what: string) =>
  z.string().transform((v, ctx) => {
    const key = byLabel(labels, v)
    if (key) return key
    ctx.addIssue({ code: 'custom', message: `${what}应为：${Object.values(labels).join('、')}` })
    return z.NEVER
  })

const YES = ['是', '有', 'Y', 'YES', '√']
const NO = ['否', '无', 'N', 'NO', '×']
const yesNo = (what: string) =>
  z.string().transform((v, ctx) => {
    const text = v.trim().toUpperCase()
    if (YES.includes(text)) return true
    if (NO.includes(text)) return false
    ctx.addIssue({ code: 'custom', message: `${what}应填“是”或“否”` })
    return z.NEVER
  })

const ImportRow = z.object({
  name: z.string().trim().min(2, '仪器名称至少 2 个字').max(100, '仪器名称不超过 100 个字'),
  carrierName: z.string().trim().max(100, '载体名称不超过 100 个字').optional(),
  assetNumber: z.string().trim().max(40, '资产编号不超过 40 个字符').optional(),
  category: label(instrumentCategoryLabels, '仪器类别'),
  model: z.string().trim().max(100, '型号不超过 100 个字符').optional(),
  manufacturer: z.string().trim().max(100, '生产厂家不超过 100 个字').optional(),
  specifications: z.string().trim().min(10, '主要技术指标至少 10 个字').max(3000, '主要技术指标不超过 3000 个字'),
  hasCma: yesNo('CMA').optional(),
  hasCnas: yesNo('CNAS').optional(),
  openHours: z.string().trim().max(200, '开放时间不超过 200 个字').optional(),
  bookingMethod: z.string().trim().max(200, '预约方式不超过 200 个字').optional(),
  priceYuan: z.coerce.number({ error: '收费标准应为数字（元）' }).min(0, '收费标准不能为负').max(1e10).optional(),
  feeUnit: z.string().trim().max(20, '计费单位不超过 20 个字').optional(),
  location: z.string().trim().max(200, '放置地点不超过 200 个字').optional(),
  availability: label(availabilityLabels, '状态').optional(),
  confidentiality: label(confidentialityLabels, '公开程度').optional(),
})
/** A parsed row; `carrier` is attached by the import's database check for `persist`. */
type InstrumentImportRow = z.output<typeof ImportRow> & { carrier?: CarrierRow }

/** The owner carrier of each row: named, or the importing operator's only carrier. */
async function resolveCarriers(actor: Actor, rows: ParsedRow<InstrumentImportRow>[]) {
  const user = requireUser(actor)
  const problems: { index: number; column: string; reason: string }[] = []
  const named = await editableCarriersByName(
    actor,
    rows.flatMap(({ row }) => (row.carrierName ? [row.carrierName] : [])),
  )
  const unnamed = rows.some((r) => parsedAll(r, 'carrierName') && !r.row.carrierName)
  const own = unnamed ? await carriersOfOrganization(user.orgId) : []
  for (const [index, parsed] of rows.entries()) {
    const { row } = parsed
    const candidates = row.carrierName ? (named.get(row.carrierName) ?? []) : own
    if (!parsedAll(parsed, 'carrierName')) {
      // 所属载体 failed: which carrier is meant is unknown.
    } else if (candidates.length === 1) row.carrier = candidates[0]
    else
      problems.push({
        index,
        column: 'carrierName',
        reason: row.carrierName
          ? candidates.length === 0
            ? `未找到您可管理的载体“${row.carrierName}”`
            : `有 ${candidates.length} 个同名载体“${row.carrierName}”，请联系管理员区分`
          : '请填写所属载体（本单位没有或有多个载体）',
      })
    if (parsedAll(parsed, 'priceYuan', 'feeUnit') && row.priceYuan !== undefined && !row.feeUnit)
      problems.push({ index, column: 'feeUnit', reason: '填写收费标准时请填写计费单位（如：小时、样）' })
  }
  return problems
}

function valuesOf(row: InstrumentImportRow) {
  return {
    name: row.name,
    nameSort: pinyinSortKey(row.name),
    assetNumber: row.assetNumber ?? null,
    category: row.category,
    model: row.model ?? null,
    manufacturer: row.manufacturer ?? null,
    specifications: row.specifications,
    hasCma: row.hasCma ?? false,
    hasCnas: row.hasCnas ?? false,
    openHours: row.openHours ?? null,
    bookingMethod: row.bookingMethod ?? null,
    priceFen: row.priceYuan === undefined ? null : BigInt(Math.round(row.priceYuan * 100)),
    feeUnit: row.feeUnit ?? null,
    location: row.location ?? null,
    availability: row.availability ?? 'available',
    confidentiality: row.confidentiality ?? 'public',
  }
}

/** 仪器批量导入: one row per instrument, under a carrier the importer manages. */
export const instrumentImport: ImportSpec<InstrumentImportRow> = {
  recordType: RECORD_TYPE,
  label: '仪器',
  columns: [
    { key: 'name', header: '仪器名称', required: true, description: '2–100 字', example: '场发射扫描电子显微镜' },
    {
      key: 'carrierName',
      header: '所属载体',
      description: '您可管理的载体名称；本单位只有一个载体时可不填',
      example: '',
    },
    {
      key: 'assetNumber',
      header: '资产编号',
      description: '同一载体内唯一，用于区分同型号仪器',
      example: 'ZC-2024-0031',
    },
    {
      key: 'category',
      header: '仪器类别',
      required: true,
      description: Object.values(instrumentCategoryLabels).join('、'),
      example: '分析测试',
    },
    { key: 'model', header: '型号', description: '', example: 'SU8010' },
    { key: 'manufacturer', header: '生产厂家', description: '', example: '日立高新技术公司' },
    {
      key: 'specifications',
      header: '主要技术指标',
      required: true,
      description: '10–3000 字',
      example: '二次电子分辨率 1.0 nm（15 kV），放大倍数 20–800000 倍，配能谱仪可做元素面分布分析',
    },
    { key: 'hasCma', header: 'CMA', description: '是否在 CMA 资质认定范围内：是、否', example: '是' },
    { key: 'hasCnas', header: 'CNAS', description: '是否在 CNAS 认可范围内：是、否', example: '否' },
    { key: 'openHours', header: '开放时间', description: '', example: '工作日 9:00–17:00' },
    { key: 'bookingMethod', header: '预约方式', description: '', example: '平台在线预约，提前 2 个工作日' },
    { key: 'priceYuan', header: '收费标准（元）', description: '每计费单位的价格；不填为面议', example: '600' },
    { key: 'feeUnit', header: '计费单位', description: '填写收费标准时必填，如：小时、样', example: '小时' },
    { key: 'location', header: '放置地点', description: '', example: '检测楼 2 层 203 室' },
    { key: 'availability', header: '状态', description: '可预约、维护中、停用；默认可预约', example: '可预约' },
    { key: 'confidentiality', header: '公开程度', description: '公开、内部、保密；默认公开', example: '公开' },
  ],
  schema: ImportRow as z.ZodType<InstrumentImportRow>,
  naturalKey: (row) =>
    [row.carrierName ?? '', row.assetNumber || `${row.name}|${row.model ?? ''}`].join('|').replace(/\s+/g, ''),
  keyColumns: ['carrierName', 'assetNumber', 'name', 'model'],
  check: resolveCarriers,
  async findSimilar(actor, rows) {
    // As `persist` matches a row: by its import key, or by asset number (else name and model) in the same carrier.
    const carrierIds = [...new Set(rows.flatMap(({ row }) => (row.carrier ? [row.carrier.id] : [])))]
    const onFile = await db
      .select({
        importKey: instruments.importKey,
        carrierId: instruments.carrierId,
        assetNumber: instruments.assetNumber,
        name: instruments.name,
        model: instruments.model,
        archivedAt: instruments.archivedAt,
      })
      .from(instruments)
      .where(
        or(
          inArray(
            instruments.importKey,
            rows.map((r) => r.importKey),
          ),
          carrierIds.length
            ? and(inArray(instruments.carrierId, carrierIds), isNull(instruments.archivedAt))
            : undefined,
        ),
      )
    const keys = new Set(onFile.map((i) => i.importKey))
    const active = onFile.filter((i) => !i.archivedAt)
    const assets = new Set(active.flatMap((i) => (i.assetNumber ? [`${i.carrierId}|${i.assetNumber}`] : [])))
    const models = new Set(active.map((i) => `${i.carrierId}|${i.name}|${i.model ?? ''}`))
    const matched = (row: InstrumentImportRow, carrierId: string) =>
      row.assetNumber
        ? assets.has(`${carrierId}|${row.assetNumber}`)
        : models.has(`${carrierId}|${row.name}|${row.model ?? ''}`)
    const creating = rows.flatMap(({ row, importKey }, index) =>
      !row.carrier || keys.has(importKey) || matched(row, row.carrier.id)
        ? []
        : [{ index, row: { ...row, carrierId: row.carrier.id } }],
    )
    const found = await findDuplicatesOfMany(
      actor,
      creating.map(({ row }) => row),
    )
    return [
      ...similarOnFile(
        creating,
        found.map((list) => list.map((d) => ({ ...d, title: d.name }))),
      ),
      ...similarRowsInFile(creating, {
        title: (row) => row.name,
        titleAtLeast: 0.6,
        judge: instrumentDuplicate,
        titleOf: (row) => row.name,
      }),
    ]
  },
  async persist(tx, actor: Actor, rows) {
    const user = requireUser(actor)
    let created = 0
    let updated = 0
    let unchanged = 0
    for (const { row, importKey } of rows) {
      const carrier = row.carrier!
      const values = valuesOf(row)
      const same: SQL | undefined = values.assetNumber
        ? eq(instruments.assetNumber, values.assetNumber)
        : and(
            eq(instruments.name, row.name),
            values.model ? eq(instruments.model, values.model) : isNull(instruments.model),
          )
      const [before] = await tx
        .select()
        .from(instruments)
        .where(
          or(
            eq(instruments.importKey, importKey),
            and(eq(instruments.carrierId, carrier.id), same, isNull(instruments.archivedAt)),
          ),
        )
        .orderBy(asc(instruments.createdAt))
        .limit(1)
      if (before) {
        const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof values]]))
        if (canonicalJson(previous) === canonicalJson(values)) {
          unchanged++
          continue
        }
        const [after] = await tx
          .update(instruments)
          .set({ ...values, importKey: before.importKey ?? importKey, version: before.version + 1, updatedAt: now() })
          .where(eq(instruments.id, before.id))
          .returning()
        await writeRevision(tx, actor, RECORD_TYPE, after!, before, '批量导入更新')
        await storeSearchDocument(tx, RECORD_TYPE, after!.id, searchDocumentOf(after!))
        await audit(tx, actor, {
          action: 'instrument.update',
          targetType: RECORD_TYPE,
          targetId: after!.id,
          before,
          after,
          detail: { via: 'import' },
        })
        updated++
        continue
      }
      const at = now()
      const [after] = await tx
        .insert(instruments)
        .values({
          ...values,
          id: newId(),
          carrierId: carrier.id,
          ownerOrgId: carrier.ownerOrgId,
          jurisdictionCode: carrier.jurisdictionCode,
          source: 'import',
          importKey,
          createdBy: user.userId,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
      await writeRevision(tx, actor, RECORD_TYPE, after!, null, '批量导入')
      await storeSearchDocument(tx, RECORD_TYPE, after!.id, searchDocumentOf(after!))
      await audit(tx, actor, {
        action: 'instrument.create',
        targetType: RECORD_TYPE,
        targetId: after!.id,
        after,
        detail: { via: 'import' },
      })
      created++
    }
    return { created, updated, unchanged }
  },
}
