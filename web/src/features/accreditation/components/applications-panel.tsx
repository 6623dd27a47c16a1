import { Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { useCompact } from '../../../shared/responsive'
import { useApplications } from '../api/applications'
import type { Application, ApplicationStatus } from '../api/types'
import { statusOptions } from './labels'
import { ApplicationStatusTag } from './status-tag'

/**
 * 认定申报 in the caller's scope: an applicant's own, a district's area (审核推荐), the city's (汇总、拟认定名单).
 * `initialStatus` is the queue the role works from.
 */
export function ApplicationsPanel({ initialStatus }: { initialStatus?: ApplicationStatus }) {
  const compact = useCompact()
  const [status, setStatus] = useState<ApplicationStatus | undefined>(initialStatus)
  const [page, setPage] = useState(1)
  const list = useApplications({ status, page, pageSize: 20 })
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }}>
      <Space wrap>
        <Select<ApplicationStatus | undefined>
          aria-label="申报状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 200 }}
          value={status}
          onChange={(v) => {
            setStatus(v)
            setPage(1)
          }}
          options={statusOptions}
        />
        <Typography.Text type="secondary" data-testid="applications-total">
          共 {list.data?.total ?? 0} 件
        </Typography.Text>
      </Space>
      <Table<Application>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="applications"
        locale={{ emptyText: '暂无认定申报' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: '申报名称',
            dataIndex: 'centerName',
            render: (name: string, a) => (
              <Space direction="vertical" size={0}>
                <Link to={`/accreditation/applications/${a.id}`}>{name}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.applicantOrgName} · {a.jurisdictionName}
                </Typography.Text>
                {compact ? <ApplicationStatusTag app={a} /> : null}
              </Space>
            ),
          },
          { title: '认定通知', dataIndex: 'callTitle', responsive: ['lg'] },
          {
            title: '条件',
            width: 90,
            responsive: ['md'],
            render: (_, a) => (a.checks ? `${a.checks.met} / ${a.checks.total}` : '—'),
          },
          {
            title: '状态',
            width: 150,
            responsive: ['md'],
            render: (_, a) => <ApplicationStatusTag app={a} />,
          },
          {
            title: '提交日期',
            dataIndex: 'submittedAt',
            width: 110,
            responsive: ['md'],
            render: (at: string | null) => formatDate(at),
          },
        ]}
      />
    </Space>
  )
}
