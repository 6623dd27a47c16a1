import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Steps, Table, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { formatBytes } from '../../../shared/file-digest'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink, NoneYet, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import {
  useAccreditApplication,
  useApplication,
  useProposeApplication,
  useRecordSiteVisit,
  useReviewApplication,
  useSubmitApplication,
  useWithdrawApplication,
} from '../api/applications'
import type { Application } from '../api/types'
import { ConditionChecks } from '../components/condition-checks'
import { DecisionModal, type DecisionValues } from '../components/decision-modal'
import { procedureStep, procedureSteps } from '../components/labels'
import { ApplicationStatusTag } from '../components/status-tag'

type Dialog = 'return' | 'notRecommend' | 'visit' | 'notPropose' | 'withdraw' | null

function Declared({ app }: { app: Application }) {
  const compact = useCompact()
  const d = app.declared
  return (
    <Descriptions column={1} size="small" bordered={!compact}>
      <Descriptions.Item label="合作单位">
        {d.partners.length ? d.partners.map((p) => `${p.name}（${p.relation}）`).join('；') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="每年专项资金">
        {d.specialFundsFenPerYear === null ? '—' : formatFen(d.specialFundsFenPerYear)}
      </Descriptions.Item>
      <Descriptions.Item label="基金规模">
        {d.fundSizeFen === null ? '—' : `${formatFen(d.fundSizeFen)}${d.fundName ? `（${d.fundName}）` : ''}`}
      </Descriptions.Item>
      <Descriptions.Item label="服务团队">
        {d.staff
          ? `${d.staff.total} 人，专职 ${d.staff.fullTime} 人，专职技术经理人 ${d.staff.fullTimeTechManagers} 人`
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="顾问专家">{d.advisoryExpertIds.length} 人</Descriptions.Item>
    </Descriptions>
  )
}

function Attachments({ app }: { app: Application }) {
  if (!app.attachments.length) return <NoneYet text="未提交佐证材料" />
  const labels = new Map(app.checks?.results.map((r) => [r.id, r.label]))
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(a) => a.sha256 + a.conditionId}
      dataSource={app.attachments}
      columns={[
        { title: '文件', dataIndex: 'name' },
        {
          title: '对应条件',
          dataIndex: 'conditionId',
          responsive: ['md'],
          render: (id: string) => labels.get(id) ?? id,
        },
        { title: '大小', dataIndex: 'sizeBytes', width: 90, render: (n: number) => formatBytes(n) },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          responsive: ['lg'],
          render: (h: string) => <Typography.Text code>{h.slice(0, 16)}…</Typography.Text>,
        },
      ]}
    />
  )
}

