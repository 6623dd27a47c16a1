import { Alert, Card, Empty, Input, List, Pagination, Space, Tabs, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { useDocumentTitle } from '../../../shared/page'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { useCompact } from '../../../shared/responsive'
import { useSession } from '../../../shared/session'
import { useCatalogue } from '../api/catalogue'
import { isPortalType, type PortalType, portalTypeOf, portalTypes } from '../api/types'
import { CatalogueCard } from '../components/catalogue-card'
import { usePortalCity } from '../components/use-portal-city'

const PAGE_SIZE = 10

/** 公开目录: the city's public records of one kind, searchable, by industry chain, a page at a time. */
export function PortalSearchPage() {
  const [params, setParams] = useSearchParams()
  const compact = useCompact()
  const session = useSession()
  const [city] = usePortalCity()
  const typeParam = params.get('type') ?? undefined
  const type: PortalType = isPortalType(typeParam) ? typeParam : 'achievement'
  const q = params.get('q') ?? ''
  const industry = params.get('industry') ?? ''
  const page = Number(params.get('page') ?? '1') || 1
  const [text, setText] = useState(q)
  useEffect(() => setText(q), [q])
  const meta = portalTypeOf(type)
  useDocumentTitle(`${meta.label} · 公共服务门户`)
  const catalogue = useCatalogue(type, {
    q: q || undefined,
    city,
    industry: industry || undefined,
    page,
    pageSize: PAGE_SIZE,
  })

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.set('city', city)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        if (!('page' in changes)) next.delete('page')
        return next
      },
      { replace: true },
    )

  return (
    <Card styles={{ body: { padding: compact ? 12 : 20 } }}>
      {compact ? (
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {meta.label}
        </Typography.Title>
      ) : (
        <Tabs
          activeKey={type}
          onChange={(key) => update({ type: key, industry: undefined })}
          items={portalTypes.map((t) => ({ key: t.type, label: t.label }))}
          style={{ marginTop: -8 }}
        />
      )}
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        <Input.Search
          data-testid="catalogue-search"
          allowClear
          enterButton="搜索"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          placeholder={`搜索${meta.label}`}
        />
        {type === 'instrument' ? null : (
          <IndustryTreeSelect
            jurisdiction={city}
            single
            value={industry ? [industry] : []}
            onChange={(codes) => update({ industry: codes.at(-1) })}
            placeholder="按产业链筛选"
            data-testid="catalogue-industry"
          />
        )}
        {session.data?.user ? (
          <Alert
            type="info"
            showIcon
            message="您已登录，目录中也包含平台内部可见的记录；访客只能看到公开记录。"
            style={{ fontSize: 12 }}
          />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="catalogue-total">
          共 {catalogue.data?.total ?? 0} {meta.unit}
          {meta.label}
        </Typography.Text>
      </Space>
      <List
        data-testid="catalogue-results"
        loading={catalogue.isFetching}
        dataSource={catalogue.data?.items ?? []}
        rowKey={(item) => item.id}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的公开记录" /> }}
        renderItem={(item) => (
          <List.Item className="fm-result">
            <CatalogueCard item={item} to={`/portal/${type}/${item.id}?city=${city}`} />
          </List.Item>
        )}
      />
      {(catalogue.data?.total ?? 0) > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 12, textAlign: 'center' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={Math.min(catalogue.data?.total ?? 0, 500 * PAGE_SIZE)}
          size={compact ? 'small' : 'default'}
          showSizeChanger={false}
          onChange={(next) => {
            update({ page: String(next) })
            window.scrollTo(0, 0)
          }}
        />
      ) : null}
    </Card>
  )
}
