import type { ProjectStatus } from '../projects/schema'
import { severityLabels } from './labels'
import type { FindingSeverity, FindingStatus } from './schema'

export type CompletionFacts = {
  projectStatus: ProjectStatus
  milestones: readonly { title: string; doneDate: string | null }[]
  findings: readonly { description: string; severity: FindingSeverity; status: FindingStatus }[]
}

const brief = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text)

/**
 * Why a pilot cannot be completed yet (none: it can). 反向反馈至验证环节 (seed 004 三(六)) is a loop: while a
 * finding has sent the project back to verification, or a 严重 finding is unanswered, the pilot's conclusion
 * would rest on a verification no longer standing; and a pilot is complete when its planned 中试节点 are done.
 */
export function completionBlockers(facts: CompletionFacts): string[] {
  const blockers: string[] = []
  if (facts.projectStatus === 'verifying')
    blockers.push('项目已重新开启验证，须待验证中心复核通过并重新出具报告后才能完成中试')
  else if (facts.projectStatus === 'terminated') blockers.push('项目验证已终止，不能完成中试')
  const unresolved = facts.findings.filter(
    (f) => f.status !== 'resolved' && (f.severity === 'critical' || f.status === 'reopened'),
  )
  if (unresolved.length)
    blockers.push(
      `中试反馈尚未解决：${unresolved.map((f) => `${brief(f.description)}（${severityLabels[f.severity]}）`).join('、')}`,
    )
  const open = facts.milestones.filter((m) => m.doneDate === null)
  if (open.length) blockers.push(`中试节点尚未完成：${open.map((m) => m.title).join('、')}`)
  return blockers
}
