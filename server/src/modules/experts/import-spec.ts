import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { canonicalJson } from '../../platform/crypto/digest'
import { newId } from '../../platform/ids/ids'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { disciplineNames } from '../../platform/registry/disciplines'
import type { ImportSpec } from '../../platform/registry/import/engine'
import { whenParsed } from '../../platform/registry/import/parsed-row'
import { similarOnFile } from '../../platform/registry/import/similar-rows'
import { writeRevision } from '../../platform/registry/revisions'
import { qualify, systemsFor } from '../industries/service'
import { findOrganizations } from '../organizations/service'
import { storeSearchDocument } from '../search/service'
import { Email, Phone } from './contracts'
import { availabilityLabels, byLabel, pinyinSortKey, thinkTankLabels, today } from './labels'
import { parseAffiliationText } from './periods'
import { type Affiliation, experts, type ThinkTank } from './schema'
import { findDuplicatesOfMany, revisionRecord } from './service'
import { RECORD_TYPE, type Row, searchDocumentOf } from './view'

/** Reports a cell's problem and yields nothing (zod transforms). */
function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}

const labelled = <K extends string>(labels: Record<K, string>, what: string) =>
  z
    .string()
    .transform((v, ctx) => byLabel(labels, v) ?? refuse(ctx, `${what}应为：${Object.values(labels).join('、')}`))

const ImportRow = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, '姓名至少 2 个字')
      .max(50, '姓名不超过 50 个字')
      .regex(/^[\p{Script=Han}A-Za-z·.\s-]+$/u, '姓名只能包含汉字、字母、间隔号'),
    title: z.string().trim().max(50, '职称不超过 50 个字').optional(),
    currentOrgName: z.string().trim().min(2, '工作单位至少 2 个字').max(100, '工作单位不超过 100 个字').optional(),
    thinkTanks: z.array(labelled(thinkTankLabels, '专家智库')).max(3).optional(),
    disciplines: z
      .array(z.enum(disciplineNames as [string, ...string[]], { error: '学科不在一级学科目录中' }))
      .max(10, '学科不超过 10 个')
      .optional(),
    /** Names or codes in the area's industry system; resolved to qualified codes by `check`. */
    industries: z.array(z.string().max(40)).max(10, '产业分类不超过 10 项').optional(),
    keywords: z.array(z.string().max(30, '每个关键词不超过 30 个字')).max(20, '关键词不超过 20 个').optional(),
    affiliations: z
      .array(z.string())
      .max(30, '任职经历不超过 30 条')
      .transform((values, ctx) =>
        values.map((v) => {
          const parsed = parseAffiliationText(v)
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed })
          return parsed as Affiliation
        }),
      )
      .optional(),
    availability: labelled(availabilityLabels, '状态').optional(),
    busyUntil: z.iso.date('忙碌至应为 YYYY-MM-DD').optional(),
    contactPhone: Phone.optional(),
    contactEmail: Email.optional(),
    confidentiality: labelled(confidentialityLabels, '公开程度').optional(),
    /** Filled by `check`. */
    industryCodes: z.array(z.string()).optional(),
    industryNames: z.map(z.string(), z.string()).optional(),
    currentOrgId: z.string().optional(),
  })
  // Each rule across columns runs when its own columns parsed, whatever the rest of the row.
  .superRefine(
    (v, ctx) => {
      if (v.availability === 'busy' && !v.busyUntil)
        ctx.addIssue({ code: 'custom', path: ['busyUntil'], message: '忙碌状态请填写忙碌至日期' })
    },
    { when: whenParsed('availability', 'busyUntil') },
  )
  .superRefine(
    (v, ctx) => {
      if (v.busyUntil && v.busyUntil < today())
        ctx.addIssue({ code: 'custom', path: ['busyUntil'], message: '忙碌至日期不能早于今天' })
    },
    { when: whenParsed('busyUntil') },
  )
type ImportRow = z.infer<typeof ImportRow>

