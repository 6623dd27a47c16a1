import { demandStatusLabels as LABEL } from './labels'
import type { DemandStatus } from './schema'

export type Transition = { allowed: true; needsReason: boolean } | { allowed: false; because: string }

/**
 * 需求状态流转: open → matched → closed, open → closed; a closed demand may be reopened only with a reason
 * (the enterprise's need came back, or the match fell through), so the registry keeps an honest history.
 */
export function demandTransition(from: DemandStatus, to: DemandStatus): Transition {
  if (from === to) return { allowed: false, because: `需求已是“${LABEL[to]}”状态` }
  if (from === 'open') return { allowed: true, needsReason: false }
  if (from === 'matched' && to === 'closed') return { allowed: true, needsReason: false }
  if (from === 'closed' && to === 'open') return { allowed: true, needsReason: true }
  return { allowed: false, because: `需求不能从“${LABEL[from]}”改为“${LABEL[to]}”` }
}

/** The statuses a demand can move to next, for the detail page's buttons. */
export function nextDemandStatuses(from: DemandStatus): DemandStatus[] {
  return (['open', 'matched', 'closed'] as const).filter((to) => demandTransition(from, to).allowed)
}
