import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { canonicalJson } from '../../platform/crypto/digest'
import { newId } from '../../platform/ids/ids'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { disciplineCategories, disciplineNames } from '../../platform/registry/disciplines'
import type { ImportSpec } from '../../platform/registry/import/engine'
import { similarTitledRows } from '../../platform/registry/import/similar-rows'
import { writeRevision } from '../../platform/registry/revisions'
import { storeSearchDocument } from '../search/service'
import { byLabel, maturityLabels, transferModeLabels } from './labels'
import { achievements, type Maturity, type TransferMode } from './schema'
import { DUPLICATE_REASONS, findDuplicatesOfMany } from './service'
import { RECORD_TYPE, searchDocumentOf } from './view'

/** Adds a custom issue in a transform and yields z.NEVER, so the row is rejected with this message. */
function reject(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}

const ImportRow = z.object({
  title: z.string().trim().min(4, '成果名称至少 4 个字').max(200, '成果名称不超过 200 个字'),
  summary: z.string().trim().min(20, '成果简介至少 20 个字').max(8000),
  keywords: z.array(z.string().max(30, '每个关键词不超过 30 个字')).max(20).default([]),
  team: z.array(z.string().max(50)).max(50).default([]),
  category: z.enum(disciplineCategories as [string, ...string[]], { error: '学科门类不在目录中' }).optional(),
  discipline: z.enum(disciplineNames as [string, ...string[]], { error: '一级学科不在目录中' }).optional(),
  trl: z.coerce
    .number({ error: 'TRL 应为 1–9 的整数' })
    .int('TRL 应为整数')
    .min(1, 'TRL 最小为 1')
    .max(9, 'TRL 最大为 9'),
  maturity: z
    .string()
    .transform(
      (v, ctx) => byLabel(maturityLabels, v) ?? reject(ctx, `成熟度应为：${Object.values(maturityLabels).join('、')}`),
    ),
  transferModes: z
    .array(z.string())
    .min(1, '请至少填写一种转化方式')
    .transform((values, ctx) =>
      values.map(
        (v) =>
          byLabel(transferModeLabels, v) ??
          reject(ctx, `转化方式“${v}”应为：${Object.values(transferModeLabels).join('、')}`),
      ),
    ),
  confidentiality: z
    .string()
    .optional()
    .transform((v, ctx) =>
      v === undefined
        ? 'internal'
        : (byLabel(confidentialityLabels, v) ?? reject(ctx, '公开程度应为：公开、内部、保密')),
    ),
  priceWan: z.coerce.number({ error: '期望价格应为数字（万元）' }).min(0, '期望价格不能为负').max(1e8).optional(),
})
type ImportRow = z.infer<typeof ImportRow>

/** 成果批量导入: one row per achievement, owned by the importing organization. */
export const achievementImport: ImportSpec<ImportRow> = {
  recordType: RECORD_TYPE,
  label: '成果',
  columns: [
    {
      key: 'title',
      header: '成果名称',
      required: true,
      description: '4–200 字',
      example: '具身智能机器人关节力矩控制技术',
    },
    {
      key: 'summary',
      header: '成果简介',
      required: true,
      description: '20–8000 字：技术原理、性能指标、应用前景',
      example:
        '面向人形机器人关节，提出基于力矩传感与模型预测的柔顺控制方法，已完成样机验证，关节响应时间小于 5 毫秒。',
    },
    {
      key: 'keywords',
      header: '关键词',
      description: '最多 20 个',
      example: '具身智能、关节控制、力矩传感',
      list: true,
    },
    { key: 'team', header: '团队成员', description: '姓名', example: '张三、李四', list: true },
    {
      key: 'category',
      header: '学科门类',
      description: `如：${disciplineCategories.slice(0, 5).join('、')}…`,
      example: '工学',
    },
    { key: 'discipline', header: '一级学科', description: '教育部学科目录一级学科名称', example: '控制科学与工程' },
    { key: 'trl', header: '技术就绪度', required: true, description: 'TRL 1–9 的整数', example: '5' },
    {
      key: 'maturity',
      header: '成熟度',
      required: true,
      description: Object.values(maturityLabels).join('、'),
      example: '样品',
    },
    {
      key: 'transferModes',
      header: '转化方式',
      required: true,
      description: Object.values(transferModeLabels).join('、'),
      example: '许可、合作开发',
      list: true,
    },
    { key: 'confidentiality', header: '公开程度', description: '公开、内部、保密；默认内部', example: '公开' },
    { key: 'priceWan', header: '期望价格（万元）', description: '不填为面议', example: '80' },
  ],
  schema: ImportRow,
  naturalKey: (row) => row.title.replace(/\s+/g, ''),
  keyColumns: ['title'],
  async findSimilar(actor, rows) {
    const user = requireUser(actor)
    return similarTitledRows(rows, {
      known: async (keys) =>
        new Set(
          (
            await db
              .select({ importKey: achievements.importKey })
              .from(achievements)
              .where(and(eq(achievements.ownerOrgId, user.orgId), inArray(achievements.importKey, keys)))
          ).map((r) => r.importKey),
        ),
      describe: (row) => ({ title: row.title, text: row.summary, ownerOrgId: user.orgId }),
      onFile: (inputs) =>
        findDuplicatesOfMany(
          actor,
          inputs.map((i) => ({ title: i.title, summary: i.text ?? undefined, ownerOrgId: user.orgId })),
        ),
      reasons: DUPLICATE_REASONS,
    })
  },
  async persist(tx, actor: Actor, rows) {
    const user = requireUser(actor)
    const keys = rows.map((r) => r.importKey)
    const existing = await tx
      .select()
      .from(achievements)
      .where(and(eq(achievements.ownerOrgId, user.orgId), inArray(achievements.importKey, keys)))
    const byKey = new Map(existing.map((e) => [e.importKey!, e]))
    let created = 0
    let updated = 0
    let unchanged = 0
    for (const { row, importKey } of rows) {
      const values = {
        title: row.title,
        summary: row.summary,
        keywords: row.keywords,
        team: row.team.map((name) => ({ name })),
        category: row.category ?? null,
        discipline: row.discipline ?? null,
        trl: row.trl,
        maturity: row.maturity as Maturity,
        transferModes: row.transferModes as TransferMode[],
        confidentiality: row.confidentiality as 'public' | 'internal' | 'secret',
        priceNegotiable: row.priceWan === undefined,
        priceMinFen: row.priceWan === undefined ? null : BigInt(Math.round(row.priceWan * 1_000_000)),
        priceMaxFen: row.priceWan === undefined ? null : BigInt(Math.round(row.priceWan * 1_000_000)),
      }
      const before = byKey.get(importKey)
      if (before) {
        const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof values]]))
        if (canonicalJson(previous) === canonicalJson(values)) {
          unchanged++
          continue
        }
        const [row2] = await tx
          .update(achievements)
          .set({ ...values, version: before.version + 1, updatedAt: now() })
          .where(eq(achievements.id, before.id))
          .returning()
        await writeRevision(tx, actor, RECORD_TYPE, row2!, before, '批量导入更新')
        await storeSearchDocument(tx, RECORD_TYPE, row2!.id, searchDocumentOf(row2!))
        updated++
        continue
      }
      const at = now()
      const [row2] = await tx
        .insert(achievements)
        .values({
          ...values,
          id: newId(),
          ownerOrgId: user.orgId,
          jurisdictionCode: user.jurisdictionCode,
          industryCodes: [],
          ipItems: [],
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
        action: 'achievement.create',
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
