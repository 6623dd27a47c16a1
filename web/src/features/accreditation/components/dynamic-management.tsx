import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useChanges, useReassessChange, useReportChange, useRevokeAccreditation } from '../api/accreditations'
import type { Accreditation, Change } from '../api/types'
import { DecisionModal } from './decision-modal'
import { changeKindOptions, revocationCauseOptions } from './labels'

/**
 * 动态管理 (有进有出, 指引 五、六): major changes reported within three months (a late report is flagged) and
 * reassessed, revocation with its two-year bar, and automatic ends — all on the carrier's accreditation page.
 */
export function DynamicManagement({
  accreditation: a,
  mayReport,
  mayManage,
}: {
  accreditation: Accreditation
  mayReport: boolean
  mayManage: boolean
}) {
  const changes = useChanges(a.id, mayReport || mayManage)
  const report = useReportChange(a.id)
  const reassess = useReassessChange()
  const revoke = useRevokeAccreditation(a.id)
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<'report' | 'revoke' | Change | null>(null)
  const active = a.status === 'active'
  return (
    <Card size="small" title="动态管理" data-testid="dynamic-management">
      <Space direction="vertical" size={12} style={{ display: 'flex' }}>
        {a.status !== 'active' ? (
          <Alert
            type="error"
            showIcon
            message={`${a.statusLabel}${a.endedOn ? `（${a.endedOn}）` : ''}`}
            description={
              <>
                {a.statusBecause}
                {a.barredUntil ? <div data-testid="barred-until">{a.barredUntil} 前不得再次申报认定</div> : null}
              </>
            }
          />
        ) : null}
        <Table<Change>
          size="small"
          rowKey="id"
          pagination={false}
          loading={changes.isPending && changes.fetchStatus !== 'idle'}
          dataSource={changes.data?.items ?? []}
          scroll={{ x: 420 }}
          data-testid="changes"
          locale={{ emptyText: '未报告重大变化' }}
          columns={[
            {
              title: '重大变化',
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {c.kindLabel}（{c.occurredOn}）
                  </Typography.Text>
                  <span>{c.description}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    报告于 {c.reportedOn}，应于 {c.deadline} 前报告
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '报告时限',
              width: 110,
              render: (_, c) => <Tag color={c.late ? 'red' : 'green'}>{c.lateLabel}</Tag>,
            },
            {
              title: '重新评估',
              width: 150,
              render: (_, c) =>
                c.reassessment === 'pending' && mayManage ? (
                  <Button size="small" type="link" onClick={() => setDialog(c)}>
                    评估
                  </Button>
                ) : (
                  <Space direction="vertical" size={0}>
                    <Tag
                      color={
                        c.reassessment === 'noLongerQualifies'
                          ? 'red'
                          : c.reassessment === 'pending'
                            ? 'orange'
                            : 'green'
                      }
                    >
                      {c.reassessmentLabel}
                    </Tag>
                    {c.reassessmentNote ? (
                      <Typography.Text type="secondary">{c.reassessmentNote}</Typography.Text>
                    ) : null}
                  </Space>
                ),
            },
          ]}
        />
        <Space wrap>
          {mayReport && active ? <Button onClick={() => setDialog('report')}>报告重大变化</Button> : null}
          {mayManage && active ? (
            <Button danger onClick={() => setDialog('revoke')}>
              撤销认定
            </Button>
          ) : null}
        </Space>
      </Space>
      <DecisionModal
        open={dialog === 'report'}
        title="报告重大变化（发生后三个月内）"
        okText="报告"
        choice={{ label: '变化类型', options: changeKindOptions }}
        dateLabel="发生日期"
        dateField="occurredOn"
        noteLabel="变化情况"
        noteRequired
        noteMin={10}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          const c = await report.mutateAsync({
            kind: v.choice as Change['kind'],
            occurredOn: v.date!,
            description: v.note ?? '',
          })
          if (c.late) message.warning(`已报告；超过报告时限（${c.deadline}），已标记为逾期报告`)
          else message.success('已报告，等待市科技局重新评估')
          setDialog(null)
        }}
      />
      <DecisionModal
        open={typeof dialog === 'object' && dialog !== null}
        title="重新评估认定条件"
        okText="保存评估结果"
        choice={{
          label: '评估结论',
          options: [
            { value: 'stillQualifies', label: '仍符合认定条件' },
            { value: 'noLongerQualifies', label: '不再符合认定条件（终止认定）' },
          ],
        }}
        noteLabel="审核意见"
        noteRequired
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await reassess.mutateAsync({
            id: (dialog as Change).id,
            outcome: v.choice as 'stillQualifies' | 'noLongerQualifies',
            note: v.note ?? '',
          })
          message.success('评估结果已保存')
          setDialog(null)
        }}
      />
      <DecisionModal
        open={dialog === 'revoke'}
        title="撤销认定"
        okText="撤销认定"
        danger
        choice={{ label: '撤销情形', options: revocationCauseOptions }}
        noteLabel="撤销事实与依据"
        noteRequired
        noteMin={10}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await revoke.mutateAsync({ cause: v.choice!, note: v.note ?? '' })
          message.success('已撤销认定；两年内不得再次申报')
          setDialog(null)
        }}
      />
    </Card>
  )
}
