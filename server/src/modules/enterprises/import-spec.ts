import { eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { canonicalJson } from '../../platform/crypto/digest'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import type { ImportSpec } from '../../platform/registry/import/engine'
import { parsedAll, whenParsed } from '../../platform/registry/import/parsed-row'
import { similarOnFile, similarRowsInFile } from '../../platform/registry/import/similar-rows'
import { writeRevision } from '../../platform/registry/revisions'
import { completeUscc } from '../../platform/validation/uscc'
import { qualify, systemsFor } from '../industries/service'
import { getJurisdiction } from '../jurisdictions/service'
import { findOrganizations, insertOrganization, renameOrganization } from '../organizations/service'
import { storeSearchDocument } from '../search/service'
import { Email, Phone, Uscc } from './contracts'
import { checkGbt, gbtSections, parseGbtText } from './gbt4754'
import { levelsOfTier, parseTierText, pinyinSortKey, tierGrantLabel } from './labels'
import { enterpriseProfiles, type TierGrant } from './schema'
import {
  editableAreasOf,
  enterpriseNameSimilarity,
  findSimilarNamesOfMany,
  revisionRecord,
  SIMILAR_NAME,
  stripSuffix,
} from './service'
import { RECORD_TYPE, type Row, searchDocumentOf } from './view'

/** Reports a cell's problem and yields nothing (zod transforms). */
function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}

const byLabel = (text: string) =>
  (Object.entries(confidentialityLabels) as [keyof typeof confidentialityLabels, string][]).find(
    ([, l]) => l === text.trim(),
  )?.[0]
const Wan = (label: string) =>
  z.coerce
    .number({ error: `${label}应为数字（万元）` })
    .min(0, `${label}不能为负`)
    .max(1e9, `${label}过大`)

const ImportRow = z
  .object({
    name: z.string().trim().min(2, '企业名称至少 2 个字').max(100, '企业名称不超过 100 个字'),
    uscc: Uscc,
    jurisdictionCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
      .optional(),
    tiers: z
      .array(z.string())
      .max(20, '企业梯度不超过 20 项')
      .transform((values, ctx) =>
        values.map((v) => {
          const grant = parseTierText(v)
          if (typeof grant === 'string') ctx.addIssue({ code: 'custom', message: grant })
          else if (grant.level && !levelsOfTier[grant.tier].includes(grant.level))
            ctx.addIssue({ code: 'custom', message: `“${v}”：${tierGrantLabel({ tier: grant.tier })}没有这一级别` })
          else if (grant.year > now().getFullYear())
            ctx.addIssue({ code: 'custom', message: `“${v}”：年份不能晚于今年` })
          else if (!grant.level && levelsOfTier[grant.tier].length > 1)
            ctx.addIssue({
              code: 'custom',
              message: `“${v}”：请写明级别，例如“国家级${tierGrantLabel({ tier: grant.tier })} 2023”`,
            })
          return grant as TierGrant
        }),
      )
      .optional(),
    gbtSection: z
      .string()
      .transform((v, ctx) => parseGbtText(v, 'section') ?? refuse(ctx, `门类“${v}”不存在（应为 A–T 或门类名称）`))
      .optional(),
    gbtDivision: z
      .string()
      .transform((v, ctx) => parseGbtText(v, 'division') ?? refuse(ctx, `大类“${v}”不存在（应为 01–97 或大类名称）`))
      .optional(),
    /** Names or codes in the area's industry system; resolved to qualified codes by `check`. */
    industries: z.array(z.string().max(40)).max(10, '产业分类不超过 10 项').optional(),
    mainProducts: z.array(z.string().max(50, '每项主要产品不超过 50 个字')).max(30, '主要产品不超过 30 项').optional(),
    keywords: z.array(z.string().max(30, '每个关键词不超过 30 个字')).max(20, '关键词不超过 20 个').optional(),
    description: z.string().trim().max(8000, '企业简介不超过 8000 个字').optional(),
    dataYear: z.coerce
      .number({ error: '数据年份应为 4 位数字' })
      .int('数据年份应为整数')
      .min(1990, '数据年份不早于 1990 年')
      .refine((y) => y <= now().getFullYear(), '数据年份不能晚于今年')
      .optional(),
    rdWan: Wan('研发投入').optional(),
    revenueWan: Wan('营业收入').optional(),
    employees: z.coerce
      .number({ error: '从业人数应为整数' })
      .int('从业人数应为整数')
      .min(0, '从业人数不能为负')
      .optional(),
    address: z.string().trim().max(200, '地址不超过 200 个字').optional(),
    longitude: z.coerce
      .number({ error: '经度应为数字' })
      .min(73, '经度应在 73–136 之间')
      .max(136, '经度应在 73–136 之间')
      .optional(),
    latitude: z.coerce
      .number({ error: '纬度应为数字' })
      .min(3, '纬度应在 3–54 之间')
      .max(54, '纬度应在 3–54 之间')
      .optional(),
    contactName: z.string().trim().max(50, '联系人不超过 50 个字').optional(),
    contactPhone: Phone.optional(),
    contactEmail: Email.optional(),
    confidentiality: z
      .string()
      .transform((v, ctx) => byLabel(v) ?? refuse(ctx, '公开程度应为：公开、内部、保密'))
      .optional(),
    /** Filled by `check` from `industries`. */
    industryCodes: z.array(z.string()).optional(),
  })
  // Each rule across columns runs when its own columns parsed, whatever the rest of the row.
  .superRefine(
    (v, ctx) => {
      const gbt = checkGbt(v.gbtSection, v.gbtDivision)
      if (gbt) ctx.addIssue({ code: 'custom', path: [gbt.path], message: gbt.message })
    },
    { when: whenParsed('gbtSection', 'gbtDivision') },
  )
  .superRefine(
    (v, ctx) => {
      if ((v.longitude === undefined) !== (v.latitude === undefined))
        ctx.addIssue({ code: 'custom', path: ['latitude'], message: '经度和纬度应同时填写' })
    },
    { when: whenParsed('longitude', 'latitude') },
  )
  .superRefine(
    (v, ctx) => {
      const figures = v.rdWan !== undefined || v.revenueWan !== undefined || v.employees !== undefined
      if (figures && v.dataYear === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['dataYear'],
          message: '填写研发投入、营业收入或从业人数时请填写数据年份',
        })
      if (v.dataYear !== undefined && v.rdWan === undefined)
        ctx.addIssue({ code: 'custom', path: ['rdWan'], message: '填写数据年份时请填写当年研发投入' })
    },
    { when: whenParsed('dataYear', 'rdWan', 'revenueWan', 'employees') },
  )
