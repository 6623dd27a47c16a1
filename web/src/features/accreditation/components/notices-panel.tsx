import { Space, Table, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { useNotices } from '../api/notices'
import type { Notice } from '../api/types'

const phaseColors = { upcoming: 'blue', open: 'purple', ended: 'default' } as const

/** 公示: the city's notices with their computed periods. */
export function NoticesPanel({ city }: { city?: string }) {
  const list = useNotices(city)
  return (
    <Table<Notice>
      size="small"
      rowKey="id"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      data-testid="notices"
      locale={{ emptyText: '暂无公示' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '公示',
          dataIndex: 'title',
          render: (title: string, n) => (
            <Space direction="vertical" size={0}>
              <Link to={`/public-notices/${n.id}`}>{title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.startOn} 至 {n.endOn}（{n.workdays.length} 个工作日）· {n.entries.length} 家
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: '状态',
          width: 100,
          render: (_, n) => <Tag color={phaseColors[n.phase]}>{n.phaseLabel}</Tag>,
        },
      ]}
    />
  )
}
