import { PrinterOutlined } from '@ant-design/icons'
import { Button, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd'
import { useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, NoneYet, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { useAccreditation, useEvaluations } from '../api/accreditations'
import { CertificateCard } from '../components/certificate-card'
import { DynamicManagement } from '../components/dynamic-management'
import { EvaluationForm } from '../components/evaluation-form'
import { ScorecardView } from '../components/scorecard-view'
import { cityOfArea } from './accreditation-page'

const statusColors = { active: 'green', revoked: 'red', terminated: 'default' } as const

/**
 * A carrier's accreditation page: the certificate (printable), why it was granted, its annual evaluations
 * with their scorecards, and its dynamic management.
 */
export function CertificatePage() {
  const { id = '' } = useParams()
  const query = useAccreditation(id)
  const user = useCurrentUser()
  const can = useCan()
  const compact = useCompact()
  const a = query.data
  const own = !!a && a.orgId === user.orgId
  const cityOfficer = !!a && can('accreditation.manage') && cityOfArea(user.jurisdictionCode) === a.jurisdictionCode
  const mayRead = own || cityOfficer || can('accreditation.review')
  const evaluations = useEvaluations(id, !!a && mayRead)
  if (!a)
    return (
      <Page title="认定证书">
        <RecordState
          isPending={query.isPending}
          error={query.error}
          what="认定记录"
          backTo="/accreditation?tab=certificates"
        />
      </Page>
    )
  return (
    <Page
      title="认定证书"
      content={<BackLink to="/accreditation?tab=certificates" label="返回认定名录" />}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印证书
        </Button>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small">
              <CertificateCard accreditation={a} />
            </Card>
            <Card size="small" title="年度绩效评价">
              {evaluations.data?.items.length ? (
                <Space direction="vertical" size={12} style={{ display: 'flex' }}>
                  {evaluations.data.items.map((e) => (
                    <ScorecardView key={e.id} evaluation={e} />
                  ))}
                </Space>
              ) : (
                <NoneYet text={mayRead ? '尚未开展年度绩效评价' : '绩效评价结果仅本单位及主管部门可见'} />
              )}
            </Card>
            {cityOfficer && a.status === 'active' ? <EvaluationForm accreditationId={a.id} /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small" title="认定信息">
              <Descriptions column={1} size="small" bordered={!compact}>
                <Descriptions.Item label="状态">
                  <Tag color={statusColors[a.status]} data-testid="accreditation-status">
                    {a.statusLabel}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label="级别">{a.levelLabel}</Descriptions.Item>
                <Descriptions.Item label="认定日期">{a.accreditedOn}</Descriptions.Item>
                <Descriptions.Item label="来源">{a.sourceLabel}</Descriptions.Item>
                <Descriptions.Item label="所在城市">{a.jurisdictionName}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title="认定经过">
              <Timeline
                data-testid="accreditation-explanation"
                items={a.explanation.map((s) => ({
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
            <DynamicManagement
              accreditation={a}
              mayReport={own && can('accreditation.apply')}
              mayManage={cityOfficer}
            />
          </Space>
        </Col>
      </Row>
    </Page>
  )
}
