import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { DemandQuery } from './contracts'
import { searchDemands } from './search'

const EXPORT_LIMIT = 5000

/**
 * Exports exactly what the caller's list shows (same filters, same visibility), up to 5,000 rows. The contact
 * person stays out: a list of names and phone numbers is personal information collected in bulk.
 */
export async function exportDemands(actor: Actor, query: Omit<DemandQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  const rows: Record<string, unknown>[] = []
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const result = await searchDemands(actor, { ...query, page, pageSize: 100 })
    rows.push(
      ...result.items.map((i) => ({
        ...i,
        // As the detail page names records entered by hand.
        sourceLabel: i.sourceLabel ?? '平台录入',
        industries: i.industries.map((x) => x.name),
        cooperationModes: i.cooperationModeLabels,
      })),
    )
    if (result.items.length < 100 || page * 100 >= result.total) break
  }
  await db.transaction((tx) =>
    audit(tx, actor, { action: 'demand.export', targetType: 'demand', detail: { rows: rows.length, filters: query } }),
  )
  return exportXlsx(
    '技术需求',
    [
      { key: 'title', header: '需求名称', width: 40 },
      { key: 'ownerOrgName', header: '需求企业', width: 28 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'industries', header: '产业分类', width: 28 },
      { key: 'keywords', header: '技术领域关键词', width: 30 },
      { key: 'budgetLabel', header: '预算', width: 22 },
      { key: 'deadline', header: '截止日期', width: 12 },
      { key: 'cooperationModes', header: '合作方式', width: 24 },
      { key: 'statusLabel', header: '状态', width: 10 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'sourceLabel', header: '来源' },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows.slice(0, EXPORT_LIMIT),
  )
}
