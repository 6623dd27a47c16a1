import { PlusOutlined } from '@ant-design/icons'
import { type ActionType, type ProColumns, ProTable } from '@ant-design/pro-components'
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd'
import { useRef } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { User } from '../../../shared/contracts'
import { formatDate } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { OneTimePassword } from '../../../shared/one-time-password'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { roleLabels, roles } from '../../../shared/server-rules'
import { pageQuery, useTableRequest } from '../../../shared/table'
import { UserStateTags, UserSummary } from '../../../shared/user-cells'
import { useDisableUser } from '../api/disable-user'
import { useEnableUser } from '../api/enable-user'
import { listUsers } from '../api/list-users'
import { UserForm } from '../components/user-form'

const roleEnum = Object.fromEntries(roles.map((role) => [role, { text: roleLabels[role] }]))

export function UsersPage() {
  const { message, modal } = App.useApp()
  const [params] = useSearchParams()
  const actionRef = useRef<ActionType>(undefined)
  const compact = useCompact()
  const request = useTableRequest<User>((p) => listUsers(pageQuery(p)))
  const disable = useDisableUser()
  const enable = useEnableUser()
  const reload = () => actionRef.current?.reload()

  const showInitialPassword = (username: string, password: string) =>
    modal.success({
      title: '账号已创建',
      width: 480,
      content: <OneTimePassword username={username} password={password} />,
      okText: '我已妥善记录',
    })

  const toggle = (user: User) => {
    const mutation = user.status === 'active' ? disable : enable
    mutation.mutate(user.id, {
      onSuccess: () => {
        message.success(
          user.status === 'active' ? `已停用 ${user.username}，其登录会话已全部结束` : `已启用 ${user.username}`,
        )
        reload()
      },
      onError: (error) => message.error(errorMessage(error)),
    })
  }

  const columns: ProColumns<User>[] = [
    { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '账号或姓名' } },
    {
      title: '账号',
      dataIndex: 'username',
      search: false,
      width: 180,
      render: (_, row) => <UserSummary user={row} compact={compact} />,
    },
    {
      title: '角色',
      dataIndex: 'role',
      valueType: 'select',
      valueEnum: roleEnum,
      width: 150,
      responsive: wideOnly,
      render: (_, row) => (
        <Tag color="blue" bordered={false}>
          {row.roleLabel}
        </Tag>
      ),
    },
    { title: '所属机构', dataIndex: 'orgName', search: false, width: 200, ellipsis: true, responsive: wideOnly },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      width: 120,
      responsive: wideOnly,
      valueEnum: { active: { text: '正常', status: 'Success' }, disabled: { text: '已停用', status: 'Default' } },
      render: (_, row) => (
        <Space size={4} wrap>
          <UserStateTags user={row} />
        </Space>
      ),
    },
    {
      title: '两步验证',
      dataIndex: 'totpEnrolled',
      search: false,
      width: 90,
      responsive: wideOnly,
      render: (_, row) => (row.totpEnrolled ? <Tag color="success">已绑定</Tag> : <Tag>未绑定</Tag>),
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      search: false,
      width: 110,
      responsive: wideOnly,
      render: (_, row) => formatDate(row.createdAt),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 110,
      fixed: compact ? undefined : 'right',
      render: (_, row) => [
        <UserForm key="edit" user={row} onSaved={reload} trigger={<Typography.Link>编辑</Typography.Link>} />,
        <Popconfirm
          key="toggle"
          title={row.status === 'active' ? `停用账号 ${row.username}？` : `启用账号 ${row.username}？`}
          description={row.status === 'active' ? '停用后该账号立即退出登录且无法再登录。' : undefined}
          okText="确定"
          cancelText="取消"
          onConfirm={() => toggle(row)}
        >
          <Typography.Link type={row.status === 'active' ? 'danger' : undefined}>
            {row.status === 'active' ? '停用' : '启用'}
          </Typography.Link>
        </Popconfirm>,
      ],
    },
  ]

  return (
    <Page title="用户管理" subTitle="创建账号并分配角色与所属机构；初始密码仅显示一次">
      <ProTable<User>
        actionRef={actionRef}
        rowKey="id"
        columns={columns}
        request={request}
        form={{ initialValues: Object.fromEntries(params.entries()) }}
        search={{ labelWidth: 'auto', defaultCollapsed: true, span: { xs: 24, sm: 12, md: 8, lg: 8, xl: 6, xxl: 6 } }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个账号` }}
        scroll={compact ? undefined : { x: 980 }}
        headerTitle="账号列表"
        options={{ density: false, setting: false, reload: true, fullScreen: false }}
        locale={{ emptyText: '暂无符合条件的账号' }}
        toolBarRender={() => [
          <UserForm
            key="create"
            onSaved={reload}
            onCreated={showInitialPassword}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建账号
              </Button>
            }
          />,
        ]}
      />
    </Page>
  )
}
