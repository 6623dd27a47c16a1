import { CalculatorOutlined, FormOutlined, NotificationOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, InputNumber, Modal, Space, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCan } from '../../../shared/session'
import { usePolicy, usePolicyVersions } from '../api/policies'
import { useGrantEntitlements } from '../api/push'
import type { Policy } from '../api/types'
import { thisYear } from '../components/labels'
import { ParametersForm } from '../components/parameters-form'
import { PolicySummary, PolicyTags } from '../components/policy-summary'

function Versions({ code }: { code: string }) {
  const versions = usePolicyVersions(code)
  return (
    <Table<Policy>
      size="small"
      rowKey="id"
      loading={versions.isPending}
      dataSource={versions.data?.items ?? []}
      pagination={false}
      data-testid="policy-versions"
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
        {
          title: '状态',
          dataIndex: 'status',
          width: 90,
          render: (s: string) => (s === 'active' ? <Tag color="success">现行</Tag> : <Tag>已废止</Tag>),
        },
        { title: '修订说明', dataIndex: 'changeNote' },
        {
          title: '待定参数',
          dataIndex: 'pendingParameters',
          responsive: ['md'],
          render: (items: Policy['pendingParameters']) => (items.length ? items.map((p) => p.label).join('、') : '无'),
        },
        { title: '生效时间', dataIndex: 'createdAt', width: 170, responsive: ['md'], render: formatDateTime },
      ]}
    />
  )
}

/** 免申即享: the officer creates the applications of every entity the platform data shows eligible. */
function EntitleButton({ policy }: { policy: Policy }) {
  const { message, modal } = App.useApp()
  const navigate = useNavigate()
  const grant = useGrantEntitlements(policy.code)
  const [open, setOpen] = useState(false)
  const [year, setYear] = useState(thisYear())
  const run = () =>
    grant.mutate(year, {
      onSuccess: (result) => {
        setOpen(false)
        modal.info({
          title: `免申即享办理结果（${year} 年度）`,
          content: (
            <Space direction="vertical">
              <span>已生成申请 {result.created.length} 件：</span>
              {result.created.map((c) => (
                <span key={c.applicationId}>
                  {c.subjectName}：{c.amountText ?? '金额待定'}
                </span>
              ))}
              {result.skipped.map((s) => (
                <Typography.Text key={s.subjectName} type="secondary">
                  未生成：{s.subjectName}（{s.reason}）
                </Typography.Text>
              ))}
            </Space>
          ),
          onOk: () => navigate(`/policies/applications?policy=${policy.code}`),
        })
      },
      onError: (error) => message.error(errorMessage(error)),
    })
  return (
    <>
      <Button icon={<ThunderboltOutlined />} onClick={() => setOpen(true)}>
        免申即享办理
      </Button>
      <Modal
        title="免申即享办理"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={run}
        okText="生成申请"
        confirmLoading={grant.isPending}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>依平台数据为所有符合条件的主体生成申请（进入区县审核），主体无需提交材料。</Typography.Text>
          <InputNumber
            aria-label="办理年度"
            value={year}
            onChange={(v) => setYear(v ?? thisYear())}
            min={2000}
            max={2100}
            suffix="年度"
          />
        </Space>
      </Modal>
    </>
  )
}

/** A policy in the workspace: its rules, versions; 申报 for applicants, 推送 for officers, 参数设定 for the city. */
export function PolicyDetailPage() {
  const { code = '' } = useParams()
  const navigate = useNavigate()
  const can = useCan()
  const query = usePolicy(code)
  const [tab, setTab] = useState('content')
  const policy = query.data
  if (!policy)
    return (
      <Page title="政策详情">
        <RecordState isPending={query.isPending} error={query.error} what="政策" backTo="/policies" />
      </Page>
    )
  const canApply = can('policy.apply') && policy.kind !== 'voucher'
  return (
    <Page
      title={policy.title}
      content={
        <Space direction="vertical" size={8}>
          <BackLink to="/policies" label="返回政策库" />
          <PolicyTags policy={policy} />
        </Space>
      }
      extra={[
        policy.kind !== 'voucher' ? (
          <Button
            key="calc"
            icon={<CalculatorOutlined />}
            onClick={() => navigate(`/policies/calculator?policy=${policy.code}`)}
          >
            测算
          </Button>
        ) : null,
        canApply ? (
          <Button
            key="apply"
            type="primary"
            icon={<FormOutlined />}
            onClick={() => navigate(`/policies/${policy.code}/apply`)}
          >
            在线申报
          </Button>
        ) : null,
        can('policy.push') && policy.kind !== 'voucher' ? (
          <Button
            key="push"
            icon={<NotificationOutlined />}
            onClick={() => navigate(`/policies/push?policy=${policy.code}`)}
          >
            精准推送
          </Button>
        ) : null,
        can('policy.manage') && policy.automatic ? <EntitleButton key="entitle" policy={policy} /> : null,
      ]}
    >
      {policy.automatic && canApply ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message="本政策免申即享：符合条件的主体由主管部门依平台数据直接办理，无需申报；如平台数据有误或尚未办理，也可主动申报。"
        />
      ) : null}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'content', label: '政策内容', children: <PolicySummary policy={policy} /> },
            { key: 'versions', label: '版本记录', children: <Versions code={policy.code} /> },
            ...(can('policy.manage')
              ? [
                  {
                    key: 'parameters',
                    label: policy.pendingParameters.length
                      ? `设定参数（${policy.pendingParameters.length} 项待定）`
                      : '设定参数',
                    children: <ParametersForm key={policy.version} policy={policy} onSaved={() => setTab('content')} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Page>
  )
}
