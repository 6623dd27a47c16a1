import { Alert, Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { TotpCodeInput } from '../../../shared/totp-code-input'
import { TotpEnrollmentPanel } from '../../../shared/totp-enrollment'
import type { Challenge } from '../api/types'

/** Verify (or, on first use, enroll) the second factor: a 6-digit code from an authenticator app. */
export function TotpStep({
  challenge,
  onSubmit,
  pending,
  error,
}: {
  challenge: Challenge
  onSubmit: (code: string) => void
  pending: boolean
  error: unknown
}) {
  const [code, setCode] = useState('')
  const enrolling = challenge.step === 'enrollTotp'
  const submit = (value: string) => {
    if (/^\d{6}$/.test(value)) onSubmit(value)
  }
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }}>
      {enrolling ? (
        <>
          <Alert
            type="info"
            showIcon
            message="您的角色须启用两步验证"
            description="绑定后，每次登录除密码外还需输入手机身份验证器上的 6 位动态口令。"
          />
          {challenge.enrollment ? <TotpEnrollmentPanel {...challenge.enrollment} /> : null}
        </>
      ) : (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          请打开手机上的身份验证器，输入“首公里”账号当前显示的 6 位动态口令。
        </Typography.Paragraph>
      )}
      {error ? <Alert type="error" showIcon message={errorMessage(error)} data-testid="sign-in-error" /> : null}
      <div>
        <Typography.Text strong>{enrolling ? '输入验证器显示的 6 位数字完成绑定' : '动态口令'}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <TotpCodeInput onChange={setCode} onComplete={submit} disabled={pending} />
        </div>
      </div>
      <Button
        type="primary"
        size="large"
        block
        loading={pending}
        disabled={code.length !== 6}
        onClick={() => submit(code)}
      >
        {enrolling ? '完成绑定并登录' : '验 证'}
      </Button>
    </Space>
  )
}
