import { Card, Empty, Input, Select, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { useDocumentTitle } from '../../../shared/page'
import { type PortalSummary, usePortalSummary } from '../api/summary'
import { type PortalType, portalTypes } from '../api/types'
import { MatchBox } from '../components/match-box'
import { usePortalCity } from '../components/use-portal-city'

/** 门户首页: search, the city's open records by kind and by industry chain, and 描述需求匹配成果. */
export function PortalHomePage() {
  useDocumentTitle('科技成果转化公共服务门户')
  const navigate = useNavigate()
  const [city] = usePortalCity()
  const summary = usePortalSummary(city)
  const [type, setType] = useState<PortalType>('achievement')
  const cityName = summary.data?.city.name ?? ''
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <section className="fm-portal-hero">
        <h1 data-testid="portal-title">{cityName}科技成果转化公共服务</h1>
        <p>成果、需求、场景、验证中心与共享仪器，一站查询，在线对接。</p>
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Select<PortalType>
            aria-label="检索类别"
            value={type}
            onChange={setType}
            options={portalTypes.map((t) => ({ value: t.type, label: t.label }))}
            style={{ width: 116, flex: 'none' }}
            size="large"
          />
          <Input.Search
            data-testid="portal-search"
            size="large"
            enterButton="搜索"
            placeholder="输入关键词，如：具身智能、碳化硅"
            onSearch={(q) =>
              navigate(
                `/portal/search?type=${type}&city=${city}${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`,
              )
            }
          />
        </Space.Compact>
      </section>

      <div className="fm-portal-totals" data-testid="portal-totals">
        {portalTypes.map((t) => {
          const count = summary.data?.totals.find((x) => x.type === t.type)?.count
          return (
            <Link key={t.type} to={`/portal/search?type=${t.type}&city=${city}`} className="fm-portal-total">
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t.label}
              </Typography.Text>
              <strong>{count ?? '—'}</strong>
            </Link>
          )
        })}
      </div>

      {/* Keyed by city: results of another city's match would be misleading after a switch. */}
      <MatchBox key={city} city={city} cityName={cityName} />

      <ChainGrid summary={summary.data} loading={summary.isPending} city={city} />
    </Space>
  )
}

function ChainGrid({ summary, loading, city }: { summary?: PortalSummary; loading: boolean; city: string }) {
  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />
  if (!summary?.system || summary.chains.length === 0)
    return (
      <Card title="产业链分布">
        <Empty description="该城市尚未配置产业体系" />
      </Card>
    )
  const groups = new Map<string, PortalSummary['chains']>()
  for (const chain of summary.chains) {
    const key = chain.parent ?? '其他'
    groups.set(key, [...(groups.get(key) ?? []), chain])
  }
  return (
    <Card
      data-testid="chain-grid"
      title={`${summary.system.name} · 产业链分布`}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          公开记录数
        </Typography.Text>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {[...groups].map(([parent, chains]) => (
          <div key={parent}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {parent}
            </Typography.Title>
            <div className="fm-chain-grid">
              {chains.map((chain) => (
                <ChainCard key={chain.code} chain={chain} city={city} />
              ))}
            </div>
          </div>
        ))}
      </Space>
    </Card>
  )
}

const catalogueOf = (type: PortalType, city: string, chain: string) =>
  `/portal/search?type=${type}&city=${city}&industry=${encodeURIComponent(chain)}`

/**
 * One chain: each count opens the catalogue of that kind filtered by the chain, and the chain's name opens the
 * kind with the most records, so a click never lands on an empty list while the card shows records. Instruments
 * carry no industry chain and are never counted here.
 */
function ChainCard({ chain, city }: { chain: PortalSummary['chains'][number]; city: string }) {
  const counted = portalTypes.filter((t) => (chain.counts[t.type] ?? 0) > 0)
  const main = [...counted].sort((a, b) => (chain.counts[b.type] ?? 0) - (chain.counts[a.type] ?? 0))[0]
  return (
    <div className={`fm-chain${main ? '' : ' is-empty'}`} data-testid="chain">
      <Link to={catalogueOf(main?.type ?? 'achievement', city, chain.code)} className="fm-chain-name">
        {chain.name}
      </Link>
      {chain.toBeCompleted ? (
        <Tag bordered={false} style={{ marginInlineStart: 6, fontSize: 11 }}>
          待城市补充
        </Tag>
      ) : null}
      <div className="fm-chain-counts">
        {counted.map((t) => (
          <Link key={t.type} to={catalogueOf(t.type, city, chain.code)} data-testid="chain-count" data-type={t.type}>
            {t.label.slice(-2)} <b>{chain.counts[t.type]}</b>
          </Link>
        ))}
        {main ? null : <span>暂无公开记录</span>}
      </div>
    </div>
  )
}
