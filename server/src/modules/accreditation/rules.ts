import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, count, eq, max } from 'drizzle-orm'
import { z } from 'zod'
import { db, type Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type CarrierKindAccredited, cityOf, kindLabels, requireOwnCity, shortName, today } from './areas'
import { documentIssues, RuleDocument } from './rule-document'
import { pendingParameters, type RuleVersion, versionInForce } from './rule-params'
import { accreditationRuleVersions } from './schema'

const here = path.dirname(fileURLToPath(import.meta.url))
const DATA_DIR = path.resolve(here, '../../../../data/rules/accreditation')

type Row = typeof accreditationRuleVersions.$inferSelect

/** Parses a shipped rule file; a broken file stops the start with the file name and the Chinese messages. */
export function parseRuleFile(file: string): RuleDocument {
  const parsed = RuleDocument.safeParse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')))
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

export function shippedRuleFiles(): string[] {
  return fs.existsSync(DATA_DIR)
    ? fs
        .readdirSync(DATA_DIR)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : []
}

/** Loads the shipped rule files the database does not hold yet (idempotent on the file name). */
export async function seedAccreditationRules(q: Queryable): Promise<void> {
  for (const file of shippedRuleFiles()) {
    const doc = parseRuleFile(file)
    const [existing] = await q
      .select({ n: count() })
      .from(accreditationRuleVersions)
      .where(eq(accreditationRuleVersions.sourceFile, file))
    if (Number(existing?.n ?? 0) > 0) continue
    const [last] = await q
      .select({ v: max(accreditationRuleVersions.version) })
      .from(accreditationRuleVersions)
      .where(eq(accreditationRuleVersions.code, doc.code))
    await q.insert(accreditationRuleVersions).values({
      ...columnsOf(doc),
      id: newId(),
      version: Number(last?.v ?? 0) + 1,
      sourceFile: file,
      createdAt: now(),
    })
  }
  cache = undefined
}

const columnsOf = (doc: RuleDocument) => ({
  code: doc.code,
  jurisdictionCode: doc.jurisdiction,
  carrierKind: doc.carrierKind,
  versionLabel: doc.versionLabel,
  effectiveFrom: doc.effectiveFrom,
  effectiveTo: doc.effectiveTo,
  document: doc,
})

let cache: { stamp: string; rows: Row[] } | undefined

async function allVersions(): Promise<Row[]> {
  const [s] = await db
    .select({ n: count(), last: max(accreditationRuleVersions.createdAt) })
    .from(accreditationRuleVersions)
  const stamp = `${s?.n}:${String(s?.last)}`
  if (cache?.stamp !== stamp) cache = { stamp, rows: await db.select().from(accreditationRuleVersions) }
  return cache.rows
}

export async function getRuleVersion(id: string): Promise<RuleVersion> {
  const row = (await allVersions()).find((r) => r.id === id)
  if (!row) throw notFound('认定规则版本')
  return row
}

export async function versionsOf(city: string, kind: CarrierKindAccredited): Promise<RuleVersion[]> {
  return (await allVersions()).filter((r) => r.jurisdictionCode === city && r.carrierKind === kind)
}

/** The rules in force for a city's centers or platforms on a date; a date outside every version is refused. */
export async function ruleInForce(city: string, kind: CarrierKindAccredited, on: string): Promise<RuleVersion> {
  return versionInForce(await versionsOf(city, kind), on, `${await shortName(city)}${kindLabels[kind]}认定规则`)
}

/** Every version whose period covers a date, for reading targets (a city may have several series). */
export async function versionsInForceForCity(city: string, on: string): Promise<RuleVersion[]> {
  const rows = (await allVersions()).filter((r) => r.jurisdictionCode === city)
  const out: RuleVersion[] = []
  for (const code of new Set(rows.map((r) => r.code))) {
    const series = rows.filter((r) => r.code === code)
    const candidates = series.filter((r) => r.effectiveFrom <= on && on <= r.effectiveTo)
    const latestStart = series.filter((r) => r.effectiveFrom <= on).sort((a, b) => b.version - a.version)
    // Targets stay readable after a version ends (progress against a 2027 goal is still progress).
    const pick = (candidates.length ? candidates : latestStart).sort((a, b) => b.version - a.version)[0]
    if (pick) out.push(pick)
  }
  return out
}

export function describeRule(row: RuleVersion & Partial<Pick<Row, 'sourceFile' | 'basedOn' | 'note' | 'createdAt'>>) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    versionLabel: row.versionLabel,
    name: row.document.name,
    jurisdictionCode: row.document.jurisdiction,
    carrierKind: row.document.carrierKind,
    authority: row.document.authority,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    source: row.document.source,
    sourceFile: row.sourceFile ?? null,
    basedOn: row.basedOn ?? null,
    note: row.note ?? null,
    pending: pendingParameters(row.document).map((p) => ({
      key: p.key,
      label: p.label,
      cite: p.cite,
      note: p.note ?? null,
    })),
    document: row.document,
    createdAt: row.createdAt?.toISOString() ?? null,
  }
}

