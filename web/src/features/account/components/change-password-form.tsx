import { Alert, App, Button, Form, Input } from 'antd'
import { useNavigate } from 'react-router-dom'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, isApiError } from '../../../shared/http'
import { PasswordPolicyHint } from '../../../shared/password-policy-hint'
import { useSessionClient } from '../../../shared/session'
import { useChangePassword } from '../api/change-password'

type Values = { currentPassword: string; newPassword: string; confirm: string }

export function ChangePasswordForm({ username }: { username: string }) {
  const [form] = Form.useForm<Values>()
  const password = Form.useWatch('newPassword', form) ?? ''
  const change = useChangePassword()
  const session = useSessionClient()
  const navigate = useNavigate()
  const { modal } = App.useApp()

  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          modal.success({
            title: '密码已修改',
            content: '为保障安全，您在所有设备上的登录均已退出，请使用新密码重新登录。',
            okText: '重新登录',
            onOk: () => {
              session.clear()
              navigate('/sign-in', { replace: true })
            },
          })
        },
        onError: (error) => showFieldErrors(form, error, ['currentPassword', 'newPassword']),
      },
    )

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 480 }} requiredMark={false}>
      {change.isError && !(isApiError(change.error) && change.error.fields.length > 0) ? (
        <Alert type="error" showIcon message={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" maxLength={128} placeholder="请输入当前密码" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" maxLength={128} placeholder="请输入新密码" />
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
        <Input.Password autoComplete="new-password" maxLength={128} placeholder="请再次输入新密码" />
      </Form.Item>
      <Form.Item>
        <PasswordPolicyHint password={password} username={username} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  )
}
