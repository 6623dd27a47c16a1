import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd'
import { Link, useLocation, useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { ConfidentialityTag } from '../../../shared/registry/confidentiality'
import { DetailHeader } from '../../../shared/registry/detail-header'
import { BackLink, RecordFacts, RecordState } from '../../../shared/registry/detail-parts'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { InterestButton } from '../../../shared/registry/interest-button'
import { RecordActions } from '../../../shared/registry/record-actions'
import { useCompact } from '../../../shared/responsive'
import { useInstrument } from '../api/get-instrument'
import type { Instrument, InstrumentDuplicate } from '../api/types'
import { AccreditationBadges } from '../components/accreditation-badges'
import { instrumentFieldLabels } from '../components/labels'

function Booking({ instrument }: { instrument: Instrument }) {
  return (
    <Descriptions column={1} size="small" data-testid="booking">
      <Descriptions.Item label="收费标准">
        {instrument.priceFen === null ? (
          <Tag>面议</Tag>
        ) : (
          <Typography.Text strong>{instrument.priceLabel}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="开放时间">{instrument.openHours ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="预约方式">{instrument.bookingMethod ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="放置地点">{instrument.location ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={instrument.availability === 'available' ? 'green' : 'default'}>{instrument.availabilityLabel}</Tag>
      </Descriptions.Item>
    </Descriptions>
  )
}

export function InstrumentDetailPage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const compact = useCompact()
  const duplicates = (location.state as { duplicates?: InstrumentDuplicate[] } | null)?.duplicates ?? []
  const query = useInstrument(id)
  const instrument = query.data
  if (!instrument)
    return (
      <Page title="仪器详情">
        <RecordState isPending={query.isPending} error={query.error} what="仪器设备" backTo="/instruments" />
      </Page>
    )
  return (
    <Page title="仪器详情" content={<BackLink to="/instruments" label="返回仪器设备共享" />}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="instrument-detail">
        <DuplicateAlert
          duplicates={duplicates.map((d) => ({ id: d.id, title: d.name, similarity: d.similarity, reason: d.reason }))}
          linkTo={(other) => `/instruments/${other}`}
          title="已保存。该载体下发现相似的仪器，请确认不是重复登记"
        />
        <DetailHeader
          title={instrument.name}
          tags={
            <>
              <ConfidentialityTag level={instrument.confidentiality} label={instrument.confidentialityLabel} />
              <AccreditationBadges hasCma={instrument.hasCma} hasCnas={instrument.hasCnas} />
              <Tag color="geekblue" bordered={false}>
                {instrument.categoryLabel}
              </Tag>
              {instrument.archived ? <Tag>已归档</Tag> : null}
            </>
          }
          meta={[instrument.carrierName ?? instrument.ownerOrgName, instrument.jurisdictionName]}
          actions={
            <RecordActions
              apiPath="/instruments"
              id={instrument.id}
              noun="仪器"
              archived={instrument.archived}
              canEdit={instrument.canEdit}
              editTo={`/instruments/${instrument.id}/edit`}
              queryRoot="instruments"
              fieldLabels={instrumentFieldLabels}
            >
              {instrument.confidentiality === 'public' && !instrument.canEdit ? (
                <InterestButton
                  recordType="instrument"
                  recordId={instrument.id}
                  recordTitle={instrument.name}
                  ownerOrgId={instrument.ownerOrgId}
                />
              ) : null}
            </RecordActions>
          }
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card title="设备信息" size="small">
                <Descriptions column={compact ? 1 : 2} size="small" className="fm-detail" bordered={!compact}>
                  <Descriptions.Item label="所属载体">
                    {instrument.carrierName ? (
                      <Link to={`/carriers/${instrument.carrierId}`}>{instrument.carrierName}</Link>
                    ) : (
                      <Typography.Text type="secondary">（载体未公开）</Typography.Text>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label="所属机构">{instrument.ownerOrgName}</Descriptions.Item>
                  <Descriptions.Item label="型号">{instrument.model ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="生产厂家">{instrument.manufacturer ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="资产编号">{instrument.assetNumber ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="资质">
                    {instrument.hasCma || instrument.hasCnas ? (
                      <AccreditationBadges hasCma={instrument.hasCma} hasCnas={instrument.hasCnas} />
                    ) : (
                      '无 CMA / CNAS'
                    )}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card title="主要技术指标" size="small">
                <Typography.Paragraph className="fm-detail-text">{instrument.specifications}</Typography.Paragraph>
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card title="预约与收费" size="small">
                <Booking instrument={instrument} />
              </Card>
              <RecordFacts
                createdAt={instrument.createdAt}
                updatedAt={instrument.updatedAt}
                version={instrument.version}
                source={instrument.source}
                sourceLabel={instrument.sourceLabel}
              />
            </Space>
          </Col>
        </Row>
      </Space>
    </Page>
  )
}
