import type { Condition, Leaf, PolicyDefinition } from './definition'
import { describeValue, type FactKey, type FactSet, type FactValue, factSpec } from './facts'

export type Outcome = 'pass' | 'fail' | 'unknown'
export type ConditionResult = {
  label: string
  outcome: Outcome
  /** One line in Chinese: the value found, where it came from, and what was required. */
  detail: string
  /** Facts the platform does not hold and the applicant may declare (with the evidence that proves them). */
  missing: { fact: FactKey; label: string; evidence: string | null }[]
}

/** GB/T 2260: a province (xx0000) holds its cities, a city (xxxx00) its districts and counties. */
export function isWithin(code: string, area: string): boolean {
  if (area.endsWith('0000')) return code.startsWith(area.slice(0, 2))
  if (area.endsWith('00')) return code.startsWith(area.slice(0, 4))
  return code === area
}

/** Region and industry codes by name, for explanations. */
export type Names = ReadonlyMap<string, string>

function expected(leaf: Leaf, year: number, names?: Names): { value: FactValue; text: string } {
  const value =
    typeof leaf.value === 'object' && !Array.isArray(leaf.value) ? year + (leaf.value.offset ?? 0) : leaf.value
  const shown = describeValue(leaf.fact, value, names)
  const text = {
    eq: `应为${shown}`,
    ne: `不应为${shown}`,
    in: `应为${Array.isArray(value) ? value.map((v) => describeValue(leaf.fact, v, names)).join('、') : shown}之一`,
    gte: `应不少于${shown}`,
    lte: `应不超过${shown}`,
    includes: `应包含${shown}`,
  }[leaf.op]
  return { value, text }
}

function holds(op: Leaf['op'], actual: FactValue, wanted: FactValue): boolean {
  switch (op) {
    case 'eq':
      return actual === wanted
    case 'ne':
      return actual !== wanted
    case 'in':
      return Array.isArray(wanted) && typeof actual === 'string' && wanted.includes(actual)
    case 'gte':
      return typeof actual === 'number' && typeof wanted === 'number' && actual >= wanted
    case 'lte':
      return typeof actual === 'number' && typeof wanted === 'number' && actual <= wanted
    case 'includes':
      return Array.isArray(actual) && typeof wanted === 'string' && actual.includes(wanted)
  }
}

export function missingFact(fact: FactKey) {
  const spec = factSpec(fact)
  return { fact, label: spec.label, evidence: spec.evidence ?? null }
}

function evaluateLeaf(leaf: Leaf, facts: FactSet, year: number, names?: Names): ConditionResult {
  const want = expected(leaf, year, names)
  const found = facts[leaf.fact]
  const name = factSpec(leaf.fact).label
  if (!found) {
    const declarable = factSpec(leaf.fact).declarable
    return {
      label: leaf.label,
      outcome: 'unknown',
      detail: `？${leaf.label}：平台暂无“${name}”数据${declarable ? `，须申报并提供${factSpec(leaf.fact).evidence ?? '证明材料'}` : ''}（${want.text}）`,
      missing: [missingFact(leaf.fact)],
    }
  }
  const ok = holds(leaf.op, found.value, want.value)
  return {
    label: leaf.label,
    outcome: ok ? 'pass' : 'fail',
    detail: `${ok ? '✓' : '✗'}${leaf.label}：${name}为${describeValue(leaf.fact, found.value, names)}（${found.source}）${ok ? '' : `，${want.text}`}`,
    missing: [],
  }
}

export function evaluateCondition(condition: Condition, facts: FactSet, year: number, names?: Names): ConditionResult {
  if (!('any' in condition)) return evaluateLeaf(condition, facts, year, names)
  const parts = condition.any.map((leaf) => evaluateLeaf(leaf, facts, year, names))
  const outcome: Outcome = parts.some((p) => p.outcome === 'pass')
    ? 'pass'
    : parts.some((p) => p.outcome === 'unknown')
      ? 'unknown'
      : 'fail'
  const mark = { pass: '✓', fail: '✗', unknown: '？' }[outcome]
  return {
    label: condition.label,
    outcome,
    detail: `${mark}${condition.label}（满足其一）：${parts.map((p) => p.detail.slice(1)).join('；')}`,
    missing: outcome === 'unknown' ? parts.flatMap((p) => p.missing) : [],
  }
}

/** The conditions every policy has by its subject and area, then its own. */
export function allConditions(d: PolicyDefinition): Condition[] {
  const kindFact: FactKey = d.subject.type === 'carrier' ? 'carrier.kind' : 'organization.kind'
  const areaFact: FactKey = d.subject.type === 'carrier' ? 'carrier.jurisdiction' : 'organization.jurisdiction'
  const kinds: string[] = [...d.subject.kinds]
  return [
    { fact: kindFact, op: 'in', value: kinds, label: '主体类型符合' },
    { fact: areaFact, op: 'eq', value: d.jurisdiction, label: '属于政策适用地区' },
    ...d.conditions,
  ]
}

/** Evaluates every condition; the area condition means "within", so it is checked here and not by equality. */
export function evaluateConditions(
  d: PolicyDefinition,
  facts: FactSet,
  year: number,
  areaName: string,
  names?: Names,
): ConditionResult[] {
  return allConditions(d).map((c, i) => {
    if (i !== 1 || 'any' in c) return evaluateCondition(c, facts, year, names)
    const found = facts[c.fact]
    if (!found) return evaluateCondition(c, facts, year, names)
    const ok = typeof found.value === 'string' && isWithin(found.value, d.jurisdiction)
    return {
      label: c.label,
      outcome: ok ? 'pass' : 'fail',
      detail: `${ok ? '✓' : '✗'}${c.label}：${factSpec(c.fact).label}为${describeValue(c.fact, found.value, names)}（${found.source}），${ok ? '在' : '不在'}${areaName}范围内`,
      missing: [],
    }
  })
}
