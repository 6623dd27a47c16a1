import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input } from 'antd'
import { errorMessage } from '../../../shared/http'

export type Credentials = { username: string; password: string }

export function CredentialsForm({
  onSubmit,
  pending,
  error,
}: {
  onSubmit: (values: Credentials) => void
  pending: boolean
  error: unknown
}) {
  return (
    <Form<Credentials> layout="vertical" size="large" onFinish={onSubmit} requiredMark={false} autoComplete="on">
      {error ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(error)}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-error"
        />
      ) : null}
      <Form.Item name="username" label="账号" rules={[{ required: true, whitespace: true, message: '请输入账号' }]}>
        <Input prefix={<UserOutlined />} placeholder="请输入账号" autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined />}
          placeholder="请输入密码"
          autoComplete="current-password"
          maxLength={128}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} style={{ marginTop: 8 }}>
        登 录
      </Button>
    </Form>
  )
}
