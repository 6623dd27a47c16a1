import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { db, type Queryable } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { jurisdictions } from './schema'

export type Jurisdiction = typeof jurisdictions.$inferSelect

const here = path.dirname(fileURLToPath(import.meta.url))
const DATA_FILE = path.resolve(here, '../../../../data/jurisdictions.json')

const JurisdictionFile = z.strictObject({
  source: z.string(),
  items: z.array(
    z.strictObject({
      code: z.string().regex(/^\d{6}$/),
      name: z.string().min(2),
      level: z.enum(['province', 'city', 'district']),
      parentCode: z
        .string()
        .regex(/^\d{6}$/)
        .nullable(),
    }),
  ),
})

let cache: Map<string, Jurisdiction> | undefined

/** Loads the shipped GB/T 2260 tree idempotently: new codes are added, names kept current. */
export async function seedJurisdictions(q: Queryable): Promise<void> {
  const file = JurisdictionFile.parse(JSON.parse(fs.readFileSync(DATA_FILE, 'utf8')))
  const byCode = new Map(file.items.map((i) => [i.code, i]))
  // 浙江省温州市鹿城区: the names of the ancestors, then the own name.
  const fullName = (code: string): string => {
    const item = byCode.get(code)!
    return `${item.parentCode ? fullName(item.parentCode) : ''}${item.name}`
  }
  let order = 0
  for (const item of file.items) {
    const row = { ...item, fullName: fullName(item.code), sortOrder: order++ }
    await q
      .insert(jurisdictions)
      .values(row)
      .onConflictDoUpdate({
        target: jurisdictions.code,
        set: {
          name: row.name,
          level: row.level,
          parentCode: row.parentCode,
          fullName: row.fullName,
          sortOrder: row.sortOrder,
        },
      })
  }
  cache = undefined
}

async function all(): Promise<Map<string, Jurisdiction>> {
  if (!cache) {
    const rows = await db.select().from(jurisdictions).orderBy(asc(jurisdictions.sortOrder))
    cache = new Map(rows.map((r) => [r.code, r]))
  }
  return cache
}

export async function listJurisdictions(_actor: Actor): Promise<Jurisdiction[]> {
  return [...(await all()).values()]
}

export async function getJurisdiction(code: string): Promise<Jurisdiction | undefined> {
  return (await all()).get(code)
}

export async function requireJurisdiction(code: string, field = 'jurisdictionCode'): Promise<Jurisdiction> {
  const found = await getJurisdiction(code)
  if (!found) {
    throw new AppError('VALIDATION_FAILED', `行政区划代码 ${code} 不存在`, {
      fields: [{ path: field, message: '行政区划代码不存在' }],
    })
  }
  return found
}

/** A code and everything beneath it: a city and its districts, or a district alone. */
export async function descendantsOf(code: string): Promise<string[]> {
  const map = await all()
  const out = [code]
  for (let i = 0; i < out.length; i++) for (const j of map.values()) if (j.parentCode === out[i]) out.push(j.code)
  return out
}

/**
 * The jurisdictions a government officer oversees: city staff their city and its districts, district
 * staff their district. Everyone else has no jurisdiction-wide view (undefined = not scoped by area).
 */
export async function oversightScope(actor: Actor): Promise<string[] | 'all' | 'none'> {
  if (actor.kind === 'system') return 'all'
  if (actor.kind !== 'user') return 'none'
  if (actor.role === 'systemAdmin' || actor.role === 'securityAdmin' || actor.role === 'auditAdmin') return 'all'
  if (actor.role === 'cityOfficer' || actor.role === 'districtOfficer') return descendantsOf(actor.jurisdictionCode)
  return 'none'
}

export async function jurisdictionNames(codes: readonly string[]): Promise<Map<string, string>> {
  const map = await all()
  return new Map([...new Set(codes)].map((c) => [c, map.get(c)?.fullName ?? c]))
}

/** What a city officer may see of 保密 records: their city and its districts. Nobody else gets a city view. */
export async function secretScope(actor: Actor): Promise<string[]> {
  return actor.kind === 'user' && actor.role === 'cityOfficer' ? descendantsOf(actor.jurisdictionCode) : []
}
