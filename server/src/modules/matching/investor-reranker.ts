import { FEATURE_NAMES, type FeatureName, type FeatureVector, trainReranker } from '../../platform/search'
import { INVESTOR_FIT_WEIGHTS, type InvestorFit } from './investor-fit'

export type InvestorPart = keyof InvestorFit['parts']

/** A linear model over investor fit's four parts; before any feedback, the fit's own weights. */
export type InvestorReranker = { version: string; weights: Partial<Record<InvestorPart, number>> }

export const INVESTOR_PRIOR: InvestorReranker = { version: 'investor-fit', weights: { ...INVESTOR_FIT_WEIGHTS } }

const PARTS = Object.keys(INVESTOR_FIT_WEIGHTS) as InvestorPart[]

/**
 * The search re-ranker's trainer (pairwise, pulled towards a prior) works on named feature slots; investor fit's
 * parts borrow four of them for training and are named back in the model it returns.
 */
const SLOTS: Record<InvestorPart, FeatureName> = {
  stageFit: 'trlFit',
  fieldFit: 'attributeMatch',
  ticketFit: 'coverage',
  areaFit: 'nearness',
}

const toSlots = (parts: Partial<Record<string, number>>): FeatureVector => {
  const vector = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as Record<FeatureName, number>
  for (const part of PARTS) vector[SLOTS[part]] = parts[part] ?? 0
  return vector
}

/** Trains the investor re-ranker from judged matches (grades as for every other target type). */
export function trainInvestorReranker(
  examples: readonly { group: string; parts: Record<string, number>; grade: number }[],
): InvestorReranker {
  const model = trainReranker(
    examples.map((e) => ({ group: e.group, features: toSlots(e.parts), grade: e.grade })),
    {
      prior: {
        version: INVESTOR_PRIOR.version,
        weights: Object.fromEntries(PARTS.map((p) => [SLOTS[p], INVESTOR_PRIOR.weights[p] ?? 0])),
      },
    },
  )
  return { version: model.version, weights: Object.fromEntries(PARTS.map((p) => [p, model.weights[SLOTS[p]] ?? 0])) }
}

let current: InvestorReranker = INVESTOR_PRIOR

/** The investor re-ranker in use in this process (set when trained here or loaded from the database). */
export function investorReranker(): InvestorReranker {
  return current
}

export function setInvestorReranker(model: InvestorReranker): void {
  current = model
}

export function investorScore(model: InvestorReranker, parts: InvestorFit['parts']): number {
  return Math.round(PARTS.reduce((s, p) => s + (model.weights[p] ?? 0) * parts[p], 0) * 1000) / 1000
}
