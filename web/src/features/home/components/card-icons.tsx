import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  DesktopOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { SummaryTone } from '../api/get-home-summary'

/** Icons by words in a card's key; later issues add cards without touching this file (the fallback fits). */
const byKeyword: [RegExp, ReactNode][] = [
  [/lock/i, <LockOutlined key="lock" />],
  [/session/i, <DesktopOutlined key="session" />],
  [/audit|chain/i, <AuditOutlined key="audit" />],
  [/organi[sz]ation|org/i, <BankOutlined key="org" />],
  [/user|account/i, <TeamOutlined key="user" />],
  [/calendar|holiday|workday/i, <CalendarOutlined key="calendar" />],
  [/totp|security|password/i, <SafetyCertificateOutlined key="security" />],
  [/project|poc|pilot|achievement/i, <ExperimentOutlined key="project" />],
  [/review|evaluation/i, <FileSearchOutlined key="review" />],
  [/expire|due|deadline/i, <ClockCircleOutlined key="due" />],
  [/profile|me$/i, <UserOutlined key="me" />],
  [/fail|alert|error/i, <AlertOutlined key="alert" />],
]

export function cardIcon(key: string): ReactNode {
  return byKeyword.find(([pattern]) => pattern.test(key))?.[1] ?? <DashboardOutlined />
}

export const toneColors: Record<SummaryTone, { color: string; background: string }> = {
  default: { color: '#1456c8', background: '#e8f0fe' },
  success: { color: '#389e0d', background: '#edf8e6' },
  warning: { color: '#d46b08', background: '#fff4e5' },
  danger: { color: '#cf1322', background: '#fdecec' },
}
