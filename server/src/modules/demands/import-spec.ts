import { inArray } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { canonicalJson } from '../../platform/crypto/digest'
import { newId } from '../../platform/ids/ids'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import type { ImportSpec } from '../../platform/registry/import/engine'
import { type ParsedRow, parsedAll } from '../../platform/registry/import/parsed-row'
import { similarTitledRows } from '../../platform/registry/import/similar-rows'
import { writeRevision } from '../../platform/registry/revisions'
import { qualify, systemsFor } from '../industries/service'
import { oversightScope } from '../jurisdictions/service'
import { findOrganizations } from '../organizations/service'
import { storeSearchDocument } from '../search/service'
import { PHONE } from './contracts'
import { byLabel, cooperationModeLabels, maturityLabels } from './labels'
import { type CooperationMode, demands, type WantedMaturity } from './schema'
import { DUPLICATE_REASONS, findDuplicatesOfMany } from './service'
import { RECORD_TYPE, searchDocumentOf } from './view'

const Wan = (label: string) =>
  z.coerce
    .number({ error: `${label}应为数字（万元）` })
    .min(0, `${label}不能为负`)
    .max(1e8, `${label}过大`)

const labelled = <K extends string>(labels: Record<K, string>, what: string) =>
  z.string().transform((v, ctx) => {
    const key = byLabel(labels, v)
    if (key === undefined) {
      ctx.addIssue({ code: 'custom', message: `${what}应为：${Object.values(labels).join('、')}` })
      return z.NEVER
    }
    return key
  })

function bothNumbers(value: unknown, a: string, b: string): boolean {
  const v = value as Record<string, unknown> | undefined
  return typeof v?.[a] === 'number' && typeof v?.[b] === 'number'
}

const ImportRow = z
  .object({
    title: z.string().trim().min(4, '需求名称至少 4 个字').max(200, '需求名称不超过 200 个字'),
    description: z.string().trim().min(20, '需求描述至少 20 个字').max(8000, '需求描述不超过 8000 个字'),
    ownerUscc: z
      .string()
      .trim()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位')
      .optional(),
    keywords: z.array(z.string().max(30, '每个关键词不超过 30 个字')).max(20, '关键词不超过 20 个').default([]),
    industries: z.array(z.string().max(40)).max(10, '产业分类不超过 10 项').default([]),
    budgetMinWan: Wan('预算下限').optional(),
    budgetMaxWan: Wan('预算上限').optional(),
    deadline: z.iso
      .date('截止日期格式应为 YYYY-MM-DD')
      .refine((d) => d >= todayInShanghai(now()), '截止日期不能早于今天'),
    cooperationModes: z.array(labelled(cooperationModeLabels, '合作方式')).min(1, '请至少填写一种合作方式'),
    trlWanted: z.coerce.number({ error: 'TRL 应为 1–9 的整数' }).int('TRL 应为整数').min(1).max(9).optional(),
    maturityWanted: labelled(maturityLabels, '期望成熟度').optional(),
    contactName: z.string().trim().max(50, '联系人不超过 50 个字').optional(),
    contactPhone: z.string().trim().regex(PHONE, '联系电话应为手机号或带区号的固定电话').optional(),
    confidentiality: labelled(confidentialityLabels, '公开程度').optional(),
  })
  .refine((v) => v.budgetMinWan === undefined || v.budgetMaxWan === undefined || v.budgetMinWan <= v.budgetMaxWan, {
    path: ['budgetMaxWan'],
    message: '预算上限不能低于下限',
    // Checked even when other columns of the row are wrong, so one dry run lists every problem.
    when: ({ value }) => bothNumbers(value, 'budgetMinWan', 'budgetMaxWan'),
  })
type ImportRow = z.infer<typeof ImportRow>

type Resolved = { ownerOrgId: string; jurisdictionCode: string; industryCodes: string[] }
// `check` resolves each row's enterprise and industry names before the import's transaction (reading industry
// systems needs the pool, not the transaction); `persist` then receives the very same row objects.
const resolvedRows = new WeakMap<Partial<ImportRow>, Resolved>()

