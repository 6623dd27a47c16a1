import { Avatar, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { SessionUser } from '../../../shared/session'

function partOfDay(hour: number): string {
  if (hour < 6) return '夜深了'
  if (hour < 11) return '上午好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

/** The person's name without the bracketed organization the demo names carry. */
function shortName(displayName: string): string {
  return displayName.replace(/[（(].*[）)]$/, '') || displayName
}

export function Greeting({ user, scope }: { user: SessionUser; scope: string }) {
  const now = dayjs()
  return (
    <div className="fm-greeting" data-testid="greeting">
      <Avatar size={56} style={{ background: '#1456c8', flex: '0 0 56px', fontSize: 22 }}>
        {shortName(user.displayName).slice(0, 1)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {partOfDay(now.hour())}，{shortName(user.displayName)}
        </Typography.Title>
        <Space size={[6, 4]} wrap style={{ marginTop: 6 }}>
          <Tag color="blue" bordered={false}>
            {user.roleLabel}
          </Tag>
          <Typography.Text type="secondary">{user.orgName}</Typography.Text>
          <Typography.Text type="secondary">·</Typography.Text>
          <Typography.Text type="secondary">{scope}</Typography.Text>
        </Space>
      </div>
      <div className="fm-greeting-date">
        <div className="fm-greeting-day">{now.format('D')}</div>
        <div>
          <div>{now.format('YYYY年M月')}</div>
          <div>{now.format('dddd')}</div>
        </div>
      </div>
    </div>
  )
}
