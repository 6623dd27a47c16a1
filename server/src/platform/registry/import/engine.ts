import ExcelJS from 'exceljs'
import type { z } from 'zod'
import { db, type Transaction } from '../../../db'
import { catchUp } from '../../../modules/search/service'
import { audit } from '../../audit/audit'
import type { Actor } from '../../auth/actor'
import { sha256 } from '../../crypto/digest'
import { AppError } from '../../errors/errors'
import { type FileRow, parseRows } from './parse-rows'
import type { ParsedRow } from './parsed-row'

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

/**
 * A row that would create a record very like one on file (`similarId`, for a link) or like an earlier row of
 * the same file (`similarRow`): the entry form's near-duplicate warning, which never blocks the import.
 */
export type RowWarning = {
  row: number
  similarTitle: string
  similarId: string | null
  similarRow: number | null
  similarity: number
  reason: string
}

/** A near-duplicate of the row at `index`: a record on file (`id`) or an earlier row of the file (`otherIndex`). */
export type SimilarFound = {
  index: number
  title: string
  id?: string
  otherIndex?: number
  similarity: number
  reason: string
}

export type ImportSpec<Row> = {
  recordType: string
  label: string
  columns: readonly ImportColumn[]
  schema: z.ZodType<Row>
  /** What identifies the same record across imports (e.g. owner + title): re-importing never duplicates. */
  naturalKey: (row: Row) => string
  /** The columns `naturalKey` reads: a row is compared with the others' keys whenever these parsed. */
  keyColumns: readonly (keyof Row & string)[]
  /**
   * Checks that need the database (an organization by its code …), on every row as far as it parsed; a check
   * whose columns failed (`parsedAll`) is skipped, the others still run. Returns problems by column key.
   */
  check?: (actor: Actor, rows: ParsedRow<Row>[]) => Promise<{ index: number; column: string; reason: string }[]>
  /**
   * The entry form's near-duplicate check, for the rows that would create a record (a row matched to a record by
   * its natural key updates it and is left out): similar records on file and similar earlier rows of the file.
   */
  findSimilar?: (actor: Actor, rows: { row: Row; importKey: string }[]) => Promise<SimilarFound[]>
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
  /** Near-duplicates: shown beside the errors, they do not stop a commit. */
  warnings: RowWarning[]
  committed: boolean
  created?: number
  updated?: number
  unchanged?: number
}

function importKeyOf<Row>(actor: Actor, spec: ImportSpec<Row>, key: string): string {
  const owner = actor.kind === 'user' ? actor.orgId : 'system'
  return sha256(`${spec.recordType}|${owner}|${key}`)
}

/** Near-duplicates of the rows that parsed whole (errors or not, so a fixed file brings no new surprise). */
async function warningsOf<Row>(actor: Actor, spec: ImportSpec<Row>, rows: FileRow<Row>[]): Promise<RowWarning[]> {
  if (!spec.findSimilar) return []
  const candidates = rows.filter((r) => r.complete && r.key !== undefined)
  if (candidates.length === 0) return []
  const found = await spec.findSimilar(
    actor,
    candidates.map((r) => ({ row: r.row as Row, importKey: importKeyOf(actor, spec, r.key!) })),
  )
  return found
    .map((f) => ({
      row: candidates[f.index]!.line,
      similarTitle: f.title,
      similarId: f.id ?? null,
      similarRow: f.otherIndex === undefined ? null : candidates[f.otherIndex]!.line,
      similarity: Math.round(f.similarity * 100) / 100,
      reason: f.reason,
    }))
    .sort((a, b) => a.row - b.row || b.similarity - a.similarity)
}

/**
 * A dry run reports every problem of every row and the near-duplicates, and writes nothing; a commit writes all
 * rows in one transaction or none, near-duplicates or not. Rows are matched to earlier imports by their natural
 * key, so importing the same file twice changes nothing.
 */
export async function runImport<Row>(
  actor: Actor,
  spec: ImportSpec<Row>,
  file: Buffer,
  filename: string,
  mode: 'dryRun' | 'commit',
): Promise<ImportReport> {
  const { rows, errors, total } = await parseRows(actor, spec, file, filename)
  const valid = rows.filter((r) => !r.hasError)
  if (mode === 'commit' && errors.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `文件中有 ${new Set(errors.map((e) => e.row)).size} 行有误，未导入任何数据；请先修正`,
      { errors },
    )
  }
  if (mode === 'commit' && valid.length === 0) throw new AppError('VALIDATION_FAILED', '文件中没有数据行')
  // Before the commit writes, or the new rows would be found as their own near-duplicates.
  const warnings = await warningsOf(actor, spec, rows)
  const report: ImportReport = { total, valid: valid.length, errors, warnings, committed: false }
  if (mode === 'dryRun') return report
  const result = await db.transaction(async (tx) => {
    const outcome = await spec.persist(
      tx,
      actor,
      valid.map((r) => ({ row: r.row as Row, importKey: importKeyOf(actor, spec, r.key!) })),
    )
    await audit(tx, actor, {
      action: `${spec.recordType}.import`,
      targetType: spec.recordType,
      detail: { filename: filename.slice(0, 200), rows: valid.length, ...outcome, duplicatesWarned: warnings.length },
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
