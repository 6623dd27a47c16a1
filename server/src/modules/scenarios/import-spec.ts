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
import { byLabel, offerLabels, publisherKindLabels } from './labels'
import { type PublisherKind, type ScenarioOffer, scenarios } from './schema'
import { DUPLICATE_REASONS, findDuplicatesOfMany, isPublisherKind } from './service'
import { RECORD_TYPE, searchDocumentOf } from './view'

const labelled = <K extends string>(labels: Record<K, string>, what: string) =>
  z.string().transform((v, ctx) => {
    const key = byLabel(labels, v)
    if (key === undefined) {
      ctx.addIssue({ code: 'custom', message: `${what}应为：${Object.values(labels).join('、')}` })
      return z.NEVER
    }
    return key
  })

const ImportRow = z
  .object({
    title: z.string().trim().min(4, '场景名称至少 4 个字').max(200, '场景名称不超过 200 个字'),
    description: z.string().trim().min(20, '场景描述至少 20 个字').max(8000, '场景描述不超过 8000 个字'),
    ownerUscc: z
      .string()
      .trim()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位')
      .optional(),
    keywords: z.array(z.string().max(30, '每个关键词不超过 30 个字')).max(20, '所需技术不超过 20 个').default([]),
    industries: z.array(z.string().max(40)).max(10, '产业分类不超过 10 项').default([]),
    address: z.string().trim().min(2, '请填写场景所在地址').max(200, '地址不超过 200 个字'),
    longitude: z.coerce
      .number({ error: '经度应为数字' })
      .min(-180, '经度应在 -180 到 180 之间')
      .max(180, '经度应在 -180 到 180 之间')
      .optional(),
    latitude: z.coerce
      .number({ error: '纬度应为数字' })
      .min(-90, '纬度应在 -90 到 90 之间')
      .max(90, '纬度应在 -90 到 90 之间')
      .optional(),
    offers: z.array(labelled(offerLabels, '提供条件')).min(1, '请至少填写一项提供条件'),
    deadline: z.iso
      .date('申报截止日期格式应为 YYYY-MM-DD')
      .refine((d) => d >= todayInShanghai(now()), '申报截止日期不能早于今天'),
    confidentiality: labelled(confidentialityLabels, '公开程度').optional(),
  })
  .refine((v) => (v.longitude === undefined) === (v.latitude === undefined), {
    path: ['latitude'],
    message: '经度和纬度需同时填写',
    // Checked even when other columns of the row are wrong, so one dry run lists every problem.
    when: ({ value }) => {
      const v = value as Record<string, unknown> | undefined
      return (
        typeof v === 'object' &&
        v !== null &&
        ['longitude', 'latitude'].every((k) => v[k] === undefined || typeof v[k] === 'number')
      )
    },
  })
type ImportRow = z.infer<typeof ImportRow>

type Resolved = { ownerOrgId: string; jurisdictionCode: string; publisherKind: PublisherKind; industryCodes: string[] }
// `check` resolves each row's publisher and industry names before the import's transaction (reading industry
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
    // The publisher is the named one, or the importer's own when the cell is empty; unknown when the code failed.
    if (!parsedAll(parsed, 'ownerUscc')) continue
    const fail = (column: string, reason: string) => problems.push({ index, column, reason })
    const org = row.ownerUscc ? orgs.find((o) => o.uscc === row.ownerUscc) : orgs.find((o) => o.id === user.orgId)
    if (!org) {
      fail('ownerUscc', '平台上没有该统一社会信用代码的单位，请先登记')
      continue
    }
    if (!isPublisherKind(org.kind)) {
      fail('ownerUscc', `应用场景由${Object.values(publisherKindLabels).join('、')}发布`)
      continue
    }
    const inScope =
      org.id === user.orgId || scope === 'all' || (Array.isArray(scope) && scope.includes(org.jurisdictionCode))
    if (!inScope) {
      fail('ownerUscc', '只能导入本单位或本辖区内单位的场景')
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
    resolvedRows.set(row, {
      ownerOrgId: org.id,
      jurisdictionCode: org.jurisdictionCode,
      publisherKind: org.kind,
      industryCodes,
    })
  }
  return problems
}

function valuesOf(row: ImportRow, resolved: Resolved) {
  return {
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    industryCodes: resolved.industryCodes,
    address: row.address,
    longitude: row.longitude ?? null,
    latitude: row.latitude ?? null,
    offers: row.offers as ScenarioOffer[],
    deadline: row.deadline,
    confidentiality: (row.confidentiality ?? 'public') as 'public' | 'internal' | 'secret',
  }
}

