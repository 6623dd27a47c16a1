import { type ActionType, type ProColumns, ProTable } from '@ant-design/pro-components'
import { App, Popconfirm, Tag, Typography } from 'antd'
import { useRef } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { User } from '../../../shared/contracts'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { roleLabels, roles } from '../../../shared/server-rules'
import { pageQuery, useTableRequest } from '../../../shared/table'
import { LockState, UserSummary } from '../../../shared/user-cells'
import { listUsers } from '../api/list-users'
import { useUnlockUser } from '../api/unlock-user'
import { ResetCredentialsForm } from '../components/reset-credentials-form'

const roleEnum = Object.fromEntries(roles.map((role) => [role, { text: roleLabels[role] }]))

export function AccountSecurityPage() {
  const { message } = App.useApp()
  const [params] = useSearchParams()
  const actionRef = useRef<ActionType>(undefined)
  const compact = useCompact()
  const request = useTableRequest<User>((p) => listUsers(pageQuery(p)))
  const unlock = useUnlockUser()
  const reload = () => actionRef.current?.reload()

  const doUnlock = (user: User) =>
    unlock.mutate(user.id, {
      onSuccess: () => {
        message.success(`已解锁 ${user.username}`)
        reload()
      },
      onError: (error) => message.error(errorMessage(error)),
    })

  const columns: ProColumns<User>[] = [
    { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '账号或姓名' } },
    {
      title: '账号',
      dataIndex: 'username',
      search: false,
      width: 180,
      render: (_, row) => (
        <UserSummary
          user={row}
          compact={compact}
          extra={
            row.failedAttempts > 0 && !row.locked ? <Tag color="warning">连续失败 {row.failedAttempts} 次</Tag> : null
          }
        />
      ),
    },
    {
      title: '角色',
      dataIndex: 'role',
      valueType: 'select',
      valueEnum: roleEnum,
      width: 150,
      responsive: wideOnly,
      render: (_, row) => row.roleLabel,
    },
    {
      title: '锁定状态',
      dataIndex: 'locked',
      valueType: 'select',
      width: 130,
      responsive: wideOnly,
      valueEnum: { true: { text: '已锁定' }, false: { text: '未锁定' } },
      render: (_, row) => <LockState user={row} />,
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
      title: '账号状态',
      dataIndex: 'status',
      valueType: 'select',
      width: 100,
      responsive: wideOnly,
      valueEnum: { active: { text: '正常', status: 'Success' }, disabled: { text: '已停用', status: 'Default' } },
    },
    { title: '所属机构', dataIndex: 'orgName', search: false, width: 200, ellipsis: true, responsive: wideOnly },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      fixed: compact ? undefined : 'right',
      render: (_, row) => [
        row.locked ? (
          <Popconfirm
            key="unlock"
            title={`解锁 ${row.username}？`}
            description="请先确认连续失败登录确系本人所为。"
            okText="解锁"
            cancelText="取消"
            onConfirm={() => doUnlock(row)}
          >
            <Typography.Link data-testid={`unlock-${row.username}`}>解锁</Typography.Link>
          </Popconfirm>
        ) : null,
        <ResetCredentialsForm
          key="reset"
          user={row}
          onDone={reload}
          trigger={<Typography.Link type="danger">重置凭据</Typography.Link>}
        />,
      ],
    },
  ]

  return (
    <Page title="账号安全" subTitle="登录失败锁定的账号由安全管理员核实后解锁；遗失密码或手机时重置凭据">
      <ProTable<User>
        actionRef={actionRef}
        rowKey="id"
        columns={columns}
        request={request}
        form={{ initialValues: Object.fromEntries(params.entries()) }}
        search={{ labelWidth: 'auto', defaultCollapsed: true, span: { xs: 24, sm: 12, md: 8, lg: 8, xl: 6, xxl: 6 } }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个账号` }}
        scroll={compact ? undefined : { x: 1000 }}
        headerTitle="账号与锁定状态"
        options={{ density: false, setting: false, reload: true, fullScreen: false }}
        locale={{ emptyText: '暂无符合条件的账号' }}
      />
    </Page>
  )
}
