import { Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { useCompact } from '../../../shared/responsive'
import { useCenterProjects } from '../api/center-projects'
import type { Project, ProjectStatus } from '../api/types'
import { projectStatusColors } from '../components/labels'

const filters: { value: ProjectStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'admitted', label: '已入库' },
  { value: 'verifying', label: '验证中' },
  { value: 'verified', label: '验证完成' },
  { value: 'handedOff', label: '中试中' },
  { value: 'landed', label: '已落地' },
  { value: 'terminated', label: '已终止' },
]

/** 验证工作台: the center's pool projects by status, each opening its workspace; the center's numbers above. */
export function VerificationListPage({ statistics }: { statistics?: ReactNode }) {
  const [params, setParams] = useSearchParams()
  const compact = useCompact()
  const status = (params.get('status') ?? 'all') as ProjectStatus | 'all'
  const q = params.get('q') ?? ''
  const page = Number(params.get('page') ?? 1)
  const query = useCenterProjects({ q: q || undefined, status: status === 'all' ? undefined : status, page })
  const set = (next: Record<string, string>) => setParams({ ...Object.fromEntries(params), page: '1', ...next })
  return (
    <Page
      title="验证工作台"
      extra={
        <Space wrap>
          <Link to="/handoffs">
            <Button>中试推送与反馈</Button>
          </Link>
          <Link to="/report-check">
            <Button>报告核验</Button>
          </Link>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ display: 'flex' }}>
        {statistics}
        <Card size="small" title="本中心负责的项目">
          <Space direction="vertical" style={{ display: 'flex' }}>
            {/* A flex row, not Space: a Space item grows to its content, so seven statuses pushed a phone's page sideways. */}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
                <Segmented value={status} options={filters} onChange={(value) => set({ status: String(value) })} />
              </div>
              <Input.Search
                allowClear
                placeholder="项目名称"
                defaultValue={q}
                onSearch={(value) => set({ q: value })}
                style={{ width: 220 }}
              />
            </div>
            <Table<Project>
              rowKey="id"
              size="small"
              loading={query.isPending}
              dataSource={query.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: 20,
                total: query.data?.total ?? 0,
                onChange: (p) => setParams({ ...Object.fromEntries(params), page: String(p) }),
              }}
              locale={{ emptyText: query.isError ? `加载失败：${query.error.message}` : '暂无项目' }}
              columns={[
                {
                  title: '项目',
                  dataIndex: 'title',
                  render: (title: string, p) => (
                    <Space direction="vertical" size={0}>
                      <Link to={`/projects/${p.id}/verification`}>{title}</Link>
                      {compact ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          <Tag color={projectStatusColors[p.status]}>{p.statusLabel}</Tag>
                          {p.applicantOrgName}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: '申报单位',
                  dataIndex: 'applicantOrgName',
                  responsive: ['md'],
                },
                {
                  title: '状态',
                  dataIndex: 'statusLabel',
                  width: 120,
                  responsive: ['md'],
                  render: (label: string, p) => <Tag color={projectStatusColors[p.status]}>{label}</Tag>,
                },
                {
                  title: '更新时间',
                  dataIndex: 'updatedAt',
                  width: 170,
                  responsive: ['lg'],
                  render: (at: string) => formatDateTime(at),
                },
              ]}
            />
          </Space>
        </Card>
      </Space>
    </Page>
  )
}
