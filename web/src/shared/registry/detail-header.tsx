import { Card, Space, Typography } from 'antd'
import type { ReactNode } from 'react'

/** The top of a registry record's page: its title, tags, whose and where, and the buttons for it. */
export function DetailHeader({
  title,
  tags,
  meta,
  actions,
}: {
  title: string
  tags: ReactNode
  meta: (string | null | undefined | false)[]
  actions?: ReactNode
}) {
  return (
    <Card>
      <div className="fm-detail-head">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={3} className="fm-detail-title" data-testid="record-title">
            {title}
          </Typography.Title>
          <Space size={[4, 4]} wrap>
            {tags}
          </Space>
          <div className="fm-result-meta" style={{ marginTop: 8 }}>
            {meta.filter(Boolean).map((item) => (
              <span key={item as string}>{item}</span>
            ))}
          </div>
        </div>
        {actions ? (
          <Space wrap data-testid="record-actions">
            {actions}
          </Space>
        ) : null}
      </div>
    </Card>
  )
}
