export { findingStatusLabels, handoffStatusLabels, severityLabels } from '@server/modules/handoffs/labels'

export const handoffStatusColors: Record<string, string> = {
  offered: 'gold',
  accepted: 'processing',
  declined: 'default',
  withdrawn: 'default',
  completed: 'success',
}
export const findingStatusColors: Record<string, string> = { open: 'error', reopened: 'warning', resolved: 'success' }
export const severityColors: Record<string, string> = {
  info: 'default',
  minor: 'blue',
  major: 'orange',
  critical: 'red',
}
