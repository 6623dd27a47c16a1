import { AppError } from '../../platform/errors/errors'
import type { PolicyDefinition } from './definition'
import { checkFactValue, type FactOrigin, type FactSet, type FactValue, factSpec, isFactKey } from './facts'
import type { EvidenceFile, PolicyCostItem } from './schema'

type Problem = { path: string; message: string }

export function invalid(problems: Problem[]): AppError {
  return new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), { fields: problems })
}

/**
 * Values an applicant declares (origin declared: only declarable facts, costs item by item) or a calculator user
 * assumes (origin whatIf: any fact). Each is checked against the fact's type; problems come back in Chinese.
 */
export function factsFromInput(
  values: Record<string, unknown>,
  costItems: readonly PolicyCostItem[],
  origin: Exclude<FactOrigin, 'platform'>,
): FactSet {
  const problems: Problem[] = []
  const out: FactSet = {}
  const source = origin === 'declared' ? '申报材料' : '测算假设'
  for (const [key, value] of Object.entries(values)) {
    const path = `${origin === 'declared' ? 'declared' : 'facts'}.${key}`
    if (!isFactKey(key)) {
      problems.push({ path, message: `“${key}”不是平台认识的事实项` })
      continue
    }
    const spec = factSpec(key)
    if (origin === 'declared' && !spec.declarable)
      problems.push({ path, message: `“${spec.label}”以平台数据为准，不能自行申报` })
    else if (origin === 'declared' && spec.itemized)
      problems.push({ path, message: `“${spec.label}”请按费用项逐项填报` })
    else {
      const problem = checkFactValue(key, value)
      if (problem) problems.push({ path, message: problem })
      else out[key] = { value: value as FactValue, origin, source }
    }
  }
  const sums = new Map<string, number>()
  costItems.forEach((item, i) => {
    if (!isFactKey(item.fact) || !factSpec(item.fact).itemized)
      problems.push({ path: `costItems.${i}.fact`, message: `“${item.fact}”不是可逐项申报的费用` })
    else sums.set(item.fact, (sums.get(item.fact) ?? 0) + item.amountFen)
  })
  for (const [key, fen] of sums)
    if (isFactKey(key))
      out[key] = {
        value: fen,
        origin,
        source: `${source}（费用明细 ${costItems.filter((c) => c.fact === key).length} 项）`,
      }
  if (problems.length) throw invalid(problems)
  return out
}

/** Platform data wins over a declaration (申报以平台数据为准); a what-if assumption wins over both. */
export function mergeFacts(platform: FactSet, given: FactSet): FactSet {
  const out: FactSet = { ...platform }
  for (const [key, fact] of Object.entries(given) as [keyof FactSet, NonNullable<FactSet[keyof FactSet]>][]) {
    if (fact.origin === 'whatIf' || !out[key]) out[key] = fact
  }
  return out
}

/** Every piece of evidence the policy asks for, and nothing it does not know. */
export function checkEvidence(d: PolicyDefinition, evidence: readonly EvidenceFile[]): void {
  const known = new Map(d.evidence.map((e) => [e.key, e.label]))
  const problems: Problem[] = []
  evidence.forEach((e, i) => {
    if (!known.has(e.key)) problems.push({ path: `evidence.${i}.key`, message: `本政策不需要材料“${e.key}”` })
  })
  const given = new Set(evidence.map((e) => e.key))
  for (const [key, label] of known)
    if (!given.has(key)) problems.push({ path: 'evidence', message: `请提供材料：${label}` })
  if (problems.length) throw invalid(problems)
}
