/**
 * Report verification codes `FM-2026-XXXX-XXXC`: seven Crockford base-32 characters taken from the SM3
 * digest of the report's content, then a Luhn mod 32 check character. A changed report has another digest,
 * so its code no longer matches; a mistyped code is caught by the check character before any lookup.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const N = ALPHABET.length
const BODY_LENGTH = 7

function luhnSum(values: readonly number[], startFactor: 1 | 2): number {
  let factor = startFactor
  let sum = 0
  for (let i = values.length - 1; i >= 0; i--) {
    const addend = factor * values[i]!
    sum += Math.floor(addend / N) + (addend % N)
    factor = factor === 2 ? 1 : 2
  }
  return sum
}

const valuesOf = (chars: string) => [...chars].map((c) => ALPHABET.indexOf(c))

export function checkCharacter(payload: string): string {
  const remainder = luhnSum(valuesOf(payload), 2) % N
  return ALPHABET[(N - remainder) % N]!
}

/** The code of a report issued in `year` whose content has the SM3 `digest` (hex). */
export function reportCode(year: number, digest: string): string {
  let bits = BigInt(`0x${digest.slice(0, 9)}`) >> 1n // the first 35 bits
  let body = ''
  for (let i = 0; i < BODY_LENGTH; i++) {
    body = ALPHABET[Number(bits & 31n)]! + body
    bits >>= 5n
  }
  const check = checkCharacter(`${year}${body}`)
  return `FM-${year}-${body.slice(0, 4)}-${body.slice(4)}${check}`
}

export type ParsedCode = { ok: true; code: string; year: number } | { ok: false; message: string }

/** Reads a typed code: case and separators forgiven, O read as 0 and I/L as 1 (Crockford), check verified. */
export function parseReportCode(input: string): ParsedCode {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  const match = /^FM(\d{4})([0-9A-Z]{8})$/.exec(compact)
  if (!match) return { ok: false, message: '验证码格式应为 FM-年份-XXXX-XXXX' }
  const [, year, rest] = match as unknown as [string, string, string]
  if ([...rest].some((c) => !ALPHABET.includes(c))) return { ok: false, message: '验证码含有不使用的字符（U）' }
  if (luhnSum(valuesOf(`${year}${rest}`), 1) % N !== 0)
    return { ok: false, message: '验证码校验位不正确，请核对后重新输入' }
  return { ok: true, code: `FM-${year}-${rest.slice(0, 4)}-${rest.slice(4)}`, year: Number(year) }
}
