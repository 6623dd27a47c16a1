import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { showFieldErrors } from '../../../shared/form-errors'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { useFileObjection, useNotice, useObjections, useResolveObjection } from '../api/notices'
import type { Notice, Objection } from '../api/types'
import { DecisionModal } from '../components/decision-modal'
import { NoticesPanel } from '../components/notices-panel'
import { cityOfArea } from './accreditation-page'

const phaseColors = { upcoming: 'blue', open: 'purple', ended: 'default' } as const
const objectionLabels = { open: '待处理', upheld: '异议成立', dismissed: '异议不成立' } as const
const objectionColors = { open: 'orange', upheld: 'red', dismissed: 'green' } as const

function ObjectionModal({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ applicationId: string; reason: string }>()
  const file = useFileObjection(notice.id)
  const { message } = App.useApp()
  const [problem, setProblem] = useState<string>()
  async function ok() {
    const v = await form.validateFields()
    setProblem(undefined)
    try {
      await file.mutateAsync({ applicationId: v.applicationId, reason: v.reason.trim() })
      message.success('异议已提交，市科技局将在认定前核查处理')
      form.resetFields()
      onClose()
    } catch (error) {
      if (!showFieldErrors(form, error, ['applicationId', 'reason'])) setProblem(errorMessage(error))
    }
  }
  return (
    <Modal
      open={open}
      title="提出异议"
      okText="提交异议"
      cancelText="取消"
      okButtonProps={{ loading: file.isPending }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        公示期内（{notice.startOn} 至 {notice.endOn}
        ）可对公示名单提出异议，请写明事实与依据；异议人的单位仅市科技局可见。
      </Typography.Paragraph>
      <Form clearOnDestroy form={form} layout="vertical" preserve={false}>
        <Form.Item name="applicationId" label="异议对象" rules={[{ required: true, message: '请选择异议对象' }]}>
          <Select options={notice.entries.map((e) => ({ value: e.applicationId, label: e.centerName }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="异议理由"
          rules={[
            { required: true, whitespace: true, message: '请填写异议理由' },
            { min: 10, message: '异议理由至少 10 个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {problem ? (
          <div role="alert" style={{ color: '#ff4d4f' }} data-testid="objection-problem">
            {problem}
          </div>
        ) : null}
      </Form>
    </Modal>
  )
}

/** 异议处理 (市科技局): every objection must be resolved before 正式认定; an upheld one ends the application. */
function Objections({ notice }: { notice: Notice }) {
  const list = useObjections(notice.id, true)
  const resolve = useResolveObjection()
  const { message } = App.useApp()
  const [resolving, setResolving] = useState<Objection | null>(null)
  return (
    <Card size="small" title="异议处理">
      <Table<Objection>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="objections"
        locale={{ emptyText: '公示期内未收到异议' }}
        columns={[
          {
            title: '异议',
            dataIndex: 'reason',
            render: (reason: string, o) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{o.centerName}</Typography.Text>
                <span>{reason}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.filedByOrgName} · {o.filedOn}
                </Typography.Text>
                {o.resolutionNote ? (
                  <Typography.Text type="secondary">处理意见：{o.resolutionNote}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: '状态',
            width: 150,
            render: (_, o) =>
              o.status === 'open' ? (
                <Space wrap size={4}>
                  <Tag color={objectionColors.open}>{objectionLabels.open}</Tag>
                  <Button size="small" type="link" onClick={() => setResolving(o)}>
                    处理
                  </Button>
                </Space>
              ) : (
                <Tag color={objectionColors[o.status]}>{objectionLabels[o.status]}</Tag>
              ),
          },
        ]}
      />
      <DecisionModal
        open={!!resolving}
        title={`处理异议：${resolving?.centerName ?? ''}`}
        okText="保存处理结果"
        choice={{
          label: '核查结论',
          options: [
            { value: 'dismissed', label: '异议不成立（继续认定）' },
            { value: 'upheld', label: '异议成立（不予认定）' },
          ],
        }}
        noteLabel="处理意见"
        noteRequired
        onCancel={() => setResolving(null)}
        onSubmit={async (v) => {
          await resolve.mutateAsync({
            id: resolving!.id,
            outcome: v.choice as 'upheld' | 'dismissed',
            note: v.note ?? '',
          })
          message.success('异议已处理')
          setResolving(null)
        }}
      />
    </Card>
  )
}

export function NoticeDetailPage() {
  const { id = '' } = useParams()
  const query = useNotice(id)
  const can = useCan()
  const user = useCurrentUser()
  const compact = useCompact()
  const [objecting, setObjecting] = useState(false)
  const notice = query.data
  if (!notice)
    return (
      <Page title="公示">
        <RecordState isPending={query.isPending} error={query.error} what="公示" backTo="/public-notices" />
      </Page>
    )
  const isCityOfficer = can('accreditation.manage') && cityOfArea(user.jurisdictionCode) === notice.jurisdictionCode
  return (
    <Page title="公示" content={<BackLink to="/public-notices" label="返回公示列表" />}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="notice-detail">
        <Card size="small">
          <Space direction="vertical" size={12} style={{ display: 'flex' }}>
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {notice.title}
              </Typography.Title>
              <Tag color={phaseColors[notice.phase]} data-testid="notice-phase">
                {notice.phaseLabel}
              </Tag>
            </Space>
            <Descriptions column={compact ? 1 : 3} size="small" bordered={!compact} data-testid="notice-period">
              <Descriptions.Item label="公示开始">{notice.startOn}</Descriptions.Item>
              <Descriptions.Item label="公示截止">
                <span data-testid="notice-end">{notice.endOn}</span>
              </Descriptions.Item>
              <Descriptions.Item label="公示期">{notice.workdays.length} 个工作日</Descriptions.Item>
              <Descriptions.Item label="发布单位">{notice.jurisdictionName}科技局</Descriptions.Item>
              <Descriptions.Item label="发布时间" span={compact ? 1 : 2}>
                {formatDateTime(notice.publishedAt)}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap size={4} data-testid="notice-workdays">
              <Typography.Text type="secondary">计入的工作日：</Typography.Text>
              {notice.workdays.map((d) => (
                <Tag key={d} color="purple" bordered={false}>
                  {d}
                </Tag>
              ))}
            </Space>
            {notice.phase === 'open' && can('accreditation.object') ? (
              <Button onClick={() => setObjecting(true)}>提出异议</Button>
            ) : null}
          </Space>
        </Card>
        <Card size="small" title="公示名单">
          <Table
            size="small"
            rowKey="applicationId"
            pagination={false}
            dataSource={notice.entries}
            data-testid="notice-entries"
            columns={[
              {
                title: '名称',
                dataIndex: 'centerName',
                render: (name: string, e) =>
                  can('accreditation.read') ? (
                    <Link to={`/accreditation/applications/${e.applicationId}`}>{name}</Link>
                  ) : (
                    name
                  ),
              },
              { title: '建设主体', dataIndex: 'organizationName', responsive: ['md'] },
              { title: '状态', dataIndex: 'statusLabel', width: 100 },
              ...(isCityOfficer
                ? [
                    {
                      title: '异议',
                      width: 110,
                      render: (_: unknown, e: Notice['entries'][number]) =>
                        e.objections ? `${e.objections} 件（未处理 ${e.openObjections}）` : '无',
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {isCityOfficer ? <Objections notice={notice} /> : null}
        <Card size="small" title="公示期计算说明">
          <Timeline
            data-testid="notice-explanation"
            items={notice.explanation.map((s) => ({
              children: (
                <>
                  <Typography.Text strong>{s.step}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{s.because}</Typography.Text>
                  </div>
                </>
              ),
            }))}
          />
        </Card>
      </Space>
      <ObjectionModal notice={notice} open={objecting} onClose={() => setObjecting(false)} />
    </Page>
  )
}

/** 认定公示: every signed-in person may read notices and object while one runs. */
export function NoticesPage() {
  return (
    <Page title="认定公示">
      <Card size="small">
        <NoticesPanel />
      </Card>
    </Page>
  )
}
