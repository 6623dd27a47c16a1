import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { CarrierQuery } from './contracts'
import { findCarrierRows } from './search'
import { lookupsFor } from './service'
import { RECORD_TYPE, toCarrier } from './view'

const EXPORT_LIMIT = 5000
const PAGE = 100

/** Exports exactly what the caller's list shows (same filters, same visibility), up to 5,000 rows. */
export async function exportCarriers(actor: Actor, query: Omit<CarrierQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  const rows: Record<string, unknown>[] = []
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const result = await findCarrierRows(actor, { ...query, page, pageSize: PAGE })
    const lookups = await lookupsFor(actor, result.rows)
    for (const row of result.rows) {
      const c = toCarrier(row, actor, lookups)
      rows.push({
        ...c,
        industries: c.industries.map((i) => i.name),
        accreditation: c.accreditationYear ? `${c.accreditationLabel}（${c.accreditationYear}）` : c.accreditationLabel,
        capabilities: c.capabilities.map((x) => `${x.name}（${x.categoryLabel}）`),
        feeStandards: c.feeStandards.map((f) => `${f.item}：${f.priceLabel}`),
        directors: c.directors.map((d) => `${d.roleLabel} ${d.name}`),
      })
    }
    if (result.rows.length < PAGE || page * PAGE >= result.total) break
  }
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'carrier.export',
      targetType: RECORD_TYPE,
      detail: { rows: rows.length, filters: query },
    }),
  )
  return exportXlsx(
    '载体',
    [
      { key: 'name', header: '载体名称', width: 36 },
      { key: 'kindLabel', header: '载体类型', width: 14 },
      { key: 'subtypeLabel', header: '细分类型', width: 18 },
      { key: 'ownerOrgName', header: '运营机构', width: 30 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'levelLabel', header: '级别', width: 10 },
      { key: 'accreditation', header: '认定状态', width: 16 },
      { key: 'industries', header: '产业领域', width: 30 },
      { key: 'capabilities', header: '验证能力', width: 40 },
      { key: 'feeStandards', header: '收费标准', width: 30 },
      { key: 'directors', header: '主任', width: 24 },
      { key: 'hostInstitution', header: '依托单位', width: 24 },
      { key: 'address', header: '地址', width: 30 },
      { key: 'longitude', header: '经度', width: 12 },
      { key: 'latitude', header: '纬度', width: 12 },
      { key: 'contactName', header: '联系人', width: 10 },
      { key: 'contactPhone', header: '联系电话', width: 16 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows.slice(0, EXPORT_LIMIT),
  )
}
