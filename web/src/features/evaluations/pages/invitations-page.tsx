import { Alert, Badge, Card, Empty, List, Segmented, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { wrappingCardTitle } from '../../../shared/responsive'
import { useInvitations } from '../api/invitations'
import { assignmentStatusColors } from '../components/labels'

/** 评审任务: the expert's invitations, due ones first, with what to do next. */
export function InvitationsPage() {
  const [scope, setScope] = useState<'active' | 'all'>('active')
  const invitations = useInvitations(scope)
  return (
    <Page title="评审任务" subTitle="入库评价邀请：确认回避、接受评审、在线评分">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Segmented<'active' | 'all'>
          value={scope}
          onChange={setScope}
          options={[
            { value: 'active', label: '进行中' },
            { value: 'all', label: '全部' },
          ]}
        />
        {invitations.isPending ? (
          <Skeleton active />
        ) : invitations.isError ? (
          <Alert type="error" showIcon message={errorMessage(invitations.error)} />
        ) : invitations.data.items.length === 0 ? (
          <Card>
            <Empty description={scope === 'active' ? '暂无进行中的评审任务' : '暂无评审任务'} />
          </Card>
        ) : (
          <List
            data-testid="invitations"
            grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
            dataSource={invitations.data.items}
            renderItem={(i) => (
              <List.Item>
                <Card
                  size="small"
                  styles={wrappingCardTitle}
                  title={<Link to={`/evaluation-invitations/${i.id}`}>{i.project.title}</Link>}
                  extra={<Tag color={assignmentStatusColors[i.status]}>{i.statusLabel}</Tag>}
                >
                  <Space direction="vertical" size={4}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.roundTitle} · {i.centerOrgName}
                    </Typography.Text>
                    <Typography.Text style={{ fontSize: 12 }}>
                      申报单位：{i.project.applicantOrgName} · 担任：{i.roleLabel}
                    </Typography.Text>
                    <Space size={8}>
                      <Typography.Text style={{ fontSize: 12 }}>截止 {i.deadline}</Typography.Text>
                      {i.workdaysLeft !== null ? (
                        <Badge
                          status={i.workdaysLeft <= 3 ? 'error' : 'processing'}
                          text={<span style={{ fontSize: 12 }}>剩 {i.workdaysLeft} 个工作日</span>}
                        />
                      ) : null}
                    </Space>
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Page>
  )
}
