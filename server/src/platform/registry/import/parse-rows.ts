import { z } from 'zod'
import type { Actor } from '../../auth/actor'
import type { ImportSpec, RowProblem } from './engine'
import type { ParsedRow } from './parsed-row'
import { readTable } from './read-table'

/** A data row of the file: its spreadsheet line, what parsed, and whether all of it did. */
export type FileRow<Row> = ParsedRow<Row> & { line: number; complete: boolean; hasError: boolean; key?: string }

function splitList(value: string): string[] {
  return value
    .split(/[、，,;；\n]/)
    .map((v) => v.trim())
    .filter(Boolean)
}

/**
 * The cells of a row that parse on their own, for the checks that follow: a column the whole-row parse rejected
 * is left out (and added to `failed`). Null when the schema is not an object, so no column can be trusted.
 */
function partialOf(schema: z.ZodType, input: Record<string, unknown>, failed: Set<string>) {
  if (!(schema instanceof z.ZodObject) || failed.has('')) return null
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (failed.has(key)) continue
    const parsed = field.safeParse(input[key])
    if (!parsed.success) failed.add(key)
    else if (parsed.data !== undefined) out[key] = parsed.data
  }
  return out
}

/**
 * Parses and validates every row, reporting every problem of every row in one pass: the in-file key and the
 * database checks run on the columns that parsed even when others did not; only a check whose own columns
 * failed is skipped. Row numbers are the spreadsheet's (the heading is row 1).
 */
export async function parseRows<Row>(actor: Actor, spec: ImportSpec<Row>, file: Buffer, filename: string) {
  const table = await readTable(file, filename)
  const errors: RowProblem[] = []
  const byHeader = new Map(spec.columns.map((c) => [c.header.replace(/[*＊\s]/g, ''), c]))
  const headerOf = (key: string) => spec.columns.find((c) => c.key === key)?.header ?? key
  const positions = table.headers.map((h) => byHeader.get(h))
  for (const column of spec.columns) {
    if (column.required && !positions.includes(column))
      errors.push({ row: 1, column: column.header, reason: '缺少必填列，请使用导入模板' })
  }
  table.headers.forEach((h, i) => {
    if (h && !positions[i]) errors.push({ row: 1, column: h, reason: '无法识别的列，请使用导入模板' })
  })
  const total = table.rows.filter((r) => r.some((c) => c !== '')).length
  if (errors.length) return { rows: [] as FileRow<Row>[], errors, total }

  const rows: FileRow<Row>[] = []
  const keys = new Map<string, number>()
  const keyColumn = spec.keyColumns.map(headerOf).join('、')
  table.rows.forEach((cells, i) => {
    const line = i + 2
    if (cells.every((c) => c === '')) return
    const input: Record<string, unknown> = {}
    positions.forEach((column, j) => {
      if (!column) return
      const value = cells[j] ?? ''
      if (value !== '') input[column.key] = column.list ? splitList(value) : value
    })
    const parsed = spec.schema.safeParse(input)
    const failed = new Set<string>()
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '')
        failed.add(key)
        errors.push({ row: line, column: headerOf(key), reason: issue.message })
      }
    const row = parsed.success ? parsed.data : (partialOf(spec.schema, input, failed) as Partial<Row> | null)
    if (!row) return
    const fileRow: FileRow<Row> = { row, failed, line, complete: parsed.success, hasError: !parsed.success }
    rows.push(fileRow)
    // The key reads only its own columns, so it is compared whenever they parsed.
    if (spec.keyColumns.some((k) => failed.has(k))) return
    const key = spec.naturalKey(row as Row)
    const previous = keys.get(key)
    if (previous) {
      errors.push({ row: line, column: keyColumn, reason: `与第 ${previous} 行重复` })
      fileRow.hasError = true
      return
    }
    keys.set(key, line)
    fileRow.key = key
  })
  if (spec.check && rows.length) {
    for (const p of await spec.check(actor, rows)) {
      errors.push({ row: rows[p.index]!.line, column: headerOf(p.column), reason: p.reason })
      rows[p.index]!.hasError = true
    }
  }
  errors.sort((a, b) => a.row - b.row)
  return { rows, errors, total }
}
