import type { Role } from '../../platform/auth/roles'
import { base32Encode } from '../../platform/auth/totp'
import { sha256 } from '../../platform/crypto/digest'

/**
 * Demo accounts, created only in demo mode (FIRSTMILE_DEMO not 0) on an empty database. Their password and
 * second-factor secrets are public (README): never use demo mode for real data.
 */
export const DEMO_PASSWORD = 'Demo@2026!'

export const demoAccounts: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'systemAdmin', org: 'wenzhou-bureau' },
  { username: 'security', displayName: '安全管理员（演示）', role: 'securityAdmin', org: 'wenzhou-bureau' },
  { username: 'auditor', displayName: '审计管理员（演示）', role: 'auditAdmin', org: 'wenzhou-bureau' },
  { username: 'city', displayName: '陈科长（温州市科技局）', role: 'cityOfficer', org: 'wenzhou-bureau' },
  { username: 'district', displayName: '林主任（鹿城区科技局）', role: 'districtOfficer', org: 'lucheng-bureau' },
  { username: 'center', displayName: '王经理（概念验证中心）', role: 'centerOperator', org: 'wenzhou-poc-center' },
  { username: 'pilot', displayName: '赵工（中试平台）', role: 'pilotPlatformOperator', org: 'huzhou-pilot-platform' },
  { username: 'researcher', displayName: '李教授（瓯越理工大学）', role: 'researcher', org: 'wenzhou-university' },
  { username: 'enterprise', displayName: '周总（企业）', role: 'enterpriseUser', org: 'wenzhou-enterprise' },
  { username: 'expert', displayName: '吴研究员（专家）', role: 'expert', org: 'huzhou-institute' },
  { username: 'investor', displayName: '郑总监（投资机构）', role: 'investor', org: 'xiamen-fund' },
]

/** Demo TOTP secrets are derived from the username so the README, tests and `npm run demo:totp` agree. */
export function demoTotpSecret(username: string): string {
  return base32Encode(Buffer.from(sha256(`firstmile-demo-totp:${username}`).slice(0, 40), 'hex'))
}