async function check(actor: Actor, rows: ParsedRow<ImportRow>[]) {
  const user = requireUser(actor)
  const problems: { index: number; column: string; reason: string }[] = []
  const usccs = rows.map(({ row }) => row.ownerUscc).filter((u): u is string => u !== undefined)
  const orgs = await findOrganizations(db, { ids: [user.orgId], usccs })
  const scope = await oversightScope(actor)
  for (const [index, parsed] of rows.entries()) {
    const { row } = parsed
    // The enterprise is the named one, or the importer's own when the cell is empty; unknown when the code failed.
    if (!parsedAll(parsed, 'ownerUscc')) continue
    const org = row.ownerUscc ? orgs.find((o) => o.uscc === row.ownerUscc) : orgs.find((o) => o.id === user.orgId)
    const fail = (column: string, reason: string) => problems.push({ index, column, reason })
    if (!org) {
      fail(
        'ownerUscc',
        row.ownerUscc ? '平台上没有该统一社会信用代码的企业，请先登记企业' : '请填写需求企业的统一社会信用代码',
      )
      continue
    }
    if (org.kind !== 'enterprise') {
      fail('ownerUscc', row.ownerUscc ? `“${org.name}”不是企业` : '请填写需求企业的统一社会信用代码')
      continue
    }
    const inScope =
      org.id === user.orgId || scope === 'all' || (Array.isArray(scope) && scope.includes(org.jurisdictionCode))
    if (!inScope) {
      fail('ownerUscc', '只能导入本企业或本辖区内企业的需求')
      continue
    }
    const systems = await systemsFor(org.jurisdictionCode)
    const industryCodes: string[] = []
    for (const name of row.industries ?? []) {
      const system = systems.find((s) => s.nodes.some((n) => n.name === name))
      const node = system?.nodes.find((n) => n.name === name)
      if (system && node) industryCodes.push(qualify(system.code, node.code))
      else fail('industries', `“${name}”不属于本地区的产业体系`)
    }
    resolvedRows.set(row, { ownerOrgId: org.id, jurisdictionCode: org.jurisdictionCode, industryCodes })
  }
  return problems
}

function valuesOf(row: ImportRow, resolved: Resolved) {
  const negotiable = row.budgetMinWan === undefined && row.budgetMaxWan === undefined
  const fen = (wan: number | undefined) => (wan === undefined ? null : BigInt(Math.round(wan * 1_000_000)))
  return {
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    industryCodes: resolved.industryCodes,
    budgetNegotiable: negotiable,
    budgetMinFen: fen(row.budgetMinWan),
    budgetMaxFen: fen(row.budgetMaxWan),
    deadline: row.deadline,
    cooperationModes: row.cooperationModes as CooperationMode[],
    trlWanted: row.trlWanted ?? null,
    maturityWanted: (row.maturityWanted ?? null) as WantedMaturity | null,
    contactName: row.contactName ?? null,
    contactPhone: row.contactPhone ?? null,
    confidentiality: (row.confidentiality ?? 'internal') as 'public' | 'internal' | 'secret',
  }
}

