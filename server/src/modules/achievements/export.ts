import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { AchievementQuery } from './contracts'
import { searchAchievements } from './search'

const EXPORT_LIMIT = 5000

/** Exports exactly what the caller's list shows (same filters, same visibility), up to 5,000 rows. */
export async function exportAchievements(
  actor: Actor,
  query: Omit<AchievementQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  const rows: Record<string, unknown>[] = []
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const result = await searchAchievements(actor, { ...query, page, pageSize: 100 })
    rows.push(
      ...result.items.map((i) => ({
        ...i,
        // As the detail page names records entered by hand.
        sourceLabel: i.sourceLabel ?? '平台录入',
        industries: i.industries.map((x) => x.name),
        trl: i.trl,
        transferModes: i.transferModeLabels,
      })),
    )
    if (result.items.length < 100 || page * 100 >= result.total) break
  }
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'achievement.export',
      targetType: 'achievement',
      detail: { rows: rows.length, filters: query },
    }),
  )
  return exportXlsx(
    '科技成果',
    [
      { key: 'title', header: '成果名称', width: 40 },
      { key: 'ownerOrgName', header: '所属单位', width: 28 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'category', header: '学科门类' },
      { key: 'discipline', header: '一级学科' },
      { key: 'industries', header: '产业分类', width: 28 },
      { key: 'trl', header: 'TRL', width: 8 },
      { key: 'maturityLabel', header: '成熟度', width: 10 },
      { key: 'transferModes', header: '转化方式' },
      { key: 'keywords', header: '关键词', width: 30 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'sourceLabel', header: '来源' },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows.slice(0, EXPORT_LIMIT),
  )
}
