import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { type ProColumns, ProTable } from '@ant-design/pro-components'
import { App, AutoComplete, Button, Descriptions, Dropdown, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useRef } from 'react'
import { useSearchParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { isRole, roleLabels } from '../../../shared/server-rules'
import { useCan } from '../../../shared/session'
import { pageQuery, useTableRequest } from '../../../shared/table'
import { type ExportFormat, useExportAudit } from '../api/export-audit'
import { searchAudit } from '../api/search-audit'
import type { AuditFilters, AuditRecord } from '../api/types'
import { useVerifyAudit } from '../api/verify-audit'
import { ChainReportView } from '../components/chain-report'
import { actionLabel, actionLabels, outcomeLabels } from '../components/labels'

const actionOptions = Object.entries(actionLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }))
const outcomeEnum = Object.fromEntries(
  Object.entries(outcomeLabels).map(([k, v]) => [k, { text: v.text, status: v.status }]),
)

function Detail({ record }: { record: AuditRecord }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ maxWidth: 1100 }}>
      <Descriptions.Item label="记录编号">{record.id}</Descriptions.Item>
      <Descriptions.Item label="请求编号">{record.requestId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="操作人机构">{record.actorOrgId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="本条哈希（SM3）">
        <span className="fm-mono" style={{ wordBreak: 'break-all', fontSize: 12 }}>
          {record.hash}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="详情" span={2}>
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
          {record.detail === null || record.detail === undefined ? '—' : JSON.stringify(record.detail, null, 2)}
        </pre>
      </Descriptions.Item>
    </Descriptions>
  )
}

export function AuditPage() {
  const { message, modal } = App.useApp()
  const can = useCan()
  const compact = useCompact()
  const [params] = useSearchParams()
  const lastFilters = useRef<AuditFilters>({})
  const exporter = useExportAudit()
  const verifier = useVerifyAudit()
  const request = useTableRequest<AuditRecord>((p) => {
    const query = pageQuery(p)
    const { page: _page, pageSize: _pageSize, ...filters } = query
    lastFilters.current = filters as AuditFilters
    return searchAudit(query)
  })

  const download = (format: ExportFormat) =>
    exporter.mutate(
      { ...lastFilters.current, format },
      {
        onSuccess: () => message.success('已开始下载，导出操作已记入审计日志'),
        onError: (error) => message.error(errorMessage(error)),
      },
    )

  const verify = () =>
    verifier.mutate(undefined, {
      onSuccess: (report) =>
        (report.ok ? modal.success : modal.error)({
          title: '哈希链校验结果',
          width: 560,
          content: <ChainReportView report={report} />,
          okText: '知道了',
        }),
      onError: (error) => message.error(errorMessage(error)),
    })

  const columns: ProColumns<AuditRecord>[] = [
    {
      title: '时间范围',
      dataIndex: 'range',
      valueType: 'dateTimeRange',
      hideInTable: true,
      search: {
        transform: (value: [string, string]) => ({ from: dayjs(value[0]).format(), to: dayjs(value[1]).format() }),
      },
    },
    { title: '序号', dataIndex: 'seq', search: false, width: 80, responsive: wideOnly },
    {
      title: compact ? '记录' : '时间',
      dataIndex: 'at',
      search: false,
      width: 170,
      render: (_, row) =>
        compact ? (
          <Space direction="vertical" size={2}>
            <Space size={6}>
              <Typography.Text strong>{actionLabel(row.action)}</Typography.Text>
              <Tag color={outcomeLabels[row.outcome].color}>{outcomeLabels[row.outcome].text}</Tag>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(row.at)} · {row.actorUsername ?? '匿名/系统'} · #{row.seq}
            </Typography.Text>
          </Space>
        ) : (
          formatDateTime(row.at)
        ),
    },
    {
      title: '操作人',
      dataIndex: 'actor',
      width: 150,
      responsive: wideOnly,
      fieldProps: { placeholder: '账号' },
      render: (_, row) =>
        row.actorUsername ? (
          <Space direction="vertical" size={0}>
            <span className="fm-mono">{row.actorUsername}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.actorRole && isRole(row.actorRole) ? roleLabels[row.actorRole] : (row.actorRole ?? '')}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">匿名/系统</Typography.Text>
        ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      responsive: wideOnly,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{actionLabel(row.action)}</span>
          <Typography.Text type="secondary" className="fm-mono" style={{ fontSize: 12, letterSpacing: 0 }}>
            {row.action}
          </Typography.Text>
        </Space>
      ),
      renderFormItem: () => (
        <AutoComplete
          allowClear
          options={actionOptions}
          placeholder="操作代码，如 user.create"
          filterOption={(input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
        />
      ),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      valueType: 'select',
      valueEnum: outcomeEnum,
      width: 90,
      responsive: wideOnly,
      render: (_, row) => <Tag color={outcomeLabels[row.outcome].color}>{outcomeLabels[row.outcome].text}</Tag>,
    },
    {
      title: '对象类型',
      dataIndex: 'targetType',
      width: 110,
      responsive: wideOnly,
      render: (_, row) => row.targetType ?? '—',
    },
    {
      title: '对象编号',
      dataIndex: 'targetId',
      width: 150,
      responsive: wideOnly,
      ellipsis: true,
      render: (_, row) => (row.targetId ? <span className="fm-mono">{row.targetId}</span> : '—'),
    },
    {
      title: 'IP',
      dataIndex: 'ip',
      search: false,
      width: 130,
      responsive: wideOnly,
      render: (_, row) => row.ip ?? '—',
    },
  ]

  return (
    <Page title="审计日志" subTitle="全部登录与操作记录，只读、不可修改；记录以 SM3 哈希链相连，可校验是否被篡改">
      <ProTable<AuditRecord>
        rowKey="seq"
        columns={columns}
        request={request}
        form={{ initialValues: Object.fromEntries(params.entries()) }}
        search={{ labelWidth: 'auto', defaultCollapsed: true, span: { xs: 24, sm: 12, md: 8, lg: 8, xl: 6, xxl: 6 } }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => `共 ${total} 条记录` }}
        expandable={{ expandedRowRender: (record) => <Detail record={record} /> }}
        scroll={compact ? undefined : { x: 1100 }}
        headerTitle="审计记录"
        options={{ density: false, setting: false, reload: true, fullScreen: false }}
        locale={{ emptyText: '没有符合条件的审计记录' }}
        toolBarRender={() => [
          can('audit.export') ? (
            <Dropdown
              key="export"
              menu={{
                items: [
                  { key: 'xlsx', label: '导出 Excel（.xlsx）' },
                  { key: 'csv', label: '导出 CSV（.csv）' },
                ],
                onClick: ({ key }) => download(key as ExportFormat),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporter.isPending}>
                导出
              </Button>
            </Dropdown>
          ) : null,
          can('audit.verify') ? (
            <Button
              key="verify"
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verifier.isPending}
              onClick={verify}
            >
              校验哈希链
            </Button>
          ) : null,
        ]}
      />
    </Page>
  )
}