/** What a row sets; empty cells keep what the profile has. Relationships, ties and conflicts are declared in the system. */
function valuesOf(row: ImportRow, before: Row | undefined) {
  const keep = <K extends keyof Row>(key: K, value: Row[K] | undefined, fallback: Row[K]): Row[K] =>
    value !== undefined ? value : before ? before[key] : fallback
  const availability = keep('availability', row.availability, 'available')
  return {
    name: row.name,
    title: keep('title', row.title, null),
    currentOrgId: row.currentOrgName !== undefined ? (row.currentOrgId ?? null) : (before?.currentOrgId ?? null),
    currentOrgName: keep('currentOrgName', row.currentOrgName, null),
    thinkTanks: keep('thinkTanks', row.thinkTanks as ThinkTank[] | undefined, []),
    disciplines: keep('disciplines', row.disciplines, []),
    industryCodes: keep('industryCodes', row.industryCodes, []),
    keywords: keep('keywords', row.keywords, []),
    affiliations: keep('affiliations', row.affiliations, []),
    availability,
    busyUntil: availability === 'busy' ? keep('busyUntil', row.busyUntil, null) : null,
    contactPhone: keep('contactPhone', row.contactPhone, null),
    contactEmail: keep('contactEmail', row.contactEmail, null),
    confidentiality: keep('confidentiality', row.confidentiality, 'internal'),
  }
}

