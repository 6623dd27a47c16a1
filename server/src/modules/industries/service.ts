import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, count, desc, eq, max } from 'drizzle-orm'
import { db, type Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { getJurisdiction, oversightScope } from '../jurisdictions/service'
import { type IndustryNode, industrySystems } from './schema'

const here = path.dirname(fileURLToPath(import.meta.url))
const DATA_DIR = path.resolve(here, '../../../../data/industry')
export const NATIONAL = '000000'

type SystemFile = {
  code: string
  name: string
  jurisdiction?: string
  version?: string
  effectiveFrom?: string | null
  effectiveTo?: string | null
  source?: string
  nodes: IndustryNode[]
}

/** Loads the shipped systems (data/industry/*.json) that the database does not have yet. */
export async function seedIndustrySystems(q: Queryable): Promise<void> {
  if (!fs.existsSync(DATA_DIR)) return
  for (const file of fs
    .readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const system = JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as SystemFile
    if (!system.jurisdiction) continue // GB/T 4754 is a classification of enterprises, not a city's system
    const [existing] = await q.select({ n: count() }).from(industrySystems).where(eq(industrySystems.code, system.code))
    if (Number(existing?.n ?? 0) > 0) continue
    await q.insert(industrySystems).values({
      id: newId(),
      code: system.code,
      name: system.name,
      jurisdictionCode: system.jurisdiction,
      version: 1,
      versionLabel: system.version ?? '1',
      effectiveFrom: system.effectiveFrom ?? null,
      effectiveTo: system.effectiveTo ?? null,
      source: system.source ?? file,
      status: 'active',
      nodes: system.nodes,
      createdAt: now(),
      updatedAt: now(),
    })
  }
  cache = undefined
}

type System = typeof industrySystems.$inferSelect
let cache: { stamp: string; systems: System[] } | undefined

async function activeSystems(): Promise<System[]> {
  const [stampRow] = await db.select({ n: count(), last: max(industrySystems.updatedAt) }).from(industrySystems)
  const stamp = `${stampRow?.n}:${String(stampRow?.last)}`
  if (cache?.stamp === stamp) return cache.systems
  const systems = await db.select().from(industrySystems).where(eq(industrySystems.status, 'active'))
  cache = { stamp, systems }
  return systems
}

/** Qualified node code as records store it: `<system code>:<node code>`. */
export const qualify = (system: string, node: string) => `${system}:${node}`

/** The systems that apply to an area: its own, its city's, then the national 战略性新兴产业分类. */
export async function systemsFor(jurisdictionCode: string): Promise<System[]> {
  const systems = await activeSystems()
  const area = await getJurisdiction(jurisdictionCode)
  const chain = [jurisdictionCode, area?.parentCode, NATIONAL].filter(Boolean) as string[]
  return chain.flatMap((code) => systems.filter((s) => s.jurisdictionCode === code))
}

export async function industryNames(codes: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (codes.length === 0) return out
  const systems = await activeSystems()
  for (const code of codes) {
    const [systemCode, nodeCode] = code.split(':')
    const node = systems.find((s) => s.code === systemCode)?.nodes.find((n) => n.code === nodeCode)
    if (node) out.set(code, node.name)
  }
  return out
}

/** Refuses codes that are not nodes of a system applying to the area. */
export async function assertIndustryCodes(
  jurisdictionCode: string,
  codes: readonly string[],
  field = 'industryCodes',
): Promise<void> {
  const systems = await systemsFor(jurisdictionCode)
  const valid = new Set(systems.flatMap((s) => s.nodes.map((n) => qualify(s.code, n.code))))
  const unknown = codes.filter((c) => !valid.has(c))
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `产业分类 ${unknown.join('、')} 不属于本地区的产业体系`, {
      fields: [{ path: field, message: '不属于本地区的产业体系' }],
    })
  }
}

export async function listSystems(_actor: Actor, jurisdictionCode?: string) {
  const systems = jurisdictionCode ? await systemsFor(jurisdictionCode) : await activeSystems()
  return systems.map(describe)
}

function describe(s: System) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    jurisdictionCode: s.jurisdictionCode,
    version: s.version,
    versionLabel: s.versionLabel,
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo,
    source: s.source,
    status: s.status,
    nodes: s.nodes,
    toBeCompleted: s.nodes.filter((n) => n.toBeCompleted).length,
    createdAt: s.createdAt.toISOString(),
  }
}

export async function systemHistory(_actor: Actor, code: string) {
  const rows = await db
    .select()
    .from(industrySystems)
    .where(eq(industrySystems.code, code))
    .orderBy(desc(industrySystems.version))
  if (!rows.length) throw notFound('产业体系')
  return rows.map(describe)
}

/** A city officer edits the system of their area: the edit is a new version; the old one is retired, not lost. */
export async function reviseSystem(
  actor: Actor,
  code: string,
  input: {
    name: string
    versionLabel: string
    effectiveFrom?: string | null
    effectiveTo?: string | null
    source: string
    nodes: IndustryNode[]
  },
) {
  requirePermission(actor, 'industry.manage')
  const [current] = await db
    .select()
    .from(industrySystems)
    .where(and(eq(industrySystems.code, code), eq(industrySystems.status, 'active')))
  if (!current) throw notFound('产业体系')
  const scope = await oversightScope(actor)
  if (scope !== 'all' && (scope === 'none' || !scope.includes(current.jurisdictionCode))) {
    throw new AppError('FORBIDDEN', '只能修改本辖区的产业体系')
  }
  const codes = new Set<string>()
  for (const node of input.nodes) {
    if (codes.has(node.code))
      throw new AppError('VALIDATION_FAILED', `节点编码 ${node.code} 重复`, {
        fields: [{ path: 'nodes', message: `节点编码 ${node.code} 重复` }],
      })
    codes.add(node.code)
  }
  for (const node of input.nodes) {
    if (node.parentCode && !codes.has(node.parentCode)) {
      throw new AppError('VALIDATION_FAILED', `节点“${node.name}”的上级 ${node.parentCode} 不存在`, {
        fields: [{ path: 'nodes', message: `上级 ${node.parentCode} 不存在` }],
      })
    }
  }
  const id = newId()
  await db.transaction(async (tx) => {
    await tx
      .update(industrySystems)
      .set({ status: 'retired', updatedAt: now() })
      .where(eq(industrySystems.id, current.id))
    await tx.insert(industrySystems).values({
      id,
      code,
      name: input.name,
      jurisdictionCode: current.jurisdictionCode,
      version: current.version + 1,
      versionLabel: input.versionLabel,
      effectiveFrom: input.effectiveFrom ?? null,
      effectiveTo: input.effectiveTo ?? null,
      source: input.source,
      status: 'active',
      nodes: input.nodes,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now(),
      updatedAt: now(),
    })
    await audit(tx, actor, {
      action: 'industry.revise',
      targetType: 'industrySystem',
      targetId: id,
      before: current.nodes,
      after: input.nodes,
      detail: { code, from: current.version, to: current.version + 1, nodes: input.nodes.length },
    })
  })
  return systemHistory(actor, code)
}
