import { scenarioStatusLabels } from './labels'
import type { ScenarioStatus } from './schema'

export type Transition = { allowed: true; needsReason: boolean } | { allowed: false; because: string }

/**
 * 场景征集: open → closed when applications end (or the publisher withdraws it); reopening a closed
 * scenario needs a reason, so applicants and the registry's history can see why it came back.
 */
export function scenarioTransition(from: ScenarioStatus, to: ScenarioStatus): Transition {
  if (from === to) return { allowed: false, because: `场景已是“${scenarioStatusLabels[to]}”状态` }
  return { allowed: true, needsReason: from === 'closed' }
}

export function nextScenarioStatuses(from: ScenarioStatus): ScenarioStatus[] {
  return (['open', 'closed'] as const).filter((to) => scenarioTransition(from, to).allowed)
}