/** 场景清单批量导入: one row per scenario; officers may import those of organizations in their area. */
export const scenarioImport: ImportSpec<ImportRow> = {
  recordType: RECORD_TYPE,
  label: '场景',
  columns: [
    {
      key: 'title',
      header: '场景名称',
      required: true,
      description: '4–200 字',
      example: '城市道路积水智能感知与预警',
    },
    {
      key: 'description',
      header: '场景描述',
      required: true,
      description: '20–8000 字：场景现状、要解决的问题、对技术的要求',
      example:
        '在主城区二十处易涝点开放路侧杆件与排水管网数据，征集低功耗积水感知与短临预警方案，验证通过后纳入政府采购计划。',
    },
    {
      key: 'ownerUscc',
      header: '发布单位统一社会信用代码',
      description: '不填为本单位；科技管理部门代辖区内单位导入时填写',
      example: '',
    },
    { key: 'keywords', header: '所需技术', description: '最多 20 个', example: '物联网感知、短临预警', list: true },
    { key: 'industries', header: '产业分类', description: '本地区产业体系中的名称', example: '', list: true },
    { key: 'address', header: '场景地址', required: true, description: '场景所在地', example: '温州市鹿城区车站大道' },
    { key: 'longitude', header: '经度', description: '可选，与纬度同时填写', example: '120.672' },
    { key: 'latitude', header: '纬度', description: '可选，与经度同时填写', example: '28.0006' },
    {
      key: 'offers',
      header: '提供条件',
      required: true,
      description: Object.values(offerLabels).join('、'),
      example: '场地、数据、采购意向',
      list: true,
    },
    {
      key: 'deadline',
      header: '申报截止日期',
      required: true,
      description: 'YYYY-MM-DD，不早于今天',
      example: '2030-12-31',
    },
    { key: 'confidentiality', header: '公开程度', description: '公开、内部、保密；默认公开', example: '公开' },
  ],
  schema: ImportRow,
  naturalKey: (row) => `${row.ownerUscc ?? ''}|${row.title.replace(/\s+/g, '')}`,
  keyColumns: ['ownerUscc', 'title'],
  check,
  async findSimilar(actor, rows) {
    return similarTitledRows(rows, {
      known: async (keys) =>
        new Set(
          (
            await db
              .select({ importKey: scenarios.importKey })
              .from(scenarios)
              .where(inArray(scenarios.importKey, keys))
          ).map((r) => r.importKey),
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
      .from(scenarios)
      .where(
        inArray(
          scenarios.importKey,
          rows.map((r) => r.importKey),
        ),
      )
    const byKey = new Map(existing.map((e) => [e.importKey!, e]))
    let created = 0
    let updated = 0
    let unchanged = 0
    for (const { row, importKey } of rows) {
      const resolved = resolvedRows.get(row)
      if (!resolved) throw new Error('scenario import: row was not checked before persisting')
      const values = valuesOf(row, resolved)
      const before = byKey.get(importKey)
      if (before) {
        const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof values]]))
        if (canonicalJson(previous) === canonicalJson(values)) {
          unchanged++
          continue
        }
        const [after] = await tx
          .update(scenarios)
          .set({ ...values, version: before.version + 1, updatedAt: now() })
          .where(inArray(scenarios.id, [before.id]))
          .returning()
        await writeRevision(tx, actor, RECORD_TYPE, after!, before, '批量导入更新')
        await storeSearchDocument(tx, RECORD_TYPE, after!.id, searchDocumentOf(after!))
        await audit(tx, actor, {
          action: 'scenario.update',
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
      const [inserted] = await tx
        .insert(scenarios)
        .values({
          ...values,
          id: newId(),
          ownerOrgId: resolved.ownerOrgId,
          jurisdictionCode: resolved.jurisdictionCode,
          publisherKind: resolved.publisherKind,
          status: 'open',
          source: 'import',
          importKey,
          createdBy: user.userId,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
      await writeRevision(tx, actor, RECORD_TYPE, inserted!, null, '批量导入')
      await storeSearchDocument(tx, RECORD_TYPE, inserted!.id, searchDocumentOf(inserted!))
      await audit(tx, actor, {
        action: 'scenario.create',
        targetType: RECORD_TYPE,
        targetId: inserted!.id,
        after: inserted,
        detail: { via: 'import' },
      })
      created++
    }
    return { created, updated, unchanged }
  },
}