type ImportRow = z.infer<typeof ImportRow>

const fen = (wan: number | undefined) => (wan === undefined ? undefined : Math.round(wan * 1_000_000))

/** The profile fields a row sets; empty cells leave what the profile has (a yearly file updates its year only). */
function merged(row: ImportRow, before: Row | undefined, jurisdictionCode: string) {
  const yearly = [...(before?.yearly ?? [])].filter((y) => y.year !== row.dataYear)
  if (row.dataYear !== undefined)
    yearly.push({
      year: row.dataYear,
      rdSpendingFen: fen(row.rdWan)!,
      revenueFen: fen(row.revenueWan) ?? null,
      employees: row.employees ?? null,
    })
  yearly.sort((a, b) => a.year - b.year)
  const pick = <K extends keyof Row>(key: K, value: Row[K] | undefined, fallback: Row[K]): Row[K] =>
    value !== undefined ? value : before ? before[key] : fallback
  return {
    jurisdictionCode: before?.jurisdictionCode ?? jurisdictionCode,
    tiers: pick('tiers', row.tiers, []),
    gbtSection: pick(
      'gbtSection',
      row.gbtSection ?? (row.gbtDivision ? gbtSectionOf(row.gbtDivision) : undefined),
      null,
    ),
    gbtDivision: pick('gbtDivision', row.gbtDivision, null),
    industryCodes: pick('industryCodes', row.industryCodes, []),
    yearly,
    mainProducts: pick('mainProducts', row.mainProducts, []),
    keywords: pick('keywords', row.keywords, []),
    description: pick('description', row.description, ''),
    address: pick('address', row.address, null),
    longitude: pick('longitude', row.longitude, null),
    latitude: pick('latitude', row.latitude, null),
    contactName: pick('contactName', row.contactName, null),
    contactPhone: pick('contactPhone', row.contactPhone, null),
    contactEmail: pick('contactEmail', row.contactEmail, null),
    confidentiality: pick('confidentiality', row.confidentiality, 'internal'),
  }
}

const gbtSectionOf = (division: string) => gbtSections.find((s) => s.divisions.some((d) => d.code === division))?.code

