import { Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { User } from './contracts'

/** Name over account; on phones (`compact`) also the role, organization and state tags. */
export function UserSummary({ user, compact, extra }: { user: User; compact: boolean; extra?: React.ReactNode }) {
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <Typography.Text type="secondary" className="fm-mono" style={{ fontSize: 12 }}>
        {user.username}
      </Typography.Text>
      {compact ? (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.roleLabel} · {user.orgName}
          </Typography.Text>
          <Space size={4} wrap>
            <UserStateTags user={user} />
            {extra}
          </Space>
        </>
      ) : null}
    </Space>
  )
}

export function UserStateTags({ user }: { user: User }) {
  return (
    <>
      {user.status === 'active' ? <Tag color="success">正常</Tag> : <Tag>已停用</Tag>}
      {user.locked ? <Tag color="error">已锁定</Tag> : null}
      {user.mustChangePassword ? <Tag color="warning">待改密</Tag> : null}
    </>
  )
}

export function LockState({ user }: { user: User }) {
  if (user.locked) {
    return (
      <Space direction="vertical" size={0}>
        <Tag color="error">已锁定</Tag>
        {user.lockedUntil ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            至 {dayjs(user.lockedUntil).format('MM-DD HH:mm')}
          </Typography.Text>
        ) : null}
      </Space>
    )
  }
  if (user.failedAttempts > 0) return <Tag color="warning">连续失败 {user.failedAttempts} 次</Tag>
  return <Tag color="success">未锁定</Tag>
}
