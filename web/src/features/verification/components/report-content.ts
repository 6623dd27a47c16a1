/** The frozen content of an issued report (server verification/reports.ts, format firstmile/verification-report@1). */
export type ReportContent = {
  title?: string
  issuedOn?: string
  signedBy?: { name?: string; role?: string }
  supersedes?: string | null
  project?: { title?: string; applicant?: string; area?: string; channel?: string; industries?: string[] }
  center?: { name?: string }
  stages?: {
    stage?: string
    label?: string
    status?: string
    skipReason?: string | null
    budgetFen?: number
    spentFen?: number
    milestones?: { title?: string; dueDate?: string; doneDate?: string | null }[]
    deliverables?: { title?: string; fileName?: string; sizeBytes?: number; sha256?: string; sm3?: string }[]
    delegations?: {
      provider?: string
      instrument?: string | null
      work?: string
      costFen?: number
      performedOn?: string
    }[]
    gates?: {
      round?: number
      decision?: string
      reasons?: string
      director?: string
      decidedOn?: string
      conditions?: { text?: string; dueDate?: string | null; resolvedOn?: string | null }[]
    }[]
  }[]
  conclusion?: string
  openConditions?: { stage?: string; text?: string; dueDate?: string | null }[]
}
