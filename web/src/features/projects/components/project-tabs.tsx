import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { ProjectMatchPanel } from '../../matching/components/project-match-panel'
import type { ProjectDetail } from '../api/types'
import { EvaluationFeedbackPanel } from './evaluation-feedback-panel'
import { ProjectOverview } from './project-overview'
import { ProjectTimeline } from './project-timeline'

export type ProjectTabContext = {
  project: ProjectDetail
  /** The caller's organization applied for the project. */
  isApplicant: boolean
}

export type ProjectTab = {
  key: string
  label: string
  /** Left out when false (e.g. 评审意见 only for the applicant and the center in charge). */
  visible?: (context: ProjectTabContext) => boolean
  render: (context: ProjectTabContext) => ReactNode
}

/**
 * The tabs of a project's page. Other features add theirs here with one entry (the app composes; e.g. 验证进展
 * from the verification feature), in the order shown.
 */
export const projectTabs: ProjectTab[] = [
  { key: 'overview', label: '项目概况', render: ({ project }) => <ProjectOverview project={project} /> },
  { key: 'timeline', label: '进展记录', render: ({ project }) => <ProjectTimeline project={project} /> },
  {
    key: 'feedback',
    label: '评审意见',
    visible: ({ project, isApplicant }) => isApplicant || project.canManage,
    render: ({ project }) => <EvaluationFeedbackPanel projectId={project.id} />,
  },
  {
    key: 'verification',
    label: '验证进展',
    visible: ({ project }) =>
      ['admitted', 'verifying', 'verified', 'handedOff', 'landed', 'terminated'].includes(project.status),
    render: ({ project }) => (
      <Link to={`/projects/${project.id}/verification`}>打开验证工作台：阶段验证、验证报告、中试对接与转化落地</Link>
    ),
  },
  {
    key: 'matches',
    label: '匹配推荐',
    render: ({ project }) => <ProjectMatchPanel projectId={project.id} managesProject={project.canManage} />,
  },
]
