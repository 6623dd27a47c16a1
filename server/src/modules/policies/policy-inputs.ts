import type { PolicyDefinition } from './definition'
import { type FactKey, type FactType, factSpec } from './facts'

export type PolicyInput = {
  fact: FactKey
  label: string
  type: FactType
  /** May an applicant declare it with evidence; otherwise only the platform's data (or a what-if) counts. */
  declarable: boolean
  /** Claimed item by item (invoice, contract number) in an application. */
  itemized: boolean
  evidence: string | null
  options: { value: string; label: string }[] | null
}

/**
 * The facts a policy reads, in the order a person fills them in: who (subject kind and area), its conditions,
 * then what the amount is computed from. The calculator asks for these; an application declares the declarable ones.
 */
export function policyInputs(d: PolicyDefinition): PolicyInput[] {
  const carrier = d.subject.type === 'carrier'
  const facts: FactKey[] = [
    carrier ? 'carrier.kind' : 'organization.kind',
    carrier ? 'carrier.jurisdiction' : 'organization.jurisdiction',
    ...d.conditions.flatMap((c) => ('any' in c ? c.any.map((l) => l.fact) : [c.fact])),
    ...(d.formula?.schedule?.anchor === 'establishedYear' ? (['organization.establishedYear'] as const) : []),
    ...(d.formula?.stages ?? []).flatMap((s) =>
      s.compute.kind === 'rate' ? [s.compute.base] : s.compute.kind === 'sum' ? s.compute.terms.map((t) => t.fact) : [],
    ),
  ]
  return [...new Set(facts)].map((fact) => {
    const spec = factSpec(fact)
    const values: Record<string, string> | undefined = spec.values
    const kinds: readonly string[] = d.subject.kinds
    const isKind = fact === 'carrier.kind' || fact === 'organization.kind'
    return {
      fact,
      label: spec.label,
      type: spec.type,
      declarable: spec.declarable,
      itemized: spec.itemized ?? false,
      evidence: spec.evidence ?? null,
      options: values
        ? Object.entries(values)
            .filter(([value]) => !isKind || kinds.includes(value))
            .map(([value, label]) => ({ value, label }))
        : null,
    }
  })
}
