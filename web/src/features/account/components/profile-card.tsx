import { ProDescriptions } from '@ant-design/pro-components'
import { Tag } from 'antd'
import type { SessionUser } from '../../../shared/session'

export function ProfileCard({ user }: { user: SessionUser }) {
  return (
    <ProDescriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="middle" data-testid="profile">
      <ProDescriptions.Item label="登录账号">{user.username}</ProDescriptions.Item>
      <ProDescriptions.Item label="姓名">{user.displayName}</ProDescriptions.Item>
      <ProDescriptions.Item label="角色">
        <Tag color="blue" bordered={false}>
          {user.roleLabel}
        </Tag>
      </ProDescriptions.Item>
      <ProDescriptions.Item label="所属机构">{user.orgName}</ProDescriptions.Item>
      <ProDescriptions.Item label="所在辖区">{user.jurisdictionName}</ProDescriptions.Item>
      <ProDescriptions.Item label="两步验证">
        {user.totpEnrolled ? <Tag color="success">已启用</Tag> : <Tag color="warning">未启用</Tag>}
        {user.totpRequired ? <Tag>角色要求必须启用</Tag> : <Tag>可选</Tag>}
      </ProDescriptions.Item>
    </ProDescriptions>
  )
}
