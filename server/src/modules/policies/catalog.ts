import { and, asc, desc, eq } from 'drizzle-orm'
import { db, type Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { jurisdictionNames, oversightScope } from '../jurisdictions/service'
import { isWithin } from './conditions'
import type { Policy } from './contracts'
import { type PolicyDefinition, pendingParameters, policyKindLabels } from './definition'
import { describeRules, parameterText } from './describe'
import { policyInputs } from './policy-inputs'
import { parseDefinition } from './rules'
import { type PolicyRow, policies } from './schema'

export async function toPolicy(row: PolicyRow, names?: Map<string, string>): Promise<Policy> {
  const d = row.definition
  const areaNames = names ?? (await jurisdictionNames([d.jurisdiction]))
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    status: row.status,
    title: d.title,
    kind: d.kind,
    kindLabel: policyKindLabels[d.kind],
    issuer: d.issuer,
    document: d.document,
    citation: d.citation,
    jurisdictionCode: d.jurisdiction,
    jurisdictionName: areaNames.get(d.jurisdiction) ?? d.jurisdiction,
    validity: { from: d.validity.from, to: d.validity.to, note: d.validity.note ?? null },
    subjectType: d.subject.type,
    rules: describeRules(d),
    parameters: Object.entries(d.parameters).map(([key, p]) => ({
      key,
      label: p.label,
      unit: p.unit,
      value: p.value,
      pending: p.value === null,
      text: parameterText(p),
      source: p.source,
      note: p.note ?? null,
    })),
    pendingParameters: pendingParameters(d),
    evidence: d.evidence,
    inputs: policyInputs(d),
    automatic: d.automatic,
    origin: row.origin,
    changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(),
    definition: d as unknown as Record<string, unknown>,
  }
}

/** The version in force of a policy (the engine always computes with it and records its number). */
export async function activePolicy(code: string, q: Queryable = db): Promise<PolicyRow> {
  const [row] = await q
    .select()
    .from(policies)
    .where(and(eq(policies.code, code), eq(policies.status, 'active')))
  if (!row) throw notFound('政策')
  return row
}

export async function activePolicies(): Promise<PolicyRow[]> {
  return db
    .select()
    .from(policies)
    .where(eq(policies.status, 'active'))
    .orderBy(asc(policies.jurisdictionCode), asc(policies.code))
}

/** 政策库: public — every policy in force, optionally those that apply in an area (its own and its ancestors'). */
export async function listPolicies(actor: Actor, query: { jurisdiction?: string }) {
  requirePermission(actor, 'policy.read')
  const rows = (await activePolicies()).filter(
    (r) =>
      !query.jurisdiction ||
      isWithin(query.jurisdiction, r.jurisdictionCode) ||
      isWithin(r.jurisdictionCode, query.jurisdiction),
  )
  const names = await jurisdictionNames(rows.map((r) => r.jurisdictionCode))
  return { items: await Promise.all(rows.map((r) => toPolicy(r, names))) }
}

export async function getPolicy(actor: Actor, code: string) {
  requirePermission(actor, 'policy.read')
  return toPolicy(await activePolicy(code))
}

export async function policyVersions(actor: Actor, code: string) {
  requirePermission(actor, 'policy.read')
  const rows = await db.select().from(policies).where(eq(policies.code, code)).orderBy(desc(policies.version))
  if (!rows.length) throw notFound('政策')
  const names = await jurisdictionNames(rows.map((r) => r.jurisdictionCode))
  return { items: await Promise.all(rows.map((r) => toPolicy(r, names))) }
}

async function requireManages(actor: Actor, jurisdiction: string) {
  requirePermission(actor, 'policy.manage')
  const scope = await oversightScope(actor)
  if (scope !== 'all' && (scope === 'none' || !scope.includes(jurisdiction)))
    throw new AppError('FORBIDDEN', '只能管理本辖区的政策', { jurisdiction })
}

