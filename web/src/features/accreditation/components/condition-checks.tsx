import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Alert, List, Space, Tag, Typography } from 'antd'
import type { Application } from '../api/types'
import { conditionColors } from './labels'

const icons = {
  met: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  notMet: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  evidenceMissing: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
  pending: <ExclamationCircleFilled style={{ color: '#bfbfbf' }} />,
}

/**
 * Every condition of the rules in force, met or not, with its evidence: what the platform's records show
 * (平台记录) and what the applicant declared (申报填写), and the reason in one line.
 */
export function ConditionChecks({ checks }: { checks: Application['checks'] }) {
  if (!checks) return <Alert type="info" showIcon message="保存草稿后，平台将按认定条件逐项核验并显示结果与佐证" />
  const failing = checks.total - checks.met
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }} data-testid="condition-checks">
      <Alert
        type={failing ? 'warning' : 'success'}
        showIcon
        message={
          failing
            ? `认定条件 ${checks.total} 项，已满足 ${checks.met} 项，尚有 ${failing} 项未满足`
            : `认定条件 ${checks.total} 项全部满足`
        }
        description={`依据：${checks.ruleVersion}，核验日期 ${checks.on}`}
      />
      <List
        size="small"
        bordered
        dataSource={checks.results}
        renderItem={(r) => (
          <List.Item data-testid={`condition-${r.id}`}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={6}>
                {icons[r.status]}
                <Typography.Text strong>{r.label}</Typography.Text>
                <Tag color={conditionColors[r.status]} bordered={false}>
                  {r.statusLabel}
                </Tag>
                <Tag color={r.source === 'platform' ? 'cyan' : 'default'} bordered={false}>
                  {r.source === 'platform' ? '平台记录' : '申报填写'}
                </Tag>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {r.because}
                <span style={{ marginInlineStart: 8, fontSize: 12 }}>（{r.cite}）</span>
              </Typography.Text>
              {r.evidence.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 20, fontSize: 13 }} data-testid="evidence">
                  {r.evidence.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  )
}
