import { createHash } from 'node:crypto'

/** Stable JSON: keys sorted at every level, so equal content always yields the same digest. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(sortKeys)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = sortKeys(v)
  }
  return out
}

/** SM3 (GB/T 32905-2016), the hash the audit chain and evidence use. */
export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex')
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function digestOf(value: unknown): string | null {
  return value === undefined || value === null ? null : sm3(canonicalJson(value))
}
