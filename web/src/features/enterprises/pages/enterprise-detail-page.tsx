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
import { RecordActions } from '../../../shared/registry/record-actions'
import { useCompact } from '../../../shared/responsive'
import { useEnterprise } from '../api/get-enterprise'
import type { Enterprise, EnterpriseDuplicate } from '../api/types'
import { enterpriseFieldLabels, levelLabels } from '../components/labels'
import { RdByYear } from '../components/rd-by-year'

type Tier = Enterprise['tiers'][number]

function Tiers({ tiers }: { tiers: readonly Tier[] }) {
  if (!tiers.length) return <NoneYet text="暂无梯度认定" />
  return (
    <Table<Tier>
      size="small"
      pagination={false}
      rowKey={(t) => `${t.tier}:${t.level ?? ''}`}
      dataSource={[...tiers].sort((a, b) => b.year - a.year)}
      data-testid="tiers"
      columns={[
        { title: '梯度', dataIndex: 'label', render: (label: string) => <Tag color="gold">{label}</Tag> },
        { title: '级别', dataIndex: 'level', width: 72, render: (l: Tier['level']) => (l ? levelLabels[l] : '—') },
        { title: '获评年份', dataIndex: 'year', width: 84 },
      ]}
    />
  )
}

function Details({ enterprise }: { enterprise: Enterprise }) {
  const compact = useCompact()
  const gbt = [
    enterprise.gbtSection ? `${enterprise.gbtSection} ${enterprise.gbtSectionName ?? ''}` : null,
    enterprise.gbtDivision ? `${enterprise.gbtDivision} ${enterprise.gbtDivisionName ?? ''}` : null,
  ].filter(Boolean)
  return (
    <Descriptions column={compact ? 1 : 2} size="small" className="fm-detail" bordered={!compact}>
      <Descriptions.Item label="统一社会信用代码">
        {enterprise.uscc ? (
          <Typography.Text className="fm-mono" copyable={{ tooltips: ['复制', '已复制'] }}>
            {enterprise.uscc}
          </Typography.Text>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="所在地区">{enterprise.jurisdictionName}</Descriptions.Item>
      <Descriptions.Item label="国民经济行业" span={compact ? 1 : 2}>
        {gbt.length ? gbt.join(' / ') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="产业分类" span={compact ? 1 : 2}>
        <TagList items={enterprise.industries.map((i) => i.name)} color="blue" />
      </Descriptions.Item>
      <Descriptions.Item label="主要产品" span={compact ? 1 : 2}>
        <TagList items={enterprise.mainProducts} />
      </Descriptions.Item>
      <Descriptions.Item label="技术关键词" span={compact ? 1 : 2}>
        <TagList items={enterprise.keywords} color="geekblue" />
      </Descriptions.Item>
      <Descriptions.Item label="地址" span={compact ? 1 : 2}>
        <LocationText address={enterprise.address} longitude={enterprise.longitude} latitude={enterprise.latitude} />
      </Descriptions.Item>
    </Descriptions>
  )
}

function Contact({ contact }: { contact: Enterprise['contact'] }) {
  if (!contact)
    return (
      <Typography.Text type="secondary" data-testid="contact-hidden">
        联系方式仅对企业本身和辖区科技管理部门可见。
      </Typography.Text>
    )
  return (
    <Descriptions column={1} size="small" data-testid="contact">
      <Descriptions.Item label="联系人">{contact.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{contact.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="电子邮箱">{contact.email ?? '—'}</Descriptions.Item>
    </Descriptions>
  )
}

export function EnterpriseDetailPage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const duplicates = (location.state as { duplicates?: EnterpriseDuplicate[] } | null)?.duplicates ?? []
  const query = useEnterprise(id)
  const enterprise = query.data
  if (!enterprise)
    return (
      <Page title="企业档案">
        <RecordState isPending={query.isPending} error={query.error} what="企业档案" backTo="/enterprises" />
      </Page>
    )
  return (
    <Page title="企业档案" content={<BackLink to="/enterprises" label="返回企业库" />}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="enterprise-detail">
        <DuplicateAlert
          duplicates={duplicates.map((d) => ({ id: d.id, title: d.name, similarity: d.similarity, reason: d.reason }))}
          linkTo={(other) => `/enterprises/${other}`}
          title="已保存。发现相似的企业档案，请确认不是重复登记"
        />
        <DetailHeader
          title={enterprise.name}
          tags={
            <>
              <ConfidentialityTag level={enterprise.confidentiality} label={enterprise.confidentialityLabel} />
              {enterprise.tiers.map((t) => (
                <Tag key={`${t.tier}:${t.level ?? ''}`} color="gold" bordered={false}>
                  {t.label}
                </Tag>
              ))}
              {enterprise.archived ? <Tag>已归档</Tag> : null}
            </>
          }
          meta={[enterprise.jurisdictionName, enterprise.uscc, enterprise.gbtDivisionName ?? enterprise.gbtSectionName]}
          actions={
            <RecordActions
              apiPath="/enterprises"
              id={enterprise.id}
              noun="企业档案"
              archived={enterprise.archived}
              canEdit={enterprise.canEdit}
              editTo={`/enterprises/${enterprise.id}/edit`}
              queryRoot="enterprises"
              fieldLabels={enterpriseFieldLabels}
            />
          }
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card title="基本信息" size="small">
                <Details enterprise={enterprise} />
              </Card>
              <Card title="企业简介" size="small">
                {enterprise.description ? (
                  <Typography.Paragraph className="fm-detail-text">{enterprise.description}</Typography.Paragraph>
                ) : (
                  <NoneYet text="暂无简介" />
                )}
              </Card>
              <Card title="研发投入（按年度）" size="small">
                <RdByYear yearly={enterprise.yearly} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <Card title="企业梯度" size="small">
                <Tiers tiers={enterprise.tiers} />
              </Card>
              <Card title="联系方式" size="small">
                <Contact contact={enterprise.contact} />
              </Card>
              <RecordFacts
                createdAt={enterprise.createdAt}
                updatedAt={enterprise.updatedAt}
                version={enterprise.version}
                source={enterprise.source}
                sourceLabel={enterprise.sourceLabel}
              />
            </Space>
          </Col>
        </Row>
      </Space>
    </Page>
  )
}
