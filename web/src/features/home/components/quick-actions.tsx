import { IdcardOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons'
import { Card, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { navIcons } from '../../../shared/nav-icons'
import { visibleNavigation } from '../../../shared/navigation'
import type { Action } from '../../../shared/server-rules'

type QuickAction = { key: string; to: string; label: string; hint: string; icon: ReactNode }

const personal: QuickAction[] = [
  { key: 'profile', to: '/account', label: '个人信息', hint: '账号、角色与所属机构', icon: <IdcardOutlined /> },
  {
    key: 'password',
    to: '/account?tab=password',
    label: '修改密码',
    hint: '定期更换，保护账号安全',
    icon: <LockOutlined />,
  },
  { key: 'totp', to: '/account?tab=totp', label: '两步验证', hint: '查看或设置动态口令', icon: <SafetyOutlined /> },
]

/** The role's own entries from the menu (minus the home page), then personal security shortcuts. */
export function quickActionsFor(can: (action: Action) => boolean): QuickAction[] {
  const fromMenu = visibleNavigation(can)
    .flatMap((group) => group.items)
    .filter((item) => item.path !== '/home' && item.path !== '/account')
    .map((item) => ({ key: item.path, to: item.path, label: item.label, hint: item.hint, icon: navIcons[item.icon] }))
  return [...fromMenu, ...personal]
}

export function QuickActions({ title, actions }: { title: string; actions: QuickAction[] }) {
  return (
    <Card title={title} size="small" data-testid="quick-actions">
      <div className="fm-quick-grid">
        {actions.map((action) => (
          <Link key={action.key} to={action.to} className="fm-quick-action">
            <span className="fm-quick-icon">{action.icon}</span>
            <span style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ display: 'block' }}>
                {action.label}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: action.hint }}>
                {action.hint}
              </Typography.Text>
            </span>
          </Link>
        ))}
      </div>
    </Card>
  )
}
