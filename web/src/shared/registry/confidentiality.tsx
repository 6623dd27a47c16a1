import { GlobalOutlined, LockOutlined, TeamOutlined } from '@ant-design/icons'
import { Tag } from 'antd'

export type Confidentiality = 'public' | 'internal' | 'secret'

export const confidentialityOptions: { value: Confidentiality; label: string; hint: string }[] = [
  { value: 'public', label: '公开', hint: '在公共门户展示，无需登录即可查看' },
  { value: 'internal', label: '内部', hint: '仅平台内已登录的业务用户可见' },
  { value: 'secret', label: '保密', hint: '仅本单位、指派的评审专家和市级主管部门可见' },
]

const looks: Record<Confidentiality, { color: string; icon: React.ReactNode }> = {
  public: { color: 'green', icon: <GlobalOutlined /> },
  internal: { color: 'blue', icon: <TeamOutlined /> },
  secret: { color: 'red', icon: <LockOutlined /> },
}

export function ConfidentialityTag({ level, label }: { level: Confidentiality; label: string }) {
  return (
    <Tag color={looks[level].color} icon={looks[level].icon} bordered={false} data-testid="confidentiality">
      {label}
    </Tag>
  )
}

/** CSL paper metadata shown as achievements carry this label on every list and page (not a real offer). */
export function SourceTag({ label }: { label: string | null | undefined }) {
  if (!label) return null
  return (
    <Tag color="purple" bordered={false} data-testid="source-label">
      {label}
    </Tag>
  )
}
