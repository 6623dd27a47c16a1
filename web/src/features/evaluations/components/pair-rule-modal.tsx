import { App, Button, Empty, Form, Input, Modal, Radio, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { useCandidates, useSetPairRule } from '../api/assignment'
import type { Candidate, RoundItem } from '../api/types'
import { ExpertSelect } from './expert-select'

/**
 * 固定 / 禁止 a pair for one project: from the project's candidates (affinity, 为什么推荐, conflicts) or any expert in
 * the registry. Takes effect on the next run, which keeps pinned and accepted seats.
 */
export function PairRuleButton({ roundId, item, disabled }: { roundId: string; item: RoundItem; disabled?: boolean }) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const candidates = useCandidates(roundId, open ? item.projectId : undefined)
  const setRule = useSetPairRule()
  const [form] = Form.useForm<{ expertId: string; kind: 'pin' | 'forbid'; note?: string }>()
  const save = async (expertId: string, kind: 'pin' | 'forbid', note?: string) => {
    try {
      await setRule.mutateAsync({ id: roundId, projectId: item.projectId, expertId, kind, note: note || undefined })
      message.success(kind === 'pin' ? '已固定，重新分配时保留' : '已禁止，重新分配时不再安排')
      return true
    } catch (error) {
      message.error(errorMessage(error))
      return false
    }
  }
  return (
    <>
      <Button size="small" disabled={disabled} onClick={() => setOpen(true)}>
        固定 / 禁止专家
      </Button>
      <Modal
        open={open}
        title={`固定或禁止评审专家 · ${item.title}`}
        width={760}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          固定的专家在每次重新分配时保留；禁止的专家不再分配给该项目。有利益冲突的专家即使固定也会被排除并说明原因。
        </Typography.Paragraph>
        <Typography.Title level={5}>推荐候选专家</Typography.Title>
        {candidates.isPending ? (
          <Skeleton active />
        ) : candidates.data?.items.length ? (
          <Table<Candidate>
            size="small"
            rowKey="expertId"
            pagination={{ pageSize: 6, size: 'small' }}
            dataSource={candidates.data.items}
            scroll={{ x: 640 }}
            columns={[
              {
                title: '专家',
                dataIndex: 'expertName',
                render: (_, c) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{c.expertName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.thinkTankLabels.join('、')}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: '匹配度', dataIndex: 'affinity', width: 80, render: (v: number) => v.toFixed(2) },
              {
                title: '推荐理由 / 回避原因',
                render: (_, c) =>
                  c.conflicts.length ? (
                    c.conflicts.map((x) => (
                      <Tag key={x.detail} color="red" style={{ whiteSpace: 'normal' }}>
                        {x.detail}
                      </Tag>
                    ))
                  ) : (
                    <Typography.Text style={{ fontSize: 12 }}>{c.reasons.join('；')}</Typography.Text>
                  ),
              },
              {
                title: '操作',
                width: 130,
                render: (_, c) => (
                  <Space size={4}>
                    {c.pinned ? <Tag color="blue">已固定</Tag> : null}
                    {c.forbidden ? <Tag color="red">已禁止</Tag> : null}
                    {!c.pinned ? (
                      <Button size="small" type="link" onClick={() => void save(c.expertId, 'pin')}>
                        固定
                      </Button>
                    ) : null}
                    {!c.forbidden ? (
                      <Button size="small" type="link" danger onClick={() => void save(c.expertId, 'forbid')}>
                        禁止
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="运行分配后显示候选专家" />
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          指定专家库中的专家
        </Typography.Title>
        <Form
          clearOnDestroy
          form={form}
          layout="vertical"
          initialValues={{ kind: 'pin' }}
          onFinish={async (v) => {
            if (await save(v.expertId, v.kind, v.note)) form.resetFields(['expertId', 'note'])
          }}
        >
          <Form.Item name="expertId" label="专家" rules={[{ required: true, message: '请选择专家' }]}>
            <ExpertSelect />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="kind" label="设置">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'pin', label: '固定' },
                  { value: 'forbid', label: '禁止' },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label="说明（可选）">
              <Input maxLength={200} style={{ width: 260 }} placeholder="如：邀请外市专家跨市评审" />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={setRule.isPending}>
            保存
          </Button>
        </Form>
      </Modal>
    </>
  )
}
