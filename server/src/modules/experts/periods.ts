/** Reads “瓯越理工大学（2018-09至2022-06）” / “浙江大学(2015至今)” as typed in an import; dates become YYYY-MM-DD. */
export function parseAffiliationText(
  text: string,
): { organizationName: string; from: string | null; to: string | null } | string {
  const m = text.trim().match(/^(.+?)\s*[（(]\s*([0-9./-]*)\s*(?:至|到|~|～|—|–)\s*([0-9./-]*|今|现在)\s*[）)]$/)
  if (!m) return `“${text}”应写成“单位名称（起始年月至结束年月）”，如“瓯越理工大学（2018-09至2022-06）”，在职写“至今”`
  const from = m[2] ? calendarDate(m[2], 'start') : null
  const to = m[3] && m[3] !== '今' && m[3] !== '现在' ? calendarDate(m[3], 'end') : null
  if (from === undefined || to === undefined) return `“${text}”中的日期应为 YYYY、YYYY-MM 或 YYYY-MM-DD`
  if (from && to && from > to) return `“${text}”的结束日期早于起始日期`
  const name = m[1]!.trim()
  if (name.length < 2) return `“${text}”缺少单位名称`
  return { organizationName: name, from, to }
}

/** YYYY, YYYY-MM or YYYY-MM-DD (also with . or /) as the first or last day it covers; undefined if invalid. */
export function calendarDate(text: string, edge: 'start' | 'end'): string | undefined {
  const parts = text.split(/[./-]/).filter(Boolean).map(Number)
  const [year, month, day] = parts
  if (!year || year < 1900 || year > 2100 || parts.length > 3) return undefined
  if (month !== undefined && (month < 1 || month > 12)) return undefined
  const m = month ?? (edge === 'start' ? 1 : 12)
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  const d = day ?? (edge === 'start' ? 1 : last)
  if (d < 1 || d > last) return undefined
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
