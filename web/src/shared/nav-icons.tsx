import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DesktopOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { NavIcon } from './navigation'

export const navIcons: Record<NavIcon, ReactNode> = {
  home: <HomeOutlined />,
  organizations: <BankOutlined />,
  users: <TeamOutlined />,
  calendar: <CalendarOutlined />,
  accountSecurity: <SafetyCertificateOutlined />,
  passwordPolicy: <KeyOutlined />,
  sessions: <DesktopOutlined />,
  audit: <AuditOutlined />,
  account: <UserOutlined />,
}