/** What the person in front of the application may do next, by the server's `can`. */
function Actions({ app, open }: { app: Application; open: (d: Dialog) => void }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const review = useReviewApplication()
  const propose = useProposeApplication()
  const accredit = useAccreditApplication()
  const submit = useSubmitApplication()
  const run = async (p: Promise<Application>, done: string) => {
    try {
      const after = await p
      message.success(done)
      return after
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const v = { id: app.id, version: app.version }
  const buttons = []
  if (app.can.edit) {
    buttons.push(
      <Button key="edit" onClick={() => navigate(`/accreditation/applications/${app.id}/edit`)}>
        修改申报
      </Button>,
      <Button key="submit" type="primary" onClick={() => void run(submit.mutateAsync(v), '已提交申报')}>
        {app.status === 'returned' ? '重新提交' : '提交申报'}
      </Button>,
      <Button key="withdraw" danger onClick={() => open('withdraw')}>
        撤回申报
      </Button>,
    )
  }
  if (app.can.review) {
    buttons.push(
      <Popconfirm
        key="recommend"
        title="推荐该申报至市科技局？"
        okText="推荐"
        cancelText="取消"
        onConfirm={() => void run(review.mutateAsync({ ...v, decision: 'recommend' }), '已审核推荐至市科技局')}
      >
        <Button type="primary">审核推荐</Button>
      </Popconfirm>,
      <Button key="return" onClick={() => open('return')}>
        退回修改
      </Button>,
      <Button key="visit" onClick={() => open('visit')}>
        记录实地考察
      </Button>,
      <Button key="notRecommend" danger onClick={() => open('notRecommend')}>
        不予推荐
      </Button>,
    )
  }
  if (app.can.propose) {
    buttons.push(
      <Popconfirm
        key="propose"
        title="将该申报列入拟认定名单？"
        okText="列入"
        cancelText="取消"
        onConfirm={() => void run(propose.mutateAsync({ ...v, decision: 'propose' }), '已列入拟认定名单')}
      >
        <Button type="primary">列入拟认定名单</Button>
      </Popconfirm>,
      <Button key="notPropose" danger onClick={() => open('notPropose')}>
        不列入
      </Button>,
    )
  }
  if (app.can.accredit) {
    buttons.push(
      <Popconfirm
        key="accredit"
        title="公示期满且异议均已处理，正式认定并颁发证书？"
        okText="正式认定"
        cancelText="取消"
        onConfirm={async () => {
          const after = await run(accredit.mutateAsync(v), '已正式认定，证书已生成')
          if (after?.certificate) navigate(`/accreditation/certificates/${after.certificate.id}`)
        }}
      >
        <Button type="primary">正式认定</Button>
      </Popconfirm>,
    )
  }
  return buttons.length ? (
    <Space wrap data-testid="application-actions">
      {buttons}
    </Space>
  ) : null
}

export function ApplicationDetailPage() {
  const { id = '' } = useParams()
  const query = useApplication(id)
  const compact = useCompact()
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<Dialog>(null)
  const review = useReviewApplication()
  const visit = useRecordSiteVisit()
  const propose = useProposeApplication()
  const withdraw = useWithdrawApplication()
  const app = query.data
  if (!app)
    return (
      <Page title="认定申报">
        <RecordState isPending={query.isPending} error={query.error} what="认定申报" backTo="/accreditation" />
      </Page>
    )
  const step = procedureStep(app.status)
  const v = { id: app.id, version: app.version }
  const close = () => setDialog(null)
  const decide = (p: (values: DecisionValues) => Promise<unknown>, done: string) => async (values: DecisionValues) => {
    await p(values)
    message.success(done)
    close()
  }
  return (
    <Page title="认定申报" content={<BackLink to="/accreditation" label="返回认定管理" />}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="application-detail">
        <Card size="small">
          <Space direction="vertical" size={12} style={{ display: 'flex' }}>
            <Space wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="center-name">
                {app.centerName}
              </Typography.Title>
              <ApplicationStatusTag app={app} />
            </Space>
            <Typography.Text type="secondary">
              {app.applicantOrgName} · {app.jurisdictionName} · {app.callTitle}
            </Typography.Text>
            <Steps
              size="small"
              direction={compact ? 'vertical' : 'horizontal'}
              current={step.current}
              status={step.error ? 'error' : app.status === 'accredited' ? 'finish' : 'process'}
              items={procedureSteps.map((title) => ({ title }))}
            />
            {app.decisionNote ? (
              <Typography.Text type="warning" data-testid="decision-note">
                意见：{app.decisionNote}
              </Typography.Text>
            ) : null}
            {app.notice ? (
              <Typography.Text>
                公示期：{app.notice.startOn} 至 {app.notice.endOn}（
                <Link to={`/public-notices/${app.notice.id}`}>查看公示</Link>）· 异议 {app.objections.total} 件，未处理{' '}
                {app.objections.open} 件
              </Typography.Text>
            ) : null}
            {app.certificate ? (
              <Typography.Text>
                认定证书：
                <Link to={`/accreditation/certificates/${app.certificate.id}`}>{app.certificate.certificateNo}</Link>（
                {app.certificate.accreditedOn}）
              </Typography.Text>
            ) : null}
            <Actions app={app} open={setDialog} />
          </Space>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title="认定条件核验">
              <ConditionChecks checks={app.checks} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card size="small" title="申报填写">
                <Declared app={app} />
              </Card>
              <Card size="small" title="佐证材料">
                <Attachments app={app} />
              </Card>
              <Card size="small" title="实地考察">
                {app.siteVisits.length ? (
                  <Timeline
                    data-testid="site-visits"
                    items={app.siteVisits.map((s) => ({
                      children: (
                        <>
                          <Typography.Text strong>{s.visitedOn}</Typography.Text> · {s.byName}
                          <div>{s.findings}</div>
                        </>
                      ),
                    }))}
                  />
                ) : (
                  <NoneYet text="尚无实地考察记录" />
                )}
              </Card>
              <Card size="small" title="办理记录">
                <Timeline
                  data-testid="events"
                  items={app.events.map((e) => ({
                    children: (
                      <>
                        <Typography.Text strong>{e.toLabel}</Typography.Text>
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                          {formatDateTime(e.at)} {e.actorName ?? ''}
                        </Typography.Text>
                        {e.note ? <div>{e.note}</div> : null}
                      </>
                    ),
                  }))}
                />
              </Card>
            </Space>
          </Col>
        </Row>
      </Space>
      <DecisionModal
        open={dialog === 'return'}
        title="退回修改"
        okText="退回"
        noteLabel="退回理由"
        noteRequired
        onCancel={close}
        onSubmit={decide((x) => review.mutateAsync({ ...v, decision: 'return', note: x.note }), '已退回申报单位修改')}
      />
      <DecisionModal
        open={dialog === 'notRecommend'}
        title="不予推荐"
        okText="不予推荐"
        danger
        noteLabel="不予推荐理由"
        noteRequired
        onCancel={close}
        onSubmit={decide((x) => review.mutateAsync({ ...v, decision: 'notRecommend', note: x.note }), '已决定不予推荐')}
      />
      <DecisionModal
        open={dialog === 'visit'}
        title="记录实地考察"
        okText="保存"
        dateLabel="考察日期"
        dateField="visitedOn"
        noteLabel="考察情况"
        noteRequired
        onCancel={close}
        onSubmit={decide(
          (x) => visit.mutateAsync({ ...v, visitedOn: x.date!, findings: x.note ?? '' }),
          '已记录实地考察',
        )}
      />
      <DecisionModal
        open={dialog === 'notPropose'}
        title="不列入拟认定名单"
        okText="不列入"
        danger
        noteLabel="理由"
        noteRequired
        onCancel={close}
        onSubmit={decide((x) => propose.mutateAsync({ ...v, decision: 'notPropose', note: x.note }), '已决定不列入')}
      />
      <DecisionModal
        open={dialog === 'withdraw'}
        title="撤回申报"
        okText="撤回"
        danger
        noteLabel="撤回说明"
        noteRequired={false}
        onCancel={close}
        onSubmit={decide((x) => withdraw.mutateAsync({ ...v, note: x.note }), '已撤回申报')}
      />
    </Page>
  )
}
