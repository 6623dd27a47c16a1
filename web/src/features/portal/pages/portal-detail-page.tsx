import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Card, Grid, Result, Skeleton, Space, Tag, Typography } from 'antd'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { useDocumentTitle } from '../../../shared/page'
import { ConfidentialityTag, SourceTag } from '../../../shared/registry/confidentiality'
import { InterestButton } from '../../../shared/registry/interest-button'
import { isArchivedAnswer, usePortalRecord } from '../api/get-record'
import { isPortalType, type PortalRecord, portalTypeOf } from '../api/types'
import { headOf, RecordBody } from '../components/record-bodies'
import { usePortalCity } from '../components/use-portal-city'

/** A public record's page, made to read on a phone; 我有意向 asks a visitor to sign in and comes back here. */
export function PortalDetailPage() {
  const { type: typeParam, id = '' } = useParams()
  const type = isPortalType(typeParam) ? typeParam : 'achievement'
  const record = usePortalRecord(type, id)
  const [city] = usePortalCity()
  const navigate = useNavigate()
  const label = portalTypeOf(type).label
  useDocumentTitle(record.data ? headOf(record.data).title : label)
  const back = `/portal/search?type=${type}&city=${city}`
  if (record.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (record.isError)
    // An archived record says so (its owner took it off the portal); anything else reads as missing.
    return isArchivedAnswer(record.error) ? (
      <div data-testid="portal-archived">
        <Result
          status="warning"
          title={record.error.message}
          subTitle={`发布方已将该${label}归档，它不再参与检索与匹配，也不再接受“我有意向”。`}
          extra={<Button onClick={() => navigate(back)}>返回{label}目录</Button>}
        />
      </div>
    ) : (
      <Result
        status="404"
        title={`${label}不存在或未公开`}
        subTitle="该记录可能已下线，或仅对平台内用户可见。"
        extra={<Button onClick={() => navigate(back)}>返回{label}目录</Button>}
      />
    )
  return <Detail record={record.data} back={back} label={label} />
}

function Detail({ record, back, label }: { record: PortalRecord; back: string; label: string }) {
  const screens = Grid.useBreakpoint()
  const head = headOf(record)
  const r = record.record
  const interest = (
    <InterestButton
      recordType={record.type}
      recordId={r.id}
      recordTitle={head.title}
      ownerOrgId={head.ownerOrgId}
      buttonProps={screens.md ? { size: 'large' } : { block: true, size: 'large' }}
    />
  )
  return (
    <div data-testid="portal-detail">
      <Link to={back} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {label}目录
      </Link>
      <Card>
        <div className="fm-detail-head">
          <div style={{ minWidth: 0, flex: '1 1 300px' }}>
            <Typography.Title level={3} className="fm-detail-title" data-testid="record-title">
              {head.title}
            </Typography.Title>
            <Space size={[4, 4]} wrap>
              {'sourceLabel' in r ? <SourceTag label={r.sourceLabel} /> : null}
              {r.confidentiality !== 'public' ? (
                <ConfidentialityTag level={r.confidentiality} label={r.confidentialityLabel} />
              ) : null}
              {head.tags.map((tag) => (
                <Tag key={tag.text} bordered={false} color={tag.color}>
                  {tag.text}
                </Tag>
              ))}
            </Space>
            <div className="fm-result-meta" style={{ marginTop: 8 }}>
              {head.meta.map((text) => (
                <span key={text}>{text}</span>
              ))}
            </div>
          </div>
          {screens.md ? <div>{interest}</div> : null}
        </div>
      </Card>
      <RecordBody record={record} />
      {screens.md ? null : <div className="fm-portal-cta">{interest}</div>}
    </div>
  )
}
