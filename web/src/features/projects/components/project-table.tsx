import { type ProColumns, ProTable } from '@ant-design/pro-components'
import type { ProjectStatus } from '@server/modules/projects/schema'
import { Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useCurrentUser } from '../../../shared/session'
import { pageQuery, useTableRequest } from '../../../shared/table'
import { listProjects } from '../api/list-projects'
import type { Project } from '../api/types'
import { channelLabels, statusLabels } from './labels'
import { ProjectStatusTag } from './project-status-tag'

const statusEnum = Object.fromEntries(Object.entries(statusLabels).map(([k, text]) => [k, { text }]))
const channelEnum = Object.fromEntries(Object.entries(channelLabels).map(([k, text]) => [k, { text }]))

type Props = {
  scope: 'mine' | 'center' | 'all'
  headerTitle: string
  tabs?: { key: string; label: string }[]
  onTab?: (key: string) => void
  toolBar?: ReactNode[]
  emptyText: string
  /** The status filter to open with (a 待办 link's ?status=). */
  initialStatus?: string
}

/** The pool as a table: filters for keyword, status, channel (来源) and industry (产业领域); phones get one column. */
export function ProjectTable({ scope, headerTitle, tabs, onTab, toolBar, emptyText, initialStatus }: Props) {
  const compact = useCompact()
  const user = useCurrentUser()
  const request = useTableRequest<Project>((p) => {
    const { industry, ...rest } = p as Record<string, unknown>
    const code = Array.isArray(industry) ? industry[0] : industry
    return listProjects({ ...pageQuery(rest), scope, industry: typeof code === 'string' ? code : undefined })
  })
  const columns: ProColumns<Project>[] = [
    { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '项目名称' } },
    {
      title: '项目名称',
      dataIndex: 'title',
      search: false,
      render: (_, row) => (
        <Space direction="vertical" size={2}>
          <Link to={`/projects/${row.id}`} data-testid="project-link">
            <Typography.Text strong>{row.title}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.applicantOrgName} · {row.channelLabel}
          </Typography.Text>
          {compact ? (
            <Space size={4} wrap>
              <ProjectStatusTag status={row.status} label={row.statusLabel} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.centerOrgName} · 预算 {formatFen(row.budgetFen)}
              </Typography.Text>
            </Space>
          ) : null}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum,
      width: 110,
      responsive: wideOnly,
      render: (_, row) => <ProjectStatusTag status={row.status as ProjectStatus} label={row.statusLabel} />,
    },
    {
      title: '来源',
      dataIndex: 'channel',
      valueType: 'select',
      valueEnum: channelEnum,
      hideInTable: true,
    },
    {
      title: '产业领域',
      dataIndex: 'industry',
      width: 160,
      responsive: wideOnly,
      render: (_, row) =>
        row.industries.length
          ? row.industries.map((i) => (
              <Tag key={i.code} bordered={false} color="cyan">
                {i.name}
              </Tag>
            ))
          : '—',
      renderFormItem: () => <IndustryTreeSelect single jurisdiction={user.jurisdictionCode} placeholder="全部产业" />,
    },
    {
      title: '负责中心',
      dataIndex: 'centerOrgName',
      search: false,
      width: 170,
      responsive: wideOnly,
    },
    {
      title: '预算',
      dataIndex: 'budgetFen',
      search: false,
      width: 100,
      responsive: wideOnly,
      render: (_, row) => formatFen(row.budgetFen),
    },
    {
      title: '更新',
      dataIndex: 'updatedAt',
      search: false,
      width: 100,
      responsive: wideOnly,
      render: (_, row) => formatDate(row.updatedAt),
    },
  ]
  return (
    <ProTable<Project>
      rowKey="id"
      columns={columns}
      request={request}
      params={{ scope }}
      form={{ initialValues: initialStatus ? { status: initialStatus } : undefined }}
      search={{ labelWidth: 'auto', defaultCollapsed: compact, span: { xs: 24, sm: 12, md: 8, lg: 8, xl: 6, xxl: 6 } }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个项目` }}
      scroll={compact ? undefined : { x: 900 }}
      headerTitle={tabs ? undefined : headerTitle}
      toolbar={
        tabs
          ? {
              menu: {
                type: 'tab',
                activeKey: scope,
                items: tabs,
                onChange: (key) => onTab?.(String(key)),
              },
            }
          : undefined
      }
      options={{ density: false, setting: false, reload: true, fullScreen: false }}
      locale={{ emptyText }}
      toolBarRender={() => toolBar ?? []}
    />
  )
}
