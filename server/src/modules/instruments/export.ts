import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { exportXlsx } from '../../platform/registry/import/engine'
import type { InstrumentQuery } from './contracts'
import { findInstrumentRows } from './search'
import { lookupsFor } from './service'
import { RECORD_TYPE, toInstrument } from './view'

const EXPORT_LIMIT = 5000
const PAGE = 100

/** Exports exactly what the caller's list shows (same filters, same visibility), up to 5,000 rows. */
export async function exportInstruments(
  actor: Actor,
  query: Omit<InstrumentQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  requirePermission(actor, 'registry.export')
  const rows: Record<string, unknown>[] = []
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const result = await findInstrumentRows(actor, { ...query, page, pageSize: PAGE })
    const lookups = await lookupsFor(actor, result.rows)
    for (const row of result.rows) {
      const i = toInstrument(row, actor, lookups)
      rows.push({ ...i, cma: i.hasCma ? '有' : '无', cnas: i.hasCnas ? '有' : '无', carrierName: i.carrierName ?? '' })
    }
    if (result.rows.length < PAGE || page * PAGE >= result.total) break
  }
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'instrument.export',
      targetType: RECORD_TYPE,
      detail: { rows: rows.length, filters: query },
    }),
  )
  return exportXlsx(
    '仪器设备',
    [
      { key: 'name', header: '仪器名称', width: 30 },
      { key: 'carrierName', header: '所属载体', width: 30 },
      { key: 'ownerOrgName', header: '运营机构', width: 28 },
      { key: 'jurisdictionName', header: '所属地区', width: 22 },
      { key: 'assetNumber', header: '资产编号', width: 16 },
      { key: 'categoryLabel', header: '仪器类别', width: 12 },
      { key: 'model', header: '型号', width: 16 },
      { key: 'manufacturer', header: '生产厂家', width: 20 },
      { key: 'specifications', header: '主要技术指标', width: 40 },
      { key: 'cma', header: 'CMA', width: 6 },
      { key: 'cnas', header: 'CNAS', width: 6 },
      { key: 'openHours', header: '开放时间', width: 20 },
      { key: 'bookingMethod', header: '预约方式', width: 20 },
      { key: 'priceLabel', header: '收费标准', width: 16 },
      { key: 'location', header: '放置地点', width: 20 },
      { key: 'availabilityLabel', header: '状态', width: 8 },
      { key: 'confidentialityLabel', header: '公开程度', width: 10 },
      { key: 'updatedAt', header: '更新时间', width: 24 },
    ],
    rows.slice(0, EXPORT_LIMIT),
  )
}