async function writeOne(
  tx: Transaction,
  actor: Actor,
  row: ImportRow,
  importKey: string,
  org: { id: string; name: string; uscc: string | null; jurisdictionCode: string },
  before: Row | undefined,
): Promise<'created' | 'updated' | 'unchanged'> {
  const values = merged(row, before, org.jurisdictionCode)
  const renamed = row.name !== org.name
  if (before && !renamed) {
    const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof Row]]))
    if (canonicalJson(previous) === canonicalJson(values)) return 'unchanged'
  }
  if (renamed) await renameOrganization(tx, actor, org.id, row.name)
  const facts = { name: row.name, uscc: org.uscc }
  const at = now()
  const [saved] = before
    ? await tx
        .update(enterpriseProfiles)
        .set({ ...values, sortName: pinyinSortKey(row.name), version: before.version + 1, updatedAt: at })
        .where(eq(enterpriseProfiles.id, org.id))
        .returning()
    : await tx
        .insert(enterpriseProfiles)
        .values({
          ...values,
          id: org.id,
          ownerOrgId: org.id,
          sortName: pinyinSortKey(row.name),
          source: 'import',
          importKey,
          createdBy: actor.kind === 'user' ? actor.userId : null,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
  await writeRevision(
    tx,
    actor,
    RECORD_TYPE,
    revisionRecord(saved!, facts),
    before ? revisionRecord(before, { name: org.name, uscc: org.uscc }) : null,
    before ? '批量导入更新' : '批量导入',
  )
  await storeSearchDocument(tx, RECORD_TYPE, saved!.id, searchDocumentOf(saved!, facts.name))
  await audit(tx, actor, {
    action: before ? 'enterprise.update' : 'enterprise.create',
    targetType: RECORD_TYPE,
    targetId: saved!.id,
    before,
    after: saved,
    detail: { via: 'import' },
  })
  return before ? 'updated' : 'created'
}

/** 企业批量导入: one row per enterprise, matched to earlier imports and to registered organizations by 统一社会信用代码. */
export const enterpriseImport: ImportSpec<ImportRow> = {
  recordType: RECORD_TYPE,
  label: '企业',
  columns: [
    {
      key: 'name',
      header: '企业名称',
      required: true,
      description: '2–100 字，与营业执照一致',
      example: '温州瓯江智能装备有限公司',
    },
    {
      key: 'uscc',
      header: '统一社会信用代码',
      required: true,
      description: '18 位，按 GB 32100-2015 校验；已登记的企业按此代码更新',
      example: completeUscc('91330304MA2K8XY3Q'),
    },
    {
      key: 'jurisdictionCode',
      header: '所属地区代码',
      description: '6 位行政区划代码；不填为导入人所在地区',
      example: '330304',
    },
    {
      key: 'tiers',
      header: '企业梯度',
      description: '如“国家级高新技术企业 2023”“市级专精特新中小企业 2024”“科技型中小企业 2025”',
      example: '国家级高新技术企业 2023、科技型中小企业 2024',
      list: true,
    },
    {
      key: 'gbtSection',
      header: '国民经济行业门类',
      description: 'GB/T 4754-2017 门类代码或名称（A–T）',
      example: 'C',
    },
    {
      key: 'gbtDivision',
      header: '国民经济行业大类',
      description: 'GB/T 4754-2017 大类代码或名称（01–97）',
      example: '34',
    },
    { key: 'industries', header: '产业分类', description: '本地区产业体系中的名称', example: '智能装备', list: true },
    { key: 'mainProducts', header: '主要产品', description: '最多 30 项', example: '工业机器人、数控机床', list: true },
    { key: 'keywords', header: '关键词', description: '最多 20 个', example: '智能制造、运动控制', list: true },
    {
      key: 'description',
      header: '企业简介',
      description: '不超过 8000 字',
      example: '专注于中小型工业机器人与智能产线集成。',
    },
    {
      key: 'dataYear',
      header: '数据年份',
      description: '研发投入等数据所属年份；每年导入一次即追加一年',
      example: '2024',
    },
    { key: 'rdWan', header: '研发投入（万元）', description: '该年度研发费用', example: '1260.5' },
    { key: 'revenueWan', header: '营业收入（万元）', description: '可不填', example: '18600' },
    { key: 'employees', header: '从业人数', description: '可不填', example: '230' },
    { key: 'address', header: '地址', description: '不超过 200 字', example: '温州市瓯海区经济开发区东方南路 38 号' },
    { key: 'longitude', header: '经度', description: '与纬度同时填写', example: '120.64' },
    { key: 'latitude', header: '纬度', description: '与经度同时填写', example: '27.95' },
    { key: 'contactName', header: '联系人', description: '仅企业本身与辖区管理人员可见', example: '陈经理' },
    { key: 'contactPhone', header: '联系电话', description: '仅企业本身与辖区管理人员可见', example: '0577-88001234' },
    { key: 'contactEmail', header: '电子邮箱', description: '仅企业本身与辖区管理人员可见', example: 'rd@example.com' },
    {
      key: 'confidentiality',
      header: '公开程度',
      description: '公开、内部、保密；默认内部。留空的列不改变已登记的数据',
      example: '公开',
    },
  ],
  schema: ImportRow,
  naturalKey: (row) => row.uscc,
  keyColumns: ['uscc'],
  async findSimilar(actor, rows) {
    // A row whose 统一社会信用代码 already has a profile updates it; the others create one.
    const orgs = await findOrganizations(db, { usccs: rows.map((r) => r.row.uscc) })
    const profiled = orgs.length
      ? new Set(
          (
            await db
              .select({ id: enterpriseProfiles.id })
              .from(enterpriseProfiles)
              .where(
                inArray(
                  enterpriseProfiles.id,
                  orgs.map((o) => o.id),
                ),
              )
          ).map((p) => p.id),
        )
      : new Set<string>()
    const known = new Set(orgs.filter((o) => profiled.has(o.id)).map((o) => o.uscc))
    const creating = rows.flatMap(({ row }, index) => (known.has(row.uscc) ? [] : [{ index, row }]))
    const found = await findSimilarNamesOfMany(
      actor,
      creating.map(({ row }) => row.name),
    )
    return [
      ...similarOnFile(
        creating,
        found.map((list) => list.map((d) => ({ ...d, title: d.name }))),
      ),
      ...similarRowsInFile(creating, {
        title: (row) => stripSuffix(row.name),
        titleAtLeast: SIMILAR_NAME,
        judge: (later, earlier) => {
          const similarity = enterpriseNameSimilarity(later.name, earlier.name)
          return similarity >= SIMILAR_NAME ? { similarity, reason: '企业名称高度相似' } : null
        },
        titleOf: (row) => row.name,
      }),
    ]
  },
  async check(actor, rows) {
    const problems: { index: number; column: string; reason: string }[] = []
    const areas = await editableAreasOf(actor)
    const allowed = (code: string) => areas === 'all' || (Array.isArray(areas) && areas.includes(code))
    const own = actor.kind === 'user' ? actor.jurisdictionCode : ''
    const usccs = rows.flatMap(({ row }) => (row.uscc ? [row.uscc] : []))
    const orgs = new Map((await findOrganizations(db, { usccs })).map((o) => [o.uscc, o]))
    for (const [index, parsed] of rows.entries()) {
      const { row } = parsed
      const org = row.uscc ? orgs.get(row.uscc) : undefined
      if (org && org.kind !== 'enterprise') {
        problems.push({ index, column: 'uscc', reason: `该代码已登记为非企业机构“${org.name}”` })
        continue
      }
      if (org && !allowed(org.jurisdictionCode)) {
        problems.push({ index, column: 'uscc', reason: `“${org.name}”不在您的管辖范围内` })
        continue
      }
      // A registered enterprise keeps its area; a new one takes the row's code, or the importer's area. When the
      // 统一社会信用代码 failed, whether it is registered is unknown: a code given in the row is still checked.
      let area = org?.jurisdictionCode
      if (!org && parsedAll(parsed, 'jurisdictionCode') && (row.uscc || row.jurisdictionCode)) {
        const code = row.jurisdictionCode ?? own
        if (!(await getJurisdiction(code))) {
          problems.push({ index, column: 'jurisdictionCode', reason: `行政区划代码 ${code} 不存在` })
          continue
        }
        if (!allowed(code)) {
          problems.push({ index, column: 'jurisdictionCode', reason: `地区 ${code} 不在您的管辖范围内` })
          continue
        }
        if (row.uscc) area = code
      }
      if (area && row.industries) {
        const systems = await systemsFor(area)
        const codes: string[] = []
        for (const text of row.industries) {
          const found = systems
            .flatMap((s) => s.nodes.map((n) => ({ code: qualify(s.code, n.code), name: n.name })))
            .find((n) => n.name === text || n.code === text)
          if (found) codes.push(found.code)
          else problems.push({ index, column: 'industries', reason: `“${text}”不属于本地区的产业体系` })
        }
        row.industryCodes = [...new Set(codes)]
      }
    }
    return problems
  },
  async persist(tx, actor, rows) {
    const orgs = new Map((await findOrganizations(tx, { usccs: rows.map((r) => r.row.uscc) })).map((o) => [o.uscc, o]))
    const ids = [...orgs.values()].map((o) => o.id)
    const profiles = ids.length
      ? await tx.select().from(enterpriseProfiles).where(inArray(enterpriseProfiles.id, ids)).for('update')
      : []
    const byId = new Map(profiles.map((p) => [p.id, p]))
    const outcome = { created: 0, updated: 0, unchanged: 0 }
    const area = actor.kind === 'user' ? actor.jurisdictionCode : ''
    for (const { row, importKey } of rows) {
      const org =
        orgs.get(row.uscc) ??
        (await insertOrganization(tx, actor, {
          name: row.name,
          kind: 'enterprise',
          uscc: row.uscc,
          jurisdictionCode: row.jurisdictionCode ?? area,
          address: row.address ?? null,
        }))
      outcome[await writeOne(tx, actor, row, importKey, org, byId.get(org.id))]++
    }
    return outcome
  },
}
