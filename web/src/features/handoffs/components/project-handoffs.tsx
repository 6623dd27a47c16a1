import { Alert, App, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { type PilotSuggestion, useHandoffChanges, usePilotSuggestions, useProjectHandoffs } from '../api/handoffs'
import { HandoffCard } from './handoff-card'
import { handoffStatusLabels } from './labels'

const OFFERABLE = ['verified', 'handedOff']

function Suggestions({ projectId }: { projectId: string }) {
  const { message } = App.useApp()
  const query = usePilotSuggestions(projectId, true)
  const changes = useHandoffChanges()
  const [selected, setSelected] = useState<string[]>([])
  const [note, setNote] = useState('项目已完成概念验证，邀请贵平台开展中试熟化与小批量试制。')
  const offer = async () => {
    try {
      await changes.offer.mutateAsync({ projectId, carrierIds: selected, message: note })
      message.success(`已推送至 ${selected.length} 个中试平台，等待答复`)
      setSelected([])
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  return (
    <Card size="small" title="推荐中试平台" data-testid="pilot-suggestions">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        按中试能力、产业领域、认定级别与距离排序，可多选后一并推送；推送后平台可查看项目并答复承接或婉拒。
      </Typography.Paragraph>
      <Table<PilotSuggestion>
        size="small"
        rowKey="carrierId"
        loading={query.isPending}
        pagination={false}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: query.isError ? `加载失败：${errorMessage(query.error)}` : '暂无可推荐的中试平台' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (s) => ({
            disabled: s.offerStatus === 'offered' || s.offerStatus === 'accepted',
            'aria-label': `选择 ${s.name}`,
          }),
        }}
        columns={[
          {
            title: '中试平台',
            dataIndex: 'name',
            render: (name: string, s) => (
              <Space direction="vertical" size={2}>
                <Space wrap size={4}>
                  <Typography.Text strong>{name}</Typography.Text>
                  {s.offerStatus ? <Tag color="gold">{handoffStatusLabels[s.offerStatus]}</Tag> : null}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.orgName} · {s.jurisdictionName} · {s.levelLabel}
                  {s.distanceKm !== null ? ` · 距本中心约 ${s.distanceKm} 公里` : ''}
                </Typography.Text>
                <Space wrap size={[4, 4]}>
                  {s.reasons.map((r) => (
                    <Tag key={r} bordered={false} color="blue" style={{ marginInlineEnd: 0 }}>
                      {r}
                    </Tag>
                  ))}
                </Space>
              </Space>
            ),
          },
          { title: '匹配度', dataIndex: 'score', width: 80, responsive: ['md'], render: (v: number) => v.toFixed(2) },
        ]}
      />
      <Space direction="vertical" style={{ display: 'flex', marginTop: 12 }}>
        <Input.TextArea
          aria-label="推送说明"
          rows={2}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button type="primary" disabled={!selected.length} loading={changes.offer.isPending} onClick={offer}>
          推送至所选中试平台{selected.length ? `（${selected.length}）` : ''}
        </Button>
      </Space>
    </Card>
  )
}

/** 中试对接 of a project: suggestions and offers for the center, every hand-off with its progress and findings. */
export function ProjectHandoffs({
  projectId,
  projectStatus,
  canManage,
}: {
  projectId: string
  projectStatus: string
  canManage: boolean
}) {
  const list = useProjectHandoffs(projectId)
  const items = list.data?.items ?? []
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }}>
      {canManage && OFFERABLE.includes(projectStatus) ? <Suggestions projectId={projectId} /> : null}
      {canManage && !OFFERABLE.includes(projectStatus) && !items.length ? (
        <Alert type="info" showIcon message="项目出具验证报告（验证完成）后，可推送至中试平台" />
      ) : null}
      {list.isError ? <Alert type="error" showIcon message={`加载失败：${errorMessage(list.error)}`} /> : null}
      {items.map((h) => (
        <HandoffCard key={h.id} handoff={h} />
      ))}
      {!list.isPending && !items.length && !list.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未推送中试" />
      ) : null}
    </Space>
  )
}
