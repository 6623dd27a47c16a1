import { CheckCircleFilled, CloseCircleFilled, PrinterOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Table, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { checkReport } from '../api/report'
import type { ReportCheck } from '../api/types'
import type { ReportContent } from './report-content'

function Verdict({ check }: { check: ReportCheck }) {
  if (check.valid)
    return (
      <div data-testid="report-valid">
        <Result
          status="success"
          icon={<CheckCircleFilled />}
          title="报告真实有效"
          subTitle={`${check.kindLabel} ${check.code}：内容与签发时登记的 SM3 摘要一致，且为该项目现行有效的报告。`}
        />
      </div>
    )
  return (
    <div data-testid="report-invalid">
      <Result
        status={check.authentic ? 'warning' : 'error'}
        icon={check.authentic ? undefined : <CloseCircleFilled />}
        title={
          !check.authentic
            ? '报告未通过核验'
            : check.supersededBy
              ? '报告真实，但已被新报告取代'
              : '报告真实，但已不再现行有效'
        }
        subTitle={check.authentic ? standing(check) : check.problems.join('；') || undefined}
      />
    </div>
  )
}

/** Why an authentic report no longer stands: a later report, or the verification reopened after it. */
function standing(check: ReportCheck): string {
  const reopened = check.reopenedOn ? `出具机构已于 ${check.reopenedOn} 重新开启该项目的验证` : ''
  if (check.supersededBy) return [reopened, `现行报告的验证码为 ${check.supersededBy}`].filter(Boolean).join('，')
  return `${reopened || '该项目的验证已重新开启'}，本报告不再代表现行验证结论；重新评审通过后将出具新报告`
}

function Covers({ report }: { report: ReportContent }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(s) => s.label ?? ''}
      dataSource={report.stages ?? []}
      data-testid="report-stages"
      columns={[
        { title: '验证阶段', dataIndex: 'label' },
        { title: '结论', dataIndex: 'status', width: 110, render: (s: string) => <Tag>{s}</Tag> },
        {
          title: '评审意见',
          responsive: ['md'],
          render: (_: unknown, s) => s.gates?.at(-1)?.reasons ?? s.skipReason ?? '—',
        },
      ]}
    />
  )
}

/** What a report check answers: valid or not, and what the report covers (in full for centers, 结果互认). */
export function ReportCheckResult({ check }: { check: ReportCheck }) {
  const report = check.report as ReportContent | null
  return (
    <Card size="small" data-testid="report-check-result">
      <Verdict check={check} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="验证码">{check.code}</Descriptions.Item>
        <Descriptions.Item label="报告类型">{check.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="项目">{check.projectTitle}</Descriptions.Item>
        <Descriptions.Item label="出具机构">{check.centerName}</Descriptions.Item>
        <Descriptions.Item label="出具日期">{check.issuedOn}</Descriptions.Item>
        <Descriptions.Item label="结论">{check.conclusion ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="报告摘要（SM3）" span={2}>
          <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {check.digest}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {check.problems.length ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={check.problems.join('；')} />
      ) : null}
      {report ? (
        <Space direction="vertical" style={{ display: 'flex', marginTop: 16 }}>
          <Typography.Text strong>报告涵盖的验证内容</Typography.Text>
          <Covers report={report} />
          {report.openConditions?.length ? (
            <Alert
              type="warning"
              showIcon
              message="待落实条件"
              description={report.openConditions.map((c) => `${c.stage}：${c.text}`).join('；')}
            />
          ) : null}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          报告全文向概念验证中心及项目相关方开放；登录后可查看各阶段验证内容。
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 12 }}>
        <Link to={`/reports/${check.code}/print`} target="_blank">
          <Button icon={<PrinterOutlined />}>查看打印版</Button>
        </Link>
      </div>
    </Card>
  )
}

/** 报告核验: a code (and optionally the digest printed on the copy in hand) in, the answer out. */
export function ReportCheckForm({ initialCode }: { initialCode?: string }) {
  const [form] = Form.useForm<{ code: string; digest?: string }>()
  const [submitted, setSubmitted] = useState<{ code: string; digest?: string } | null>(
    initialCode ? { code: initialCode } : null,
  )
  const query = useQuery({
    queryKey: ['verification-report', submitted?.code ?? '', submitted?.digest ?? ''],
    queryFn: () => checkReport(submitted?.code ?? '', submitted?.digest),
    enabled: !!submitted,
    retry: false,
  })
  const error = query.error
  useEffect(() => {
    if (isApiError(error) && error.fields.length)
      form.setFields(error.fields.map((f) => ({ name: f.path === 'digest' ? 'digest' : 'code', errors: [f.message] })))
  }, [error, form])
  const failure = error
    ? isApiError(error) && error.status === 404
      ? '未找到该验证码对应的报告，请核对验证码'
      : errorMessage(error)
    : null
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }}>
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          initialValues={{ code: initialCode ?? '' }}
          onFinish={(v) => setSubmitted({ code: v.code.trim(), digest: v.digest?.trim() || undefined })}
        >
          <Form.Item
            name="code"
            label="报告验证码"
            rules={[{ required: true, message: '请输入报告上的验证码' }]}
            extra="验证码印在报告首页，格式如 FM-2026-XXXX-XXXX"
          >
            <Input placeholder="FM-2026-XXXX-XXXX" allowClear style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name="digest"
            label="报告摘要（选填）"
            extra="填写所持报告上印的 SM3 摘要，可同时核对所持报告是否被改动"
          >
            <Input placeholder="64 位十六进制" allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={query.isFetching}>
            核验
          </Button>
        </Form>
      </Card>
      {failure ? <Alert type="error" showIcon message={failure} data-testid="report-check-error" /> : null}
      {query.data ? <ReportCheckResult check={query.data} /> : null}
    </Space>
  )
}
