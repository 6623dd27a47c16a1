import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { ScenarioQuery } from './contracts'
import { searchScenarios } from './search'

const EXPORT_LIMIT = 5000

/** Exports exactly what the caller's list shows (same filters, same visibility), up to 5,000 rows. */
export async function exportScenarios(actor: Actor, query: Omit<ScenarioQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  const rows: Record<string, unknown>[] = []
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const result = await searchScenarios(actor, { ...query, page, pageSize: 100 })
    rows.push(
      ...result.items.map((i) => ({
        ...i,
        industries: i.industries.map((x) => x.name),
        offers: i.offerLabels,
        sourceLabel: i.sourceLabel ?? '平台录入',
      })),
    )
    if (result.items.length < 100 || page * 100 >= result.total) break
  }
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'scenario.export',
      targetType: 'scenario',
      detail: { rows: rows.length, filters: query },
    }),
  )
  return exportXlsx(
    '应用场景',
    [
      { key: 'title', header: '场景名称', width: 40 },
      { key: 'ownerOrgName', header: '发布单位', width: 28 },
      { key: 'publisherKindLabel', header: '发布主体类型', width: 14 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'address', header: '场景地址', width: 30 },
      { key: 'industries', header: '产业分类', width: 28 },
      { key: 'keywords', header: '所需技术', width: 30 },
      { key: 'offers', header: '提供条件', width: 24 },
      { key: 'deadline', header: '申报截止日期', width: 14 },
      { key: 'statusLabel', header: '状态', width: 10 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'sourceLabel', header: '来源' },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows.slice(0, EXPORT_LIMIT),
  )
}
