import ExcelJS from 'exceljs'
import type { z } from 'zod'
import { db, type Transaction } from '../../../db'
import { catchUp } from '../../../modules/search/service'
import { audit } from '../../audit/audit'
import type { Actor } from '../../auth/actor'
import { sha256 } from '../../crypto/digest'
import { AppError } from '../../errors/errors'
import { readTable } from './read-table'

export type ImportColumn = {
  key: string
  /** The column heading in the template, in Chinese; a trailing * marks it required in the template. */
  header: string
  required?: boolean
  description: string
  example: string
  /** Several values in one cell, separated by 、，, ; or ；. */
  list?: boolean
}

export type RowProblem = { row: number; column: string; reason: string }

export type ImportSpec<Row> = {
  recordType: string
  label: string
  columns: readonly ImportColumn[]
  schema: z.ZodType<Row>
  /** What identifies the same record across imports (e.g. owner + title): re-importing never duplicates. */
  naturalKey: (row: Row) => string
  /** Checks that need the database (an organization by its code …); return problems by column key. */
  check?: (actor: Actor, rows: Row[]) => Promise<{ index: number; column: string; reason: string }[]>
  /** Writes the rows inside the import's one transaction; `importKey` is stable for equal natural keys. */
  persist: (
    tx: Transaction,
    actor: Actor,
    rows: { row: Row; importKey: string }[],
  ) => Promise<{ created: number; updated: number; unchanged: number }>
}

export type ImportReport = {
  total: number
  valid: number
  errors: RowProblem[]
  committed: boolean
  created?: number
  updated?: number
  unchanged?: number
}

function splitList(value: string): string[] {
  return value
    .split(/[、，,;；\n]/)
    .map((v) => v.trim())
    .filter(Boolean)
}

/** Parses and validates every row; row numbers are the spreadsheet's (the heading is row 1). */
async function parse<Row>(actor: Actor, spec: ImportSpec<Row>, file: Buffer, filename: string) {
  const table = await readTable(file, filename)
  const errors: RowProblem[] = []
  const byHeader = new Map(spec.columns.map((c) => [c.header.replace(/[*＊\s]/g, ''), c]))
  const positions = table.headers.map((h) => byHeader.get(h))
  for (const column of spec.columns) {
    if (column.required && !positions.includes(column))
      errors.push({ row: 1, column: column.header, reason: '缺少必填列，请使用导入模板' })
  }
  table.headers.forEach((h, i) => {
    if (h && !positions[i]) errors.push({ row: 1, column: h, reason: '无法识别的列，请使用导入模板' })
  })
  if (errors.length)
    return {
      rows: [] as { row: Row; line: number }[],
      errors,
      total: table.rows.filter((r) => r.some((c) => c !== '')).length,
    }

  let rows: { row: Row; line: number }[] = []
  const keys = new Map<string, number>()
  let total = 0
  table.rows.forEach((cells, i) => {
    const line = i + 2
    if (cells.every((c) => c === '')) return
    total++
    const input: Record<string, unknown> = {}
    positions.forEach((column, j) => {
      if (!column) return
      const value = cells[j] ?? ''
      if (value !== '') input[column.key] = column.list ? splitList(value) : value
    })
    const parsed = spec.schema.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '')
        const column = spec.columns.find((c) => c.key === key)
        errors.push({ row: line, column: column?.header ?? key, reason: issue.message })
      }
      return
    }
    const key = spec.naturalKey(parsed.data)
    const previous = keys.get(key)
    if (previous) {
      errors.push({ row: line, column: '', reason: `与第 ${previous} 行重复` })
      return
    }
    keys.set(key, line)
    rows.push({ row: parsed.data, line })
  })
  if (spec.check && rows.length) {
    const failed = new Set<number>()
    for (const p of await spec.check(
      actor,
      rows.map((r) => r.row),
    )) {
      const column = spec.columns.find((c) => c.key === p.column)
      errors.push({ row: rows[p.index]!.line, column: column?.header ?? p.column, reason: p.reason })
      failed.add(p.index)
    }
    rows = rows.filter((_, i) => !failed.has(i))
  }
  errors.sort((a, b) => a.row - b.row)
  return { rows, errors, total }
}

/**
 * A dry run reports every bad row and writes nothing; a commit writes all rows in one transaction or none.
 * Rows are matched to earlier imports by their natural key, so importing the same file twice changes nothing.
 */
export async function runImport<Row>(
  actor: Actor,
  spec: ImportSpec<Row>,
  file: Buffer,
  filename: string,
  mode: 'dryRun' | 'commit',
): Promise<ImportReport> {
  const { rows, errors, total } = await parse(actor, spec, file, filename)
  const report: ImportReport = { total, valid: rows.length, errors, committed: false }
  if (mode === 'dryRun') return report
  if (errors.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `文件中有 ${new Set(errors.map((e) => e.row)).size} 行有误，未导入任何数据；请先修正`,
      { errors },
    )
  }
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', '文件中没有数据行')
  const owner = actor.kind === 'user' ? actor.orgId : 'system'
  const result = await db.transaction(async (tx) => {
    const outcome = await spec.persist(
      tx,
      actor,
      rows.map(({ row }) => ({ row, importKey: sha256(`${spec.recordType}|${owner}|${spec.naturalKey(row)}`) })),
    )
    await audit(tx, actor, {
      action: `${spec.recordType}.import`,
      targetType: spec.recordType,
      detail: { filename: filename.slice(0, 200), rows: rows.length, ...outcome },
    })
    return outcome
  })
  // The index follows the database: apply the change feed before answering, so a search right after finds the rows.
  await catchUp()
  return { ...report, committed: true, ...result }
}

/** The import template: a 数据 sheet with the headings and one example row, and a 说明 sheet. */
export async function importTemplate(spec: ImportSpec<unknown>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const data = workbook.addWorksheet('数据')
  data.columns = spec.columns.map((c) => ({
    header: `${c.header}${c.required ? '*' : ''}`,
    key: c.key,
    width: Math.max(14, c.header.length * 3),
  }))
  data.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, c.example])))
  data.getRow(1).font = { bold: true }
  const help = workbook.addWorksheet('说明')
  help.columns = [
    { header: '列名', key: 'header', width: 20 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'description', width: 80 },
  ]
  for (const c of spec.columns)
    help.addRow({
      header: c.header,
      required: c.required ? '是' : '',
      description: c.description + (c.list ? '（多个值用顿号“、”分隔）' : ''),
    })
  help.addRow({})
  help.addRow({
    header: '提示',
    description: `“数据”表第 2 行为示例，导入前请删除。带 * 的列必填。同一${spec.label}重复导入不会产生重复记录。`,
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Writes a list to .xlsx with Chinese headings. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/**
 * A value as a person reads it in a sheet: lists joined by 、, and instants (the API's ISO strings in UTC) as
 * Beijing time to the minute — the web pages show Beijing time, and a bare UTC string reads 8 hours early.
 */
function cellOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.join('、')
  if (typeof value === 'string' && INSTANT.test(value))
    return new Date(Date.parse(value) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
  return value ?? ''
}

export async function exportXlsx(
  sheetName: string,
  columns: { key: string; header: string; width?: number }[],
  rows: Record<string, unknown>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }))
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellOf(row[c.key])])))
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
