import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons'
import { Card, Descriptions } from 'antd'
import { Link } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import type { Session } from '../../../shared/session'

export function AccountStatus({ session }: { session: Session }) {
  const user = session.user
  if (!user) return null
  const totp = user.totpEnrolled ? (
    <span>
      <CheckCircleTwoTone twoToneColor="#52c41a" /> 已启用
    </span>
  ) : (
    <span>
      <ExclamationCircleTwoTone twoToneColor="#faad14" /> 未启用 <Link to="/account?tab=totp">去设置</Link>
    </span>
  )
  return (
    <Card title="账号安全" size="small" extra={<Link to="/account">账号设置</Link>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="登录账号">{user.username}</Descriptions.Item>
        <Descriptions.Item label="两步验证">{totp}</Descriptions.Item>
        <Descriptions.Item label="空闲超时">
          {Math.round((session.idleTimeoutSeconds ?? 0) / 60)} 分钟无操作自动退出
        </Descriptions.Item>
        <Descriptions.Item label="本次登录有效至">{formatDateTime(session.expiresAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}
