import { CheckCircleFilled } from '@ant-design/icons'
import { Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd'
import { useLocation, useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { ConfidentialityTag } from '../../../shared/registry/confidentiality'
import { DetailHeader } from '../../../shared/registry/detail-header'
import {
  BackLink,
  LocationText,
  NoneYet,
  RecordFacts,
  RecordState,
  TagList,
} from '../../../shared/registry/detail-parts'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { InterestButton } from '../../../shared/registry/interest-button'
import { RecordActions } from '../../../shared/registry/record-actions'
import { useCompact } from '../../../shared/responsive'
import { useCarrier } from '../api/get-carrier'
import type { Carrier, CarrierDuplicate } from '../api/types'
import { carrierFieldLabels } from '../components/labels'

type Capability = Carrier['capabilities'][number]
type Fee = Carrier['feeStandards'][number]
type Director = Carrier['directors'][number]

function Capabilities({ items }: { items: readonly Capability[] }) {
  if (!items.length) return <NoneYet text="暂未填写验证能力清单" />
  return (
    <Table<Capability>
      size="small"
      pagination={false}
      rowKey={(c) => `${c.category}:${c.name}`}
      dataSource={items}
      data-testid="capabilities"
      columns={[
        {
          title: '类别',
          dataIndex: 'categoryLabel',
          width: 130,
          render: (label: string) => <Tag color="cyan">{label}</Tag>,
        },
        {
          title: '能力',
          dataIndex: 'name',
          render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
        },
        {
          title: '说明',
          dataIndex: 'description',
          responsive: ['md'],
          render: (text: string | null) => text ?? '—',
        },
      ]}
    />
  )
}

function Fees({ items }: { items: readonly Fee[] }) {
  if (!items.length) return <NoneYet text="暂未公布收费标准" />
  return (
    <Table<Fee>
      size="small"
      pagination={false}
      rowKey={(f) => `${f.item}:${f.unit}`}
      dataSource={items}
      data-testid="fees"
      columns={[
        { title: '收费项目', dataIndex: 'item' },
        { title: '计费单位', dataIndex: 'unit', width: 90 },
        {
          title: '价格',
          dataIndex: 'priceLabel',
          width: 140,
          align: 'right',
          render: (label: string, fee) => (fee.priceFen === null ? <Tag>面议</Tag> : label),
        },
      ]}
    />
  )
}

function Directors({ carrier }: { carrier: Carrier }) {
  if (!carrier.directors.length) return <NoneYet text="暂未填写主任" />
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Director>
        size="small"
        pagination={false}
        rowKey={(d) => `${d.role}:${d.name}`}
        dataSource={carrier.directors}
        data-testid="directors"
        columns={[
          { title: '职务', dataIndex: 'roleLabel', width: 90, render: (label: string) => <Tag>{label}</Tag> },
          { title: '姓名', dataIndex: 'name' },
          { title: '职称', dataIndex: 'title', render: (title: string | null) => title ?? '—' },
        ]}
      />
      {carrier.hasDualDirectors ? (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          <CheckCircleFilled /> 实行行政主任与技术主任“双主任制”
        </Typography.Text>
      ) : null}
    </Space>
  )
}

function Details({ carrier }: { carrier: Carrier }) {
  const compact = useCompact()
  return (
    <Descriptions column={compact ? 1 : 2} size="small" className="fm-detail" bordered={!compact}>
      <Descriptions.Item label="载体类型">
        {carrier.kindLabel}
        {carrier.subtypeLabel ? ` · ${carrier.subtypeLabel}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="运营机构">{carrier.ownerOrgName}</Descriptions.Item>
      <Descriptions.Item label="认定">
        {carrier.accreditationLabel}
        {carrier.level ? ` · ${carrier.levelLabel}` : ''}
        {carrier.accreditationYear ? `（${carrier.accreditationYear} 年）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="依托单位">{carrier.hostInstitution ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="产业领域" span={compact ? 1 : 2}>
        <TagList items={carrier.industries.map((i) => i.name)} color="blue" />
      </Descriptions.Item>
      <Descriptions.Item label="地址与坐标" span={compact ? 1 : 2}>
        <LocationText address={carrier.address} longitude={carrier.longitude} latitude={carrier.latitude} />
      </Descriptions.Item>
      <Descriptions.Item label="所在地区">{carrier.jurisdictionName}</Descriptions.Item>
      <Descriptions.Item label="联系人">
        {[carrier.contactName, carrier.contactPhone, carrier.contactEmail].filter(Boolean).join(' · ') || '—'}
      </Descriptions.Item>
    </Descriptions>
  )
}

export function CarrierDetailPage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const duplicates = (location.state as { duplicates?: CarrierDuplicate[] } | null)?.duplicates ?? []
  const query = useCarrier(id)
  const carrier = query.data
  if (!carrier)
    return (
      <Page title="载体详情">
        <RecordState isPending={query.isPending} error={query.error} what="载体" backTo="/carriers" />
      </Page>
    )
  return (
    <Page title="载体详情" content={<BackLink to="/carriers" label="返回载体列表" />}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="carrier-detail">
        <DuplicateAlert
          duplicates={duplicates.map((d) => ({ id: d.id, title: d.name, similarity: d.similarity, reason: d.reason }))}
          linkTo={(other) => `/carriers/${other}`}
          title="已保存。发现相似的载体，请确认不是重复登记"
        />
        <DetailHeader
          title={carrier.name}
          tags={
            <>
              <ConfidentialityTag level={carrier.confidentiality} label={carrier.confidentialityLabel} />
              <Tag color="geekblue" bordered={false}>
                {carrier.kindLabel}
                {carrier.subtypeLabel ? ` · ${carrier.subtypeLabel}` : ''}
              </Tag>
              {carrier.accreditationStatus === 'none' ? null : (
                <Tag color={carrier.accreditationStatus === 'accredited' ? 'gold' : 'default'} bordered={false}>
                  {carrier.level ? carrier.levelLabel : ''}
                  {carrier.accreditationLabel}
                </Tag>
              )}
              {carrier.archived ? <Tag>已归档</Tag> : null}
            </>
          }
          meta={[carrier.ownerOrgName, carrier.jurisdictionName, carrier.hostInstitution]}
          actions={
            <RecordActions
              apiPath="/carriers"
              id={carrier.id}
              noun="载体"
              archived={carrier.archived}
              canEdit={carrier.canEdit}
              editTo={`/carriers/${carrier.id}/edit`}
              queryRoot="carriers"
              fieldLabels={carrierFieldLabels}
              archiveAlsoRefreshes={['instruments']}
              archiveNote={carrier.archived ? '随载体归档的仪器设备一并恢复。' : '其登记的仪器设备一并归档。'}
            >
              {carrier.confidentiality === 'public' && !carrier.canEdit ? (
                <InterestButton
                  recordType="carrier"
                  recordId={carrier.id}
                  recordTitle={carrier.name}
                  ownerOrgId={carrier.ownerOrgId}
                />
              ) : null}
            </RecordActions>
          }
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card title="基本信息" size="small">
                <Details carrier={carrier} />
              </Card>
              <Card title="载体简介" size="small">
                <Typography.Paragraph className="fm-detail-text">{carrier.introduction}</Typography.Paragraph>
              </Card>
              <Card title="验证能力清单" size="small">
                <Capabilities items={carrier.capabilities} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card title="收费标准" size="small">
                <Fees items={carrier.feeStandards} />
              </Card>
              <Card title="主任" size="small">
                <Directors carrier={carrier} />
              </Card>
              <RecordFacts
                createdAt={carrier.createdAt}
                updatedAt={carrier.updatedAt}
                version={carrier.version}
                source={carrier.source}
                sourceLabel={carrier.sourceLabel}
              />
            </Space>
          </Col>
        </Row>
      </Space>
    </Page>
  )
}
