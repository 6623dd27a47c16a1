import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { ActionModal } from '../../../shared/action-modal'
import { useIssueReport } from '../api/report'
import type { VerificationDetail } from '../api/types'
import { DirectorField, defaultDirector } from './stage-actions'

const roleLabels: Record<string, string> = { director: '主任', administrative: '行政主任', technical: '技术主任' }

/** 验证报告: issuing once every planned gate has passed, and every report issued with its code. */
export function ReportPanel({ detail }: { detail: VerificationDetail }) {
  const issue = useIssueReport(detail.projectId)
  const ready = detail.status === 'gatesPassed'
  return (
    <Card size="small" title="验证报告" data-testid="report-panel">
      {detail.canManage && ready ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`各阶段评审已通过，可出具${detail.reportKindLabel}`}
          action={
            <ActionModal<{ directorName: string }>
              title={`出具${detail.reportKindLabel}`}
              trigger={<Button type="primary">出具报告</Button>}
              okText="签发"
              done="报告已出具，验证码已生成"
              initialValues={{ directorName: defaultDirector(detail, 'report') }}
              onSubmit={(v) => issue.mutateAsync(v.directorName)}
            >
              <Typography.Paragraph type="secondary">
                报告内容（各阶段评审结论、交付成果摘要、代工记录）签发后固定，并以 SM3
                摘要登记在审计链中；任何概念验证中心可凭验证码核验（结果互认）。
              </Typography.Paragraph>
              <DirectorField detail={detail} purpose="report" />
            </ActionModal>
          }
        />
      ) : null}
      {!ready && detail.status === 'running' && !detail.reports.length ? (
        <Typography.Paragraph type="secondary">各阶段评审通过后即可出具{detail.reportKindLabel}。</Typography.Paragraph>
      ) : null}
      {detail.status === 'running' && detail.reports.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="验证已重新开启：重新通过评审后需出具新的报告，新报告将取代原报告"
        />
      ) : null}
      <List
        dataSource={[...detail.reports].reverse()}
        locale={{ emptyText: '尚未出具报告' }}
        renderItem={(r) => (
          <List.Item
            data-testid="report-item"
            actions={[
              <Link key="print" to={`/reports/${r.code}/print`} target="_blank">
                <PrinterOutlined /> 打印
              </Link>,
              <Link key="check" to={`/report-check?code=${r.code}`}>
                <SafetyCertificateOutlined /> 核验
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{r.kindLabel}</span>
                  <Typography.Text copyable code data-testid="report-code">
                    {r.code}
                  </Typography.Text>
                  {r.current ? (
                    <Tag color="success">现行有效</Tag>
                  ) : r.supersededBy ? (
                    <Tag>已被取代</Tag>
                  ) : (
                    <Tag color="warning">验证已于 {r.reopenedOn ?? '—'} 重新开启，不再现行有效</Tag>
                  )}
                </Space>
              }
              description={`${r.issuedOn} 出具 · ${r.signedByName}（${roleLabels[r.signedByRole] ?? r.signedByRole}）签署 · SM3 ${r.digest.slice(0, 16)}…`}
            />
          </List.Item>
        )}
      />
    </Card>
  )
}
