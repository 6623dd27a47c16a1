import { and, asc, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { db, type Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { verifyChain } from '../../platform/audit/chain'
import { auditLog } from '../../platform/audit/schema'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import type { AuditExportQuery, AuditQuery } from './contracts'

type Row = typeof auditLog.$inferSelect
const EXPORT_LIMIT = 100_000

function conditions(query: Omit<AuditQuery, 'page' | 'pageSize'>): SQL | undefined {
  const out: SQL[] = []
  if (query.from) out.push(gte(auditLog.at, new Date(query.from).toISOString()))
  if (query.to) out.push(lte(auditLog.at, new Date(query.to).toISOString()))
  if (query.actor) out.push(ilike(auditLog.actorUsername, `%${escapeLike(query.actor)}%`))
  if (query.action) out.push(ilike(auditLog.action, `${escapeLike(query.action)}%`))
  if (query.outcome) out.push(eq(auditLog.outcome, query.outcome))
  if (query.targetType) out.push(eq(auditLog.targetType, query.targetType))
  if (query.targetId) out.push(eq(auditLog.targetId, query.targetId))
  return out.length ? and(...out) : undefined
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function toRecord(row: Row) {
  const { prevHash: _p, beforeDigest: _b, afterDigest: _a, ...rest } = row
  return { ...rest, at: new Date(row.at).toISOString() }
}

export async function searchAudit(actor: Actor, query: AuditQuery) {
  requirePermission(actor, 'audit.read')
  const where = conditions(query)
  const [totalRow] = await db.select({ total: count() }).from(auditLog).where(where)
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: rows.map(toRecord), total: Number(totalRow?.total ?? 0) }
}

const COLUMNS: [keyof ReturnType<typeof toRecord>, string][] = [
  ['seq', '序号'],
  ['at', '时间(UTC)'],
  ['actorUsername', '操作人'],
  ['actorRole', '角色'],
  ['actorOrgId', '机构编号'],
  ['action', '操作'],
  ['targetType', '对象类型'],
  ['targetId', '对象编号'],
  ['outcome', '结果'],
  ['detail', '说明'],
  ['requestId', '请求编号'],
  ['ip', 'IP'],
  ['hash', 'SM3 链式摘要'],
]

function cell(value: unknown): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Exports the filtered trail; the export itself is an audited action. */
export async function exportAudit(
  actor: Actor,
  query: AuditExportQuery,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  requirePermission(actor, 'audit.export')
  const where = conditions(query)
  const rows = (
    await db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(asc(auditLog.seq))
      .limit(EXPORT_LIMIT + 1)
  ).map(toRecord)
  if (rows.length > EXPORT_LIMIT)
    throw new AppError('VALIDATION_FAILED', `导出记录超过 ${EXPORT_LIMIT} 条，请缩小时间范围`)
  await db.transaction((tx) =>
    audit(tx, actor, { action: 'audit.export', targetType: 'audit', detail: { filters: query, rows: rows.length } }),
  )
  const stamp = new Date().toISOString().slice(0, 10)
  if (query.format === 'csv') {
    const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`)
    const lines = [COLUMNS.map(([, label]) => quote(label)).join(',')]
    for (const r of rows) lines.push(COLUMNS.map(([key]) => quote(cell(r[key]))).join(','))
    // BOM so that spreadsheet programs read the Chinese headers as UTF-8.
    return {
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      filename: `audit-${stamp}.csv`,
    }
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('审计日志')
  sheet.columns = COLUMNS.map(([key, label]) => ({ header: label, key, width: key === 'hash' ? 66 : 18 }))
  for (const r of rows) sheet.addRow(Object.fromEntries(COLUMNS.map(([key]) => [key, cell(r[key])])))
  sheet.getRow(1).font = { bold: true }
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `audit-${stamp}.xlsx`,
  }
}

/** Reads the whole chain in pages and checks every link. */
export async function verifyAuditChain(q: Queryable = db) {
  const PAGE = 5000
  let lastSeq = 0
  const rows: (Row & { at: string })[] = []
  for (;;) {
    const page = await q
      .select()
      .from(auditLog)
      .where(gte(auditLog.seq, lastSeq + 1))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE)
    rows.push(...page)
    if (page.length < PAGE) break
    lastSeq = page.at(-1)!.seq
  }
  return verifyChain(rows)
}

export async function verifyAudit(actor: Actor) {
  requirePermission(actor, 'audit.verify')
  const result = await verifyAuditChain()
  await db.transaction((tx) =>
    audit(tx, actor, { action: 'audit.verify', targetType: 'audit', detail: { ok: result.ok, count: result.count } }),
  )
  return result.ok
    ? { ok: true, count: result.count, head: result.head }
    : { ok: false, count: result.count, break: result.break }
}
