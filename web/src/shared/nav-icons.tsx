import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
  CalendarOutlined,
  DesktopOutlined,
  ExperimentOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
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
  achievements: <ExperimentOutlined />,
  demands: <AimOutlined />,
  scenarios: <ShopOutlined />,
  leads: <MessageOutlined />,
  enterprises: <BuildOutlined />,
  experts: <SolutionOutlined />,
  expertProfile: <IdcardOutlined />,
}
