import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, List, Progress, Skeleton, Space, Tag, Typography } from 'antd'
import { Link, useNavigate } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { wrappingCardTitle } from '../../../shared/responsive'
import { useRounds } from '../api/rounds'

/** 入库评价: the center's rounds with their progress. */
export function RoundsPage() {
  const navigate = useNavigate()
  const rounds = useRounds()
  return (
    <Page
      title="入库评价"
      subTitle="专家评审、利益冲突回避与入库决定"
      extra={[
        <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/evaluation-rounds/new')}>
          新建评价轮次
        </Button>,
      ]}
    >
      {rounds.isPending ? (
        <Skeleton active />
      ) : rounds.isError ? (
        <Alert type="error" showIcon message={errorMessage(rounds.error)} />
      ) : rounds.data.items.length === 0 ? (
        <Card>
          <Empty description="还没有评价轮次，可从项目库中已申报的项目开始" />
        </Card>
      ) : (
        <List
          data-testid="rounds"
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={rounds.data.items}
          renderItem={(r) => {
            const done = r.progress.seats ? Math.round((100 * r.progress.submitted) / r.progress.seats) : 0
            return (
              <List.Item>
                <Card
                  size="small"
                  styles={wrappingCardTitle}
                  title={<Link to={`/evaluation-rounds/${r.id}`}>{r.title}</Link>}
                  extra={<Tag color={r.status === 'open' ? 'processing' : 'default'}>{r.statusLabel}</Tag>}
                >
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      截止 {r.deadline} · {r.projects} 个项目 · 已决定 {r.decided} 个
                      {r.criteriaLocked ? ' · 指标已锁定' : ''}
                    </Typography.Text>
                    <Progress
                      percent={done}
                      size="small"
                      format={() => `${r.progress.submitted}/${r.progress.seats}`}
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      待确认 {r.progress.invited} · 已确认 {r.progress.confirmed} · 已接受 {r.progress.accepted} · 谢绝{' '}
                      {r.progress.declined} · 回避 {r.progress.conflicts}
                    </Typography.Text>
                  </Space>
                </Card>
              </List.Item>
            )
          }}
        />
      )}
    </Page>
  )
}
