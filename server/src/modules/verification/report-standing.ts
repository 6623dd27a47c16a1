import { todayInShanghai } from '../../platform/calendar/workdays'
import type { VerificationStatus } from './schema'

export type ReportStanding = { current: boolean; reopenedOn: string | null }

/**
 * A report stands for its project until a later report replaces it or a stage is reopened after it was issued
 * (seed 004 三(六) 反向反馈至验证环节): from the reopening on the verification is under way again, and only a new
 * report — which supersedes this one — certifies it. Issuing moves the verification to 'reported'; any reopening
 * moves it away, so the status says whether the latest report still stands.
 */
export function reportStanding(
  report: { issuedAt: Date; supersededBy: string | null },
  verificationStatus: VerificationStatus,
  reopenings: readonly { reopenedAt: Date }[],
): ReportStanding {
  const after = reopenings
    .filter((r) => r.reopenedAt > report.issuedAt)
    .sort((a, b) => a.reopenedAt.getTime() - b.reopenedAt.getTime())[0]
  return {
    current: report.supersededBy === null && verificationStatus === 'reported',
    reopenedOn: after ? todayInShanghai(after.reopenedAt) : null,
  }
}