export async function listRules(_actor: Actor, query: { city?: string; kind?: CarrierKindAccredited }) {
  const rows = (await allVersions())
    .filter((r) => (!query.city || r.jurisdictionCode === query.city) && (!query.kind || r.carrierKind === query.kind))
    .sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version)
  return { items: rows.map(describeRule) }
}

export async function getRule(_actor: Actor, id: string) {
  const row = (await allVersions()).find((r) => r.id === id)
  if (!row) throw notFound('认定规则版本')
  return describeRule(row)
}

export async function ruleForDate(_actor: Actor, query: { city: string; kind: CarrierKindAccredited; on?: string }) {
  const version = await ruleInForce(await cityOf(query.city), query.kind, query.on ?? today())
  return getRule(_actor, version.id)
}

/** A city officer adds a version (a revised guideline, or 待定 content now decided); the old ones stay. */
export async function addRuleVersion(actor: Actor, input: { document: RuleDocument; note: string }) {
  requirePermission(actor, 'accreditation.manage')
  await requireOwnCity(actor, input.document.jurisdiction)
  const rows = await allVersions()
  const series = rows.filter((r) => r.code === input.document.code)
  if (
    series.some(
      (r) => r.jurisdictionCode !== input.document.jurisdiction || r.carrierKind !== input.document.carrierKind,
    )
  )
    throw new AppError('VALIDATION_FAILED', `规则代码 ${input.document.code} 已用于其他地区或载体类型`, {
      fields: [{ path: 'document.code', message: '规则代码已被占用' }],
    })
  return insertVersion(actor, input.document, series[0]?.id ?? null, input.note)
}

export const ParameterValues = z.record(z.string().max(80), z.number().min(0, '参数值不能为负').max(1e13))

/** Sets 待定 (or revises) numeric parameters: a new version of the same series from `effectiveFrom`. */
export async function setParameters(
  actor: Actor,
  id: string,
  input: { values: Record<string, number>; versionLabel: string; effectiveFrom?: string; note: string },
) {
  requirePermission(actor, 'accreditation.manage')
  const base = await getRuleVersion(id)
  await requireOwnCity(actor, base.document.jurisdiction)
  // By default from today, or from the base version's start if that is later.
  const effectiveFrom = input.effectiveFrom ?? [today(), base.effectiveFrom].sort().at(-1)!
  const problems: { path: string; message: string }[] = []
  const parameters = base.document.parameters.map((p) => ({ ...p }))
  for (const [key, value] of Object.entries(input.values)) {
    const p = parameters.find((x) => x.key === key)
    if (!p) problems.push({ path: `values.${key}`, message: `规则中没有参数 ${key}` })
    else if (p.type !== 'number')
      problems.push({ path: `values.${key}`, message: `${p.label}是整节待定，请新增完整的规则版本` })
    else p.value = value
  }
  if (effectiveFrom < base.effectiveFrom || effectiveFrom > base.effectiveTo)
    problems.push({ path: 'effectiveFrom', message: `生效日期应在 ${base.effectiveFrom} 至 ${base.effectiveTo} 之间` })
  const document = { ...base.document, parameters, versionLabel: input.versionLabel, effectiveFrom }
  problems.push(...documentIssues(document).map((i) => ({ path: i.path.join('.'), message: i.message })))
  problems.push(...pointsProblems(document))
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), { fields: problems })
  return insertVersion(actor, document, base.id, input.note)
}

/** Once every indicator's points are set, they must add up to 100. */
function pointsProblems(doc: RuleDocument) {
  if (!doc.evaluation) return []
  const values = doc.evaluation.indicators.map((i) =>
    typeof i.points === 'number'
      ? i.points
      : (doc.parameters.find((p) => p.key === (i.points as { param: string }).param)?.value ?? null),
  )
  if (values.some((v) => v === null)) return []
  const sum = (values as number[]).reduce((a, b) => a + b, 0)
  return Math.abs(sum - 100) > 1e-9 ? [{ path: 'values', message: `各指标分值合计应为 100，当前为 ${sum}` }] : []
}

async function insertVersion(actor: Actor, document: RuleDocument, basedOn: string | null, note: string) {
  const id = newId()
  await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ v: max(accreditationRuleVersions.version) })
      .from(accreditationRuleVersions)
      .where(and(eq(accreditationRuleVersions.code, document.code)))
    const version = Number(last?.v ?? 0) + 1
    await tx.insert(accreditationRuleVersions).values({
      ...columnsOf(document),
      id,
      version,
      basedOn,
      note,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'accreditation.rule.add',
      targetType: 'accreditationRuleVersion',
      targetId: id,
      after: document,
      detail: { code: document.code, version, basedOn, from: document.effectiveFrom, to: document.effectiveTo },
    })
  })
  cache = undefined
  return getRule(actor, id)
}
