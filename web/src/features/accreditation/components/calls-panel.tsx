import { PlusOutlined } from '@ant-design/icons'
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { useCompact } from '../../../shared/responsive'
import { useCan } from '../../../shared/session'
import { useCalls, useOpenCall } from '../api/calls'
import { usePublishNotice } from '../api/notices'
import type { Call } from '../api/types'

type OpenCallValues = {
  carrierKind: Call['carrierKind']
  title: string
  description?: string
  openedOn: Dayjs
  deadline: Dayjs
}

function OpenCallModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<OpenCallValues>()
  const openCall = useOpenCall()
  const { message } = App.useApp()
  const [problem, setProblem] = useState<string>()
  async function ok() {
    const v = await form.validateFields()
    setProblem(undefined)
    try {
      await openCall.mutateAsync({
        carrierKind: v.carrierKind,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        openedOn: v.openedOn.format('YYYY-MM-DD'),
        deadline: v.deadline.format('YYYY-MM-DD'),
      })
      message.success('认定通知已发布')
      form.resetFields()
      onClose()
    } catch (error) {
      if (!showFieldErrors(form, error, ['carrierKind', 'title', 'description', 'openedOn', 'deadline']))
        setProblem(errorMessage(error))
    }
  }
  return (
    <Modal
      open={open}
      title="发布认定通知"
      okText="发布"
      cancelText="取消"
      okButtonProps={{ loading: openCall.isPending }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form clearOnDestroy form={form} layout="vertical" initialValues={{ carrierKind: 'pocCenter' }} preserve={false}>
        <Form.Item name="carrierKind" label="认定类型" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'pocCenter', label: '概念验证中心' },
              { value: 'pilotPlatform', label: '中试平台' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="通知标题"
          rules={[{ required: true, whitespace: true, message: '请填写通知标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="通知内容">
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="openedOn" label="受理开始日期" rules={[{ required: true, message: '请选择受理开始日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="申报截止日期"
          dependencies={['openedOn']}
          rules={[
            { required: true, message: '请选择申报截止日期' },
            ({ getFieldValue }) => ({
              validator: async (_, value: Dayjs | undefined) => {
                const from = getFieldValue('openedOn') as Dayjs | undefined
                if (value && from && value.isBefore(from, 'day')) throw new Error('截止日期不能早于受理开始日期')
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {problem ? (
          <div role="alert" style={{ color: '#ff4d4f' }}>
            {problem}
          </div>
        ) : null}
      </Form>
    </Modal>
  )
}

function PublishNoticeModal({ call, onClose }: { call: Call | null; onClose: () => void }) {
  const [form] = Form.useForm<{ startOn: Dayjs; title?: string }>()
  const publish = usePublishNotice()
  const navigate = useNavigate()
  const [problem, setProblem] = useState<string>()
  async function ok() {
    if (!call) return
    const v = await form.validateFields()
    setProblem(undefined)
    try {
      const notice = await publish.mutateAsync({
        callId: call.id,
        startOn: v.startOn.format('YYYY-MM-DD'),
        title: v.title?.trim() || undefined,
      })
      onClose()
      navigate(`/public-notices/${notice.id}`)
    } catch (error) {
      if (!showFieldErrors(form, error, ['startOn', 'title'])) setProblem(errorMessage(error))
    }
  }
  return (
    <Modal
      open={!!call}
      title="发布拟认定名单公示"
      okText="发布公示"
      cancelText="取消"
      okButtonProps={{ loading: publish.isPending }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        “{call?.title}”下列入拟认定名单的申报一并公示。公示期按工作日计算（首日为工作日时计入，跳过周末和法定节假日，
        调休上班日计入），截止日期由平台按节假日安排算出。
      </Typography.Paragraph>
      <Form clearOnDestroy form={form} layout="vertical" preserve={false}>
        <Form.Item name="startOn" label="公示开始日期" rules={[{ required: true, message: '请选择公示开始日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="公示标题（可选）">
          <Input maxLength={200} placeholder={call ? `${call.title}拟认定名单公示` : ''} />
        </Form.Item>
        {problem ? (
          <div role="alert" style={{ color: '#ff4d4f' }} data-testid="publish-problem">
            {problem}
          </div>
        ) : null}
      </Form>
    </Modal>
  )
}

/** 通知发布: the city's calls; an applicant applies from here, the city officer opens calls and publishes notices. */
export function CallsPanel({ city }: { city?: string }) {
  const can = useCan()
  const compact = useCompact()
  const navigate = useNavigate()
  const calls = useCalls(city)
  const [opening, setOpening] = useState(false)
  const [publishing, setPublishing] = useState<Call | null>(null)
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }}>
      {can('accreditation.manage') ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
          发布认定通知
        </Button>
      ) : null}
      <Table<Call>
        size="small"
        rowKey="id"
        loading={calls.isPending}
        dataSource={calls.data?.items ?? []}
        pagination={false}
        data-testid="calls"
        locale={{ emptyText: '暂无认定通知' }}
        columns={[
          {
            title: '通知',
            dataIndex: 'title',
            render: (title: string, c) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.jurisdictionName} · {c.carrierKindLabel}
                  {compact ? ` · ${c.openedOn} 至 ${c.deadline}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '申报期',
            responsive: ['md'],
            render: (_, c) => `${c.openedOn} 至 ${c.deadline}`,
          },
          {
            title: '状态',
            width: 90,
            render: (_, c) =>
              c.accepting ? (
                <Tag color="green">受理中</Tag>
              ) : (
                <Tag>{c.status === 'closed' ? '已截止' : '未在申报期'}</Tag>
              ),
          },
          {
            title: '操作',
            width: compact ? 90 : 200,
            render: (_, c) => (
              <Space wrap size={4}>
                {can('accreditation.apply') && c.accepting ? (
                  <Button size="small" type="link" onClick={() => navigate(`/accreditation/apply?call=${c.id}`)}>
                    申报
                  </Button>
                ) : null}
                {can('accreditation.manage') ? (
                  <Button size="small" type="link" onClick={() => setPublishing(c)}>
                    发布公示
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <OpenCallModal open={opening} onClose={() => setOpening(false)} />
      <PublishNoticeModal call={publishing} onClose={() => setPublishing(null)} />
    </Space>
  )
}
