import { ModalForm, type ProFormInstance, ProFormSelect, ProFormText } from '@ant-design/pro-components'
import { App, Grid } from 'antd'
import { type ReactElement, useRef } from 'react'
import type { User } from '../../../shared/contracts'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, isApiError } from '../../../shared/http'
import { type Role, roleLabels, roles } from '../../../shared/server-rules'
import { useCreateUser } from '../api/create-user'
import { searchOrganizations } from '../api/search-organizations'
import { useUpdateUser } from '../api/update-user'

type Values = { username: string; displayName: string; role: Role; orgId: string; email?: string; phone?: string }

const fields = ['username', 'displayName', 'role', 'orgId', 'email', 'phone']
const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }))
const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

/** Create (no `user`) or edit an account. A new account's initial password goes to `onCreated`, once. */
export function UserForm({
  user,
  trigger,
  onSaved,
  onCreated,
}: {
  user?: User
  trigger: ReactElement
  onSaved: () => void
  onCreated?: (username: string, initialPassword: string) => void
}) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const create = useCreateUser()
  const update = useUpdateUser()

  const submit = async (values: Values) => {
    const common = {
      displayName: values.displayName,
      role: values.role,
      orgId: values.orgId,
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
    }
    try {
      if (user) {
        await update.mutateAsync({ id: user.id, ...common, version: user.version })
        message.success('账号信息已保存')
      } else {
        const created = await create.mutateAsync({ username: values.username.trim(), ...common })
        onCreated?.(created.user.username, created.initialPassword)
      }
      onSaved()
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        message.error('该账号已被他人修改，请关闭后刷新列表再编辑')
      } else if (!form || !showFieldErrors(form, error, fields)) {
        message.error(errorMessage(error))
      }
      return false
    }
  }

  return (
    <ModalForm<Values>
      clearOnDestroy
      name="user"
      formRef={formRef}
      title={user ? '编辑账号' : '新建账号'}
      trigger={trigger}
      width={screens.md ? 600 : '100%'}
      layout="vertical"
      grid
      rowProps={{ gutter: 16 }}
      modalProps={{
        destroyOnHidden: true,
        maskClosable: false,
        okText: user ? '保存' : '创建账号',
        cancelText: '取消',
      }}
      initialValues={user ? { ...user, email: user.email ?? undefined, phone: user.phone ?? undefined } : undefined}
      onFinish={submit}
    >
      <ProFormText
        name="username"
        label="登录账号"
        colProps={{ md: 12 }}
        disabled={user !== undefined}
        placeholder="字母开头，3–32 位"
        tooltip="字母开头，可含字母、数字和 . _ -；创建后不可修改"
        rules={[
          { required: true, message: '请输入登录账号' },
          { pattern: /^[A-Za-z][A-Za-z0-9._-]{2,31}$/, message: '账号为 3–32 位，以字母开头，可含字母、数字和 . _ -' },
        ]}
      />
      <ProFormText
        name="displayName"
        label="姓名"
        colProps={{ md: 12 }}
        placeholder="真实姓名"
        rules={[{ required: true, message: '请填写姓名' }]}
        fieldProps={{ maxLength: 50 }}
      />
      <ProFormSelect
        name="role"
        label="角色"
        colProps={{ md: 12 }}
        options={roleOptions}
        rules={[{ required: true, message: '请选择角色' }]}
      />
      <ProFormSelect
        name="orgId"
        label="所属机构"
        colProps={{ md: 12 }}
        placeholder="先选角色，再输入名称搜索"
        tooltip="只列出所选角色可以隶属的机构类型（如企业用户只能隶属企业）"
        showSearch
        debounceTime={300}
        dependencies={['role']}
        request={async ({ keyWords, role }: { keyWords?: string; role?: Role }) => {
          const options = await searchOrganizations(keyWords, role)
          if (user && !options.some((o) => o.value === user.orgId))
            options.unshift({ value: user.orgId, label: user.orgName })
          return options
        }}
        rules={[{ required: true, message: '请选择所属机构' }]}
        fieldProps={{ filterOption: false }}
      />
      <ProFormText
        name="email"
        label="电子邮箱"
        colProps={{ md: 12 }}
        rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
      />
      <ProFormText
        name="phone"
        label="手机号"
        colProps={{ md: 12 }}
        rules={[{ pattern: /^1\d{10}$|^[0-9+\-() ]{5,20}$/, message: '手机号格式不正确' }]}
      />
    </ModalForm>
  )
}
