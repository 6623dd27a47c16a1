import { Tag } from 'antd'
import type { ScenarioStatus } from '../api/types'

export function ScenarioStatusTag({ status, label }: { status: ScenarioStatus; label: string }) {
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'} data-testid="status">
      {label}
    </Tag>
  )
}
