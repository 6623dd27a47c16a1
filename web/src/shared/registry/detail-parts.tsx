import { ArrowLeftOutlined, EnvironmentOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { formatDateTime } from '../format'
import { errorMessage, isApiError } from '../http'
import './registry.css'
import './record-parts.css'

/** Loading, not found (or not visible: the server answers the same 404) and other failures of a record page. */
export function RecordState({
  isPending,
  error,
  what,
  backTo,
}: {
  isPending: boolean
  error: unknown
  what: string
  backTo: string
}) {
  const navigate = useNavigate()
  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />
  if (isApiError(error) && (error.status === 404 || error.status === 403))
    return (
      <Result
        status="404"
        title={`${what}不存在或无权查看`}
        subTitle="该记录可能已被删除，或设为保密，仅所属单位、指派的专家和市级主管部门可见。"
        data-testid="record-not-found"
        extra={
          <Button type="primary" onClick={() => navigate(backTo)}>
            返回列表
          </Button>
        }
      />
    )
  return <Alert type="error" showIcon message={`加载失败：${errorMessage(error)}`} />
}

/** 返回列表, keeping the list's search when the person came from it. */
export function BackLink({ to, label }: { to: string; label: string }) {
  const navigate = useNavigate()
  return (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(to))}
    >
      {label}
    </Button>
  )
}

/** Tags for a list of names, or a dash. */
export function TagList({ items, color }: { items: readonly string[]; color?: string }) {
  if (!items.length) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size={[4, 4]} wrap>
      {items.map((item) => (
        <Tag key={item} color={color} bordered={false} style={{ marginInlineEnd: 0 }}>
          {item}
        </Tag>
      ))}
    </Space>
  )
}

/** An address with its coordinates as text (no map: the platform works without outside map services). */
export function LocationText({
  address,
  longitude,
  latitude,
}: {
  address: string | null
  longitude: number | null
  latitude: number | null
}) {
  if (!address && longitude === null) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space direction="vertical" size={0}>
      {address ? (
        <span>
          <EnvironmentOutlined style={{ color: '#1456c8', marginInlineEnd: 4 }} />
          {address}
        </span>
      ) : null}
      {longitude !== null && latitude !== null ? (
        <span className="fm-coordinates" data-testid="coordinates">
          东经 {longitude.toFixed(4)}°，北纬 {latitude.toFixed(4)}°
        </span>
      ) : null}
    </Space>
  )
}

/** 来源 / 创建 / 更新 of a record. */
export function RecordFacts({
  createdAt,
  updatedAt,
  version,
  source,
  sourceLabel,
}: {
  createdAt: string
  updatedAt: string
  version: number
  source: string
  sourceLabel: string | null
}) {
  const sourceText = sourceLabel ?? (source === 'import' ? '批量导入' : source === 'demo' ? '演示数据' : '在线登记')
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      第 {version} 版 · 来源：{sourceText} · 创建于 {formatDateTime(createdAt)} · 更新于 {formatDateTime(updatedAt)}
    </Typography.Text>
  )
}

/** An empty section of a record page. */
export function NoneYet({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ margin: '8px 0' }} />
}

/** A link that reads as text in a table cell. */
export function RecordLink({ to, children }: { to: string; children: ReactNode }) {
  return <Link to={to}>{children}</Link>
}