/** 专家批量导入: one row per expert, owned by the importing organization; 姓名 + 工作单位 identify a row. */
export const expertImport: ImportSpec<ImportRow> = {
  recordType: RECORD_TYPE,
  label: '专家',
  columns: [
    { key: 'name', header: '姓名', required: true, description: '2–50 字', example: '陈立群' },
    { key: 'title', header: '职称', description: '如教授、研究员、正高级工程师', example: '教授' },
    { key: 'currentOrgName', header: '工作单位', description: '已登记的单位自动关联', example: '瓯越理工大学' },
    {
      key: 'thinkTanks',
      header: '专家智库',
      description: Object.values(thinkTankLabels).join('、'),
      example: '技术验证、产品验证',
      list: true,
    },
    {
      key: 'disciplines',
      header: '学科',
      description: '教育部学科目录一级学科名称',
      example: '控制科学与工程、机械工程',
      list: true,
    },
    { key: 'industries', header: '产业分类', description: '本地区产业体系中的名称', example: '智能装备', list: true },
    { key: 'keywords', header: '关键词', description: '最多 20 个', example: '机器人控制、运动规划', list: true },
    {
      key: 'affiliations',
      header: '任职经历',
      description: '“单位名称（起始至结束）”，在职写“至今”',
      example: '浙江大学（2010-09至2016-06）',
      list: true,
    },
    {
      key: 'availability',
      header: '状态',
      description: `${Object.values(availabilityLabels).join('、')}；默认可参与评审`,
      example: '可参与评审',
    },
    { key: 'busyUntil', header: '忙碌至', description: '状态为忙碌时必填，YYYY-MM-DD', example: '' },
    {
      key: 'contactPhone',
      header: '联系电话',
      description: '个人信息：仅登记单位、辖区管理人员和专家本人可见',
      example: '13800000000',
    },
    {
      key: 'contactEmail',
      header: '电子邮箱',
      description: '个人信息：仅登记单位、辖区管理人员和专家本人可见',
      example: 'chen@example.edu.cn',
    },
    {
      key: 'confidentiality',
      header: '公开程度',
      description: '公开、内部、保密；默认内部。亲属、师生等关系和利益冲突由专家本人在系统中申报',
      example: '内部',
    },
  ],
  schema: ImportRow,
  naturalKey: (row) => `${row.name.replace(/\s+/g, '')}|${(row.currentOrgName ?? '').replace(/\s+/g, '')}`,
  keyColumns: ['name', 'currentOrgName'],
  // Same name and same 工作单位 is the natural key, so two rows of one file are never near-duplicates of each other.
  async findSimilar(actor, rows) {
    const user = requireUser(actor)
    const known = new Set(
      (
        await db
          .select({ importKey: experts.importKey })
          .from(experts)
          .where(
            and(
              eq(experts.ownerOrgId, user.orgId),
              inArray(
                experts.importKey,
                rows.map((r) => r.importKey),
              ),
            ),
          )
      ).map((r) => r.importKey),
    )
    const creating = rows.flatMap(({ row, importKey }, index) => (known.has(importKey) ? [] : [{ index, row }]))
    const found = await findDuplicatesOfMany(
      actor,
      creating.map(({ row }) => row),
    )
    return similarOnFile(
      creating,
      found.map((list) =>
        list.map((d) => ({
          ...d,
          title: d.organizationName ? `${d.name}（${d.organizationName}）` : d.name,
          similarity: 1,
        })),
      ),
    )
  },
  async check(actor, rows) {
    const user = requireUser(actor)
    const problems: { index: number; column: string; reason: string }[] = []
    const nodes = (await systemsFor(user.jurisdictionCode)).flatMap((s) =>
      s.nodes.map((n) => ({ code: qualify(s.code, n.code), name: n.name })),
    )
    // Every row carries the area's node names: the index document of a row that keeps its codes needs them too.
    const nodeNames = new Map(nodes.map((n) => [n.code, n.name]))
    for (const [index, { row }] of rows.entries()) {
      row.industryNames = nodeNames
      if (!row.industries) continue
      const found = row.industries.map((text) => ({
        text,
        node: nodes.find((n) => n.name === text || n.code === text),
      }))
      for (const f of found)
        if (!f.node) problems.push({ index, column: 'industries', reason: `“${f.text}”不属于本地区的产业体系` })
      row.industryCodes = [...new Set(found.flatMap((f) => (f.node ? [f.node.code] : [])))]
    }
    // A 工作单位 that is a registered organization is linked to it (the conflict rules compare ids first).
    const names = rows.flatMap(({ row }) => [
      row.currentOrgName,
      ...(row.affiliations ?? []).map((a) => a.organizationName),
    ])
    const registered = new Map(
      (await findOrganizations(db, { names: names.filter((n): n is string => !!n) })).map((o) => [o.name, o.id]),
    )
    for (const { row } of rows) {
      if (row.currentOrgName) row.currentOrgId = registered.get(row.currentOrgName)
      row.affiliations = row.affiliations?.map((a) => ({
        ...a,
        organizationId: registered.get(a.organizationName) ?? null,
      }))
    }
    return problems
  },
  async persist(tx, actor: Actor, rows) {
    const user = requireUser(actor)
    const existing = await tx
      .select()
      .from(experts)
      .where(
        and(
          eq(experts.ownerOrgId, user.orgId),
          inArray(
            experts.importKey,
            rows.map((r) => r.importKey),
          ),
        ),
      )
    const byKey = new Map(existing.map((e) => [e.importKey!, e]))
    const outcome = { created: 0, updated: 0, unchanged: 0 }
    for (const { row, importKey } of rows) {
      const before = byKey.get(importKey)
      const values = valuesOf(row, before)
      if (before) {
        const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof Row]]))
        if (canonicalJson(previous) === canonicalJson(values)) {
          outcome.unchanged++
          continue
        }
      }
      const at = now()
      const [saved] = before
        ? await tx
            .update(experts)
            .set({ ...values, sortName: pinyinSortKey(values.name), version: before.version + 1, updatedAt: at })
            .where(eq(experts.id, before.id))
            .returning()
        : await tx
            .insert(experts)
            .values({
              ...values,
              id: newId(),
              sortName: pinyinSortKey(values.name),
              ownerOrgId: user.orgId,
              jurisdictionCode: user.jurisdictionCode,
              relationships: [],
              enterpriseTies: [],
              declaredConflicts: [],
              source: 'import',
              importKey,
              createdBy: user.userId,
              createdAt: at,
              updatedAt: at,
            })
            .returning()
      await writeRevision(
        tx,
        actor,
        RECORD_TYPE,
        revisionRecord(saved!),
        before ? revisionRecord(before) : null,
        before ? '批量导入更新' : '批量导入',
      )
      await storeSearchDocument(tx, RECORD_TYPE, saved!.id, searchDocumentOf(saved!, row.industryNames ?? new Map()))
      await audit(tx, actor, {
        action: before ? 'expert.update' : 'expert.create',
        targetType: RECORD_TYPE,
        targetId: saved!.id,
        before,
        after: saved,
        detail: { via: 'import' },
      })
      outcome[before ? 'updated' : 'created']++
    }
    return outcome
  },
}
