import { SafetyCertificateTwoTone } from '@ant-design/icons'
import { Alert, App, Button, Popconfirm, Result, Space, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import type { SessionUser } from '../../../shared/session'
import { TotpCodeInput } from '../../../shared/totp-code-input'
import { TotpEnrollmentPanel } from '../../../shared/totp-enrollment'
import { useConfirmTotp } from '../api/confirm-totp'
import { useDisableTotp } from '../api/disable-totp'
import { useEnrollTotp } from '../api/enroll-totp'

function CodeEntry({
  label,
  action,
  pending,
  onSubmit,
}: {
  label: string
  action: string
  pending: boolean
  onSubmit: (code: string) => void
}) {
  const [code, setCode] = useState('')
  return (
    <Space direction="vertical" size={8}>
      <Typography.Text strong>{label}</Typography.Text>
      <TotpCodeInput onChange={setCode} disabled={pending} />
      <Button type="primary" loading={pending} disabled={code.length !== 6} onClick={() => onSubmit(code)}>
        {action}
      </Button>
    </Space>
  )
}

function Enroll() {
  const { message } = App.useApp()
  const enroll = useEnrollTotp()
  const confirm = useConfirmTotp()
  const [attempt, setAttempt] = useState(0)
  if (!enroll.data) {
    return (
      <Space direction="vertical" size={12}>
        {enroll.isError ? <Alert type="error" showIcon message={errorMessage(enroll.error)} /> : null}
        <Button type="primary" loading={enroll.isPending} onClick={() => enroll.mutate()}>
          开始绑定身份验证器
        </Button>
      </Space>
    )
  }
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex', maxWidth: 560 }}>
      <TotpEnrollmentPanel {...enroll.data} />
      {confirm.isError ? <Alert type="error" showIcon message={errorMessage(confirm.error)} /> : null}
      <CodeEntry
        key={attempt}
        label="输入验证器显示的 6 位数字完成绑定"
        action="完成绑定"
        pending={confirm.isPending}
        onSubmit={(code) =>
          confirm.mutate(code, {
            onSuccess: () => message.success('两步验证已启用'),
            onError: () => setAttempt((n) => n + 1),
          })
        }
      />
    </Space>
  )
}

function Disable() {
  const { message } = App.useApp()
  const disable = useDisableTotp()
  const [open, setOpen] = useState(false)
  const [attempt, setAttempt] = useState(0)
  if (!open) {
    return (
      <Popconfirm
        title="关闭两步验证？"
        description="关闭后仅凭密码即可登录，账号安全性会降低。"
        okText="继续"
        cancelText="取消"
        onConfirm={() => setOpen(true)}
      >
        <Button danger>关闭两步验证</Button>
      </Popconfirm>
    )
  }
  return (
    <Space direction="vertical" size={12}>
      {disable.isError ? <Alert type="error" showIcon message={errorMessage(disable.error)} /> : null}
      <CodeEntry
        key={attempt}
        label="输入当前动态口令以确认关闭"
        action="确认关闭"
        pending={disable.isPending}
        onSubmit={(code) =>
          disable.mutate(code, {
            onSuccess: () => message.success('两步验证已关闭'),
            onError: () => setAttempt((n) => n + 1),
          })
        }
      />
    </Space>
  )
}

export function TotpSettings({ user }: { user: SessionUser }) {
  if (!user.totpEnrolled) {
    return (
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="totp-settings">
        <Alert
          type={user.totpRequired ? 'warning' : 'info'}
          showIcon
          message={user.totpRequired ? '您的角色须启用两步验证' : '建议启用两步验证'}
          description="启用后，登录时除密码外还需输入手机身份验证器上的 6 位动态口令，即使密码泄露，他人也无法登录。"
        />
        <Enroll />
      </Space>
    )
  }
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="totp-settings">
      <Result
        icon={<SafetyCertificateTwoTone twoToneColor="#52c41a" />}
        title="两步验证已启用"
        subTitle={
          user.totpRequired
            ? '您的角色必须使用两步验证，不能自行关闭。更换手机时，请联系安全管理员重置动态口令。'
            : '登录时需输入身份验证器上的动态口令。'
        }
        style={{ padding: '16px 0' }}
        extra={user.totpRequired ? null : <Disable />}
      />
    </Space>
  )
}