/** 需求批量导入: one row per demand; enterprises import their own, officers those of enterprises in their area. */
export const demandImport: ImportSpec<ImportRow> = {
  recordType: RECORD_TYPE,
  label: '需求',
  columns: [
    {
      key: 'title',
      header: '需求名称',
      required: true,
      description: '4–200 字',
      example: '注塑件表面缺陷在线视觉检测',
    },
    {
      key: 'description',
      header: '需求描述',
      required: true,
      description: '20–8000 字：现状、技术难点、期望指标',
      example:
        '我司注塑产线日产外壳件约三万件，目前依靠人工目检，漏检率约百分之二，希望引入视觉检测实现在线全检，漏检率低于千分之一。',
    },
    {
      key: 'ownerUscc',
      header: '需求企业统一社会信用代码',
      description: '企业用户可不填（默认本企业）；科技管理部门代企业导入时必填',
      example: '',
    },
    { key: 'keywords', header: '技术领域关键词', description: '最多 20 个', example: '机器视觉、缺陷检测', list: true },
    { key: 'industries', header: '产业分类', description: '本地区产业体系中的名称', example: '', list: true },
    { key: 'budgetMinWan', header: '预算下限（万元）', description: '预算上下限都不填为面议', example: '30' },
    { key: 'budgetMaxWan', header: '预算上限（万元）', description: '', example: '80' },
    {
      key: 'deadline',
      header: '截止日期',
      required: true,
      description: 'YYYY-MM-DD，不早于今天',
      example: '2030-12-31',
    },
    {
      key: 'cooperationModes',
      header: '合作方式',
      required: true,
      description: Object.values(cooperationModeLabels).join('、'),
      example: '合作开发、委托开发',
      list: true,
    },
    { key: 'trlWanted', header: '期望技术就绪度', description: 'TRL 1–9 的整数', example: '6' },
    {
      key: 'maturityWanted',
      header: '期望成熟度',
      description: Object.values(maturityLabels).join('、'),
      example: '中试',
    },
    { key: 'contactName', header: '联系人', description: '仅登录用户可见', example: '陈工' },
    { key: 'contactPhone', header: '联系电话', description: '手机号或带区号的固定电话', example: '13800000000' },
    { key: 'confidentiality', header: '公开程度', description: '公开、内部、保密；默认内部', example: '公开' },
  ],
  schema: ImportRow,
  naturalKey: (row) => `${row.ownerUscc ?? ''}|${row.title.replace(/\s+/g, '')}`,
  keyColumns: ['ownerUscc', 'title'],
  check,
  async findSimilar(actor, rows) {
    return similarTitledRows(rows, {
      known: async (keys) =>
        new Set(
          (await db.select({ importKey: demands.importKey }).from(demands).where(inArray(demands.importKey, keys))).map(
            (r) => r.importKey,
          ),
        ),
      describe: (row) => ({ title: row.title, text: row.description, ownerOrgId: resolvedRows.get(row)?.ownerOrgId }),
      onFile: (inputs) =>
        findDuplicatesOfMany(
          actor,
          inputs.map((i) => ({
            title: i.title,
            description: i.text ?? undefined,
            ownerOrgId: i.ownerOrgId ?? undefined,
          })),
        ),
      reasons: DUPLICATE_REASONS,
    })
  },
  async persist(tx, actor: Actor, rows) {
    const user = requireUser(actor)
    const existing = await tx
      .select()
      .from(demands)
      .where(
        inArray(
          demands.importKey,
          rows.map((r) => r.importKey),
        ),
      )
    const byKey = new Map(existing.map((e) => [e.importKey!, e]))
    let created = 0
    let updated = 0
    let unchanged = 0
    for (const { row, importKey } of rows) {
      const resolved = resolvedRows.get(row)
      if (!resolved) throw new Error('demand import: row was not checked before persisting')
      const values = valuesOf(row, resolved)
      const before = byKey.get(importKey)
      if (before) {
        const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof values]]))
        if (canonicalJson(previous) === canonicalJson(values)) {
          unchanged++
          continue
        }
        const [after] = await tx
          .update(demands)
          .set({ ...values, version: before.version + 1, updatedAt: now() })
          .where(inArray(demands.id, [before.id]))
          .returning()
        await writeRevision(tx, actor, RECORD_TYPE, after!, before, '批量导入更新')
        await storeSearchDocument(tx, RECORD_TYPE, after!.id, searchDocumentOf(after!))
        await audit(tx, actor, {
          action: 'demand.update',
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
      const [row2] = await tx
        .insert(demands)
        .values({
          ...values,
          id: newId(),
          ownerOrgId: resolved.ownerOrgId,
          jurisdictionCode: resolved.jurisdictionCode,
          status: 'open',
          source: 'import',
          importKey,
          createdBy: user.userId,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
      await writeRevision(tx, actor, RECORD_TYPE, row2!, null, '批量导入')
      await storeSearchDocument(tx, RECORD_TYPE, row2!.id, searchDocumentOf(row2!))
      await audit(tx, actor, {
        action: 'demand.create',
        targetType: RECORD_TYPE,
        targetId: row2!.id,
        after: row2,
        detail: { via: 'import' },
      })
      created++
    }
    return { created, updated, unchanged }
  },
}
