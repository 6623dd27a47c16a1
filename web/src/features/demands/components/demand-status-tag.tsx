import { Tag } from 'antd'
import type { DemandStatus } from '../api/types'

const colors: Record<DemandStatus, string> = { open: 'processing', matched: 'success', closed: 'default' }

export function DemandStatusTag({ status, label }: { status: DemandStatus; label: string }) {
  return (
    <Tag color={colors[status]} data-testid="status">
      {label}
    </Tag>
  )
}
