import { inArray } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { EnterpriseQuery } from './contracts'
import { enterpriseProfiles } from './schema'
import { searchEnterprises } from './search'
import { editableAreasOf } from './service'
import { canSeeContact } from './view'

const EXPORT_LIMIT = 5000
const wan = (fen: number) => Math.round(fen / 100) / 10_000

/**
 * Exports exactly what the caller's list shows (same filters, same visibility), up to 5,000 rows. The
 * contact person is filled only on rows whose contact the caller may see (their own enterprise, their area).
 */
export async function exportEnterprises(
  actor: Actor,
  query: Omit<EnterpriseQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  const items: Awaited<ReturnType<typeof searchEnterprises>>['items'] = []
  for (let page = 1; items.length < EXPORT_LIMIT; page++) {
    const result = await searchEnterprises(actor, { ...query, page, pageSize: 100 })
    items.push(...result.items)
    if (result.items.length < 100 || page * 100 >= result.total) break
  }
  const shown = items.slice(0, EXPORT_LIMIT)
  const areas = await editableAreasOf(actor)
  const contacts = new Map<
    string,
    { contactName: string | null; contactPhone: string | null; contactEmail: string | null }
  >()
  for (let i = 0; i < shown.length; i += 1000) {
    const rows = await db
      .select()
      .from(enterpriseProfiles)
      .where(
        inArray(
          enterpriseProfiles.id,
          shown.slice(i, i + 1000).map((s) => s.id),
        ),
      )
    for (const r of rows) if (canSeeContact(actor, r, areas)) contacts.set(r.id, r)
  }
  const rows = shown.map((i) => ({
    ...i,
    industries: i.industries.map((x) => x.name),
    rdYear: i.latestRdSpending?.year ?? '',
    rdWan: i.latestRdSpending ? wan(i.latestRdSpending.fen) : '',
    contactName: contacts.get(i.id)?.contactName ?? '',
    contactPhone: contacts.get(i.id)?.contactPhone ?? '',
    contactEmail: contacts.get(i.id)?.contactEmail ?? '',
  }))
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'enterprise.export',
      targetType: 'enterprise',
      detail: { rows: rows.length, withContact: contacts.size, filters: query },
    }),
  )
  return exportXlsx(
    '企业',
    [
      { key: 'name', header: '企业名称', width: 36 },
      { key: 'uscc', header: '统一社会信用代码', width: 22 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'tierLabels', header: '企业梯度', width: 40 },
      { key: 'gbtSectionName', header: '国民经济行业门类', width: 20 },
      { key: 'gbtDivisionName', header: '国民经济行业大类', width: 24 },
      { key: 'industries', header: '产业分类', width: 28 },
      { key: 'mainProducts', header: '主要产品', width: 30 },
      { key: 'rdYear', header: '研发投入年份', width: 12 },
      { key: 'rdWan', header: '研发投入（万元）', width: 14 },
      { key: 'contactName', header: '联系人', width: 12 },
      { key: 'contactPhone', header: '联系电话', width: 16 },
      { key: 'contactEmail', header: '电子邮箱', width: 24 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows,
  )
}
