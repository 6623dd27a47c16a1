/** Reviewer assignment for evaluation rounds: the optimal solver and the conflict rules that feed it. */
export { assignReviewers } from './assign-reviewers'
export {
  type ConflictRules,
  DEFAULT_CONFLICT_RULES,
  type ExpertProfile,
  findConflicts,
  type ProjectProfile,
} from './conflicts'
export * from './types'
