import type { ProjectStatus } from '@server/modules/projects/schema'
import { Tag } from 'antd'
import { statusColors, statusLabels } from './labels'

export function ProjectStatusTag({ status, label }: { status: ProjectStatus; label?: string }) {
  return (
    <Tag color={statusColors[status]} bordered={false} data-testid="project-status">
      {label ?? statusLabels[status]}
    </Tag>
  )
}