async function saveVersion(
  actor: Actor,
  current: PolicyRow | undefined,
  definition: PolicyDefinition,
  changeNote: string,
) {
  await requireManages(actor, definition.jurisdiction)
  if (current && definition.code !== current.code)
    throw new AppError('VALIDATION_FAILED', '不能修改政策编码', {
      fields: [{ path: 'definition.code', message: '不能修改政策编码' }],
    })
  if (current && definition.jurisdiction !== current.jurisdictionCode)
    await requireManages(actor, current.jurisdictionCode)
  const id = newId()
  await db.transaction(async (tx) => {
    if (current) {
      const [still] = await tx
        .update(policies)
        .set({ status: 'retired' })
        .where(and(eq(policies.id, current.id), eq(policies.status, 'active')))
        .returning({ id: policies.id })
      if (!still) throw new AppError('STALE_VERSION', '政策已被他人修订，请刷新后重试')
    }
    await tx.insert(policies).values({
      id,
      code: definition.code,
      version: (current?.version ?? 0) + 1,
      status: 'active',
      title: definition.title,
      jurisdictionCode: definition.jurisdiction,
      definition,
      origin: 'officer',
      changeNote,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: current ? 'policy.revise' : 'policy.create',
      targetType: 'policy',
      targetId: id,
      before: current?.definition,
      after: definition,
      detail: { code: definition.code, from: current?.version ?? null, to: (current?.version ?? 0) + 1, changeNote },
    })
  })
  return getPolicy(actor, definition.code)
}

/** A new policy entered by a city officer (version 1). */
export async function createPolicy(actor: Actor, input: { definition: unknown; changeNote: string }) {
  requirePermission(actor, 'policy.manage')
  const definition = parseDefinition(input.definition)
  const [clash] = await db.select({ id: policies.id }).from(policies).where(eq(policies.code, definition.code)).limit(1)
  if (clash) throw new AppError('ALREADY_EXISTS', `政策编码 ${definition.code} 已存在`)
  return saveVersion(actor, undefined, definition, input.changeNote)
}

/** A city officer's edit: a new version; the old one is retired and stays in the history. */
export async function revisePolicy(actor: Actor, code: string, input: { definition: unknown; changeNote: string }) {
  requirePermission(actor, 'policy.manage')
  const current = await activePolicy(code)
  return saveVersion(actor, current, parseDefinition(input.definition), input.changeNote)
}

/** Sets parameters (a 待定 one, or a changed amount) and the finance split as a new version, with the basis for it. */
export async function setParameters(
  actor: Actor,
  code: string,
  input: {
    values: Record<string, number>
    split?: { level: 'city' | 'district'; share: number }[]
    changeNote: string
  },
) {
  requirePermission(actor, 'policy.manage')
  if (Object.keys(input.values).length === 0 && !input.split)
    throw new AppError('VALIDATION_FAILED', '请填写要设定的参数或分担比例', {
      fields: [{ path: 'values', message: '请填写要设定的参数' }],
    })
  const current = await activePolicy(code)
  const parameters = { ...current.definition.parameters }
  for (const [key, value] of Object.entries(input.values)) {
    const p = parameters[key]
    if (!p)
      throw new AppError('VALIDATION_FAILED', `政策没有参数 ${key}`, {
        fields: [{ path: `values.${key}`, message: '参数不存在' }],
      })
    parameters[key] = { ...p, value, source: p.value === null ? `${p.source}；已设定：${input.changeNote}` : p.source }
  }
  const budget = input.split
    ? {
        ...current.definition.budget,
        split: input.split,
        splitSource: `${current.definition.budget.splitSource}；已设定：${input.changeNote}`,
      }
    : current.definition.budget
  if (input.split && new Set(input.split.map((s) => s.level)).size !== input.split.length)
    throw new AppError('VALIDATION_FAILED', '分担比例中财政级次重复', {
      fields: [{ path: 'split', message: '财政级次重复' }],
    })
  const definition = parseDefinition({ ...current.definition, parameters, budget })
  return saveVersion(actor, current, definition, input.changeNote)
}
