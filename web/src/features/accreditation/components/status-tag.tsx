import { Tag } from 'antd'
import type { Application } from '../api/types'
import { statusColors } from './labels'

export function ApplicationStatusTag({ app }: { app: Pick<Application, 'status' | 'statusLabel'> }) {
  return (
    <Tag color={statusColors[app.status]} data-testid="application-status">
      {app.statusLabel}
    </Tag>
  )
}
