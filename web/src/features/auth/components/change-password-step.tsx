import { Alert, Button, Form, Input } from 'antd'
import { errorMessage } from '../../../shared/http'
import { PasswordPolicyHint } from '../../../shared/password-policy-hint'
import type { Challenge } from '../api/types'

type Values = { newPassword: string; confirm: string }

export function ChangePasswordStep({
  challenge,
  username,
  onSubmit,
  pending,
  error,
}: {
  challenge: Challenge
  username: string
  onSubmit: (newPassword: string) => void
  pending: boolean
  error: unknown
}) {
  const [form] = Form.useForm<Values>()
  const password = Form.useWatch('newPassword', form) ?? ''
  const intro =
    challenge.reason === 'expired'
      ? '您的密码已超过有效期，请设置新密码后继续。'
      : '首次登录需修改初始密码。初始密码仅用于首次登录，请设置只有您知道的新密码。'
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => onSubmit(values.newPassword)}
    >
      <Alert type="info" showIcon message={intro} style={{ marginBottom: 16 }} />
      {error ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(error)}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-error"
        />
      ) : null}
      <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" placeholder="请输入新密码" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" maxLength={128} />
      </Form.Item>
      <PasswordPolicyHint policy={challenge.passwordPolicy} password={password} username={username} />
      <Button type="primary" htmlType="submit" block loading={pending} style={{ marginTop: 20 }}>
        设置新密码并继续
      </Button>
    </Form>
  )
}
