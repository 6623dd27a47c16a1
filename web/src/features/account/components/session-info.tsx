import { Descriptions } from 'antd'
import { formatDateTime } from '../../../shared/format'
import type { Session } from '../../../shared/session'

export function SessionInfo({ session }: { session: Session }) {
  return (
    <Descriptions column={1} bordered size="middle" data-testid="session-info">
      <Descriptions.Item label="本次登录有效至">{formatDateTime(session.expiresAt)}</Descriptions.Item>
      <Descriptions.Item label="空闲超时">
        {Math.round((session.idleTimeoutSeconds ?? 0) / 60)} 分钟无操作后自动退出，需重新登录
      </Descriptions.Item>
      <Descriptions.Item label="单次登录最长">12 小时</Descriptions.Item>
      <Descriptions.Item label="安全提示">在公共电脑上使用后，请务必点击右上角头像选择“退出登录”。</Descriptions.Item>
    </Descriptions>
  )
}
