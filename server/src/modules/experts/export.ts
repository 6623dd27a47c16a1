import { inArray } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { ExpertQuery } from './contracts'
import { experts } from './schema'
import { searchExperts } from './search'
import { officerAreasOf } from './service'
import { canSeePersonal } from './view'

const EXPORT_LIMIT = 5000

/**
 * Exports exactly what the caller's list shows, up to 5,000 rows. Phone and e-mail are filled only on rows
 * whose personal information the caller may see (own organization, own area as an officer, themself).
 */
export async function exportExperts(actor: Actor, query: Omit<ExpertQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  requirePermission(actor, 'expert.read')
  const items: Awaited<ReturnType<typeof searchExperts>>['items'] = []
  for (let page = 1; items.length < EXPORT_LIMIT; page++) {
    const result = await searchExperts(actor, { ...query, page, pageSize: 100 })
    items.push(...result.items)
    if (result.items.length < 100 || page * 100 >= result.total) break
  }
  const shown = items.slice(0, EXPORT_LIMIT)
  const areas = await officerAreasOf(actor)
  const contacts = new Map<string, { contactPhone: string | null; contactEmail: string | null }>()
  for (let i = 0; i < shown.length; i += 1000) {
    const rows = await db
      .select()
      .from(experts)
      .where(
        inArray(
          experts.id,
          shown.slice(i, i + 1000).map((s) => s.id),
        ),
      )
    for (const r of rows) if (canSeePersonal(actor, r, areas)) contacts.set(r.id, r)
  }
  const rows = shown.map((i) => ({
    ...i,
    industries: i.industries.map((x) => x.name),
    contactPhone: contacts.get(i.id)?.contactPhone ?? '',
    contactEmail: contacts.get(i.id)?.contactEmail ?? '',
  }))
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'expert.export',
      targetType: 'expert',
      detail: { rows: rows.length, withContact: contacts.size, filters: query },
    }),
  )
  return exportXlsx(
    '专家',
    [
      { key: 'name', header: '姓名', width: 12 },
      { key: 'title', header: '职称', width: 16 },
      { key: 'organizationName', header: '工作单位', width: 30 },
      { key: 'thinkTankLabels', header: '专家智库', width: 22 },
      { key: 'disciplines', header: '学科', width: 28 },
      { key: 'industries', header: '产业分类', width: 28 },
      { key: 'keywords', header: '关键词', width: 30 },
      { key: 'availabilityLabel', header: '状态', width: 12 },
      { key: 'contactPhone', header: '联系电话', width: 16 },
      { key: 'contactEmail', header: '电子邮箱', width: 24 },
      { key: 'ownerOrgName', header: '登记单位', width: 28 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows,
  )
}
