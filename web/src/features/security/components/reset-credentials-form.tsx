import { ModalForm, ProFormCheckbox } from '@ant-design/pro-components'
import { Alert, App } from 'antd'
import type { ReactElement } from 'react'
import type { User } from '../../../shared/contracts'
import { errorMessage } from '../../../shared/http'
import { OneTimePassword } from '../../../shared/one-time-password'
import { useResetCredentials } from '../api/reset-credentials'

type Values = { what: ('password' | 'totp')[] }

export function ResetCredentialsForm({
  user,
  trigger,
  onDone,
}: {
  user: User
  trigger: ReactElement
  onDone: () => void
}) {
  const { message, modal } = App.useApp()
  const reset = useResetCredentials()
  const submit = async ({ what }: Values) => {
    try {
      const result = await reset.mutateAsync({
        id: user.id,
        password: what.includes('password'),
        totp: what.includes('totp'),
      })
      if (result.initialPassword) {
        modal.success({
          title: '凭据已重置',
          width: 480,
          content: <OneTimePassword username={user.username} password={result.initialPassword} />,
          okText: '我已妥善记录',
        })
      } else {
        message.success(`已重置 ${user.username} 的动态口令，下次登录时需重新绑定`)
      }
      onDone()
      return true
    } catch (error) {
      message.error(errorMessage(error))
      return false
    }
  }
  return (
    <ModalForm<Values>
      clearOnDestroy
      name="resetCredentials"
      title={`重置凭据：${user.displayName}（${user.username}）`}
      trigger={trigger}
      width={480}
      initialValues={{ what: ['password'] }}
      modalProps={{ destroyOnHidden: true, okText: '确认重置', cancelText: '取消', okButtonProps: { danger: true } }}
      onFinish={submit}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="重置后该账号的所有登录会话立即结束"
        description="请先核实申请人身份。重置密码会生成一次性初始密码，对方首次登录须修改；重置动态口令后对方须重新绑定身份验证器。"
      />
      <ProFormCheckbox.Group
        name="what"
        label="重置内容"
        layout="vertical"
        options={[
          { value: 'password', label: '重置登录密码（生成一次性初始密码）' },
          { value: 'totp', label: '重置动态口令（更换或遗失手机时）' },
        ]}
        rules={[{ required: true, message: '请至少选择重置密码或重置动态口令之一' }]}
      />
    </ModalForm>
  )
}
