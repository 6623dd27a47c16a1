import ExcelJS from 'exceljs'
import { AppError } from '../../errors/errors'

export type Table = { headers: string[]; rows: string[][] }

const MAX_ROWS = 20_000

/** Reads the first sheet of an .xlsx or a .csv (UTF-8 with or without BOM, or GB18030 as Excel saves it). */
export async function readTable(file: Buffer, filename: string): Promise<Table> {
  const isXlsx = file.subarray(0, 2).toString('latin1') === 'PK'
  if (isXlsx) return readXlsx(file)
  if (/\.xlsx?$/i.test(filename))
    throw new AppError('VALIDATION_FAILED', '文件不是有效的 .xlsx（旧版 .xls 请另存为 .xlsx 或 .csv）')
  return readCsv(decode(file))
}

function decode(file: Buffer): string {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) return file.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file)
  } catch {
    return new TextDecoder('gb18030').decode(file)
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}

async function readXlsx(file: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer)
  } catch {
    throw new AppError('VALIDATION_FAILED', '无法读取 .xlsx 文件，请确认文件未损坏')
  }
  const sheet = workbook.getWorksheet('数据') ?? workbook.worksheets[0]
  if (!sheet) throw new AppError('VALIDATION_FAILED', '文件中没有工作表')
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    if (number > MAX_ROWS + 1) return
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim())
    rows[number - 1] = cells
  })
  return toTable(rows)
}

/** RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF. */
export function readCsv(text: string): Table {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field.trim())
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field.trim())
      rows.push(row)
      row = []
      field = ''
      if (rows.length > MAX_ROWS + 1) break
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field.trim())
    rows.push(row)
  }
  return toTable(rows)
}

function toTable(all: (string[] | undefined)[]): Table {
  const rows = all.map((r) => r ?? [])
  const headers = (rows[0] ?? []).map((h) => h.replace(/[*＊\s]/g, ''))
  const body = rows.slice(1)
  if (body.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `一次最多导入 ${MAX_ROWS} 行，请拆分文件`)
  return { headers, rows: body }
}
