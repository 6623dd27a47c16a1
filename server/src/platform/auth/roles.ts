export const roles = [
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
  'cityOfficer',
  'districtOfficer',
  'centerOperator',
  'pilotPlatformOperator',
  'researcher',
  'enterpriseUser',
  'expert',
  'investor',
] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditAdmin: '审计管理员',
  cityOfficer: '市级科技管理人员',
  districtOfficer: '区县科技管理人员',
  centerOperator: '概念验证中心运营人员',
  pilotPlatformOperator: '中试平台运营人员',
  researcher: '科研人员',
  enterpriseUser: '企业用户',
  expert: '评审专家',
  investor: '投资机构人员',
}

/** 三员: the three administrators, each barred from the others' work (MLPS 2.0 三权分立). */
export const administratorRoles = ['systemAdmin', 'securityAdmin', 'auditAdmin'] as const satisfies readonly Role[]
export const staffRoles = [
  'cityOfficer',
  'districtOfficer',
  'centerOperator',
  'pilotPlatformOperator',
] as const satisfies readonly Role[]

export function isAdministrator(role: Role): boolean {
  return (administratorRoles as readonly Role[]).includes(role)
}

/** The second factor is required for administrators, staff and experts; optional for everyone else. */
export function requiresSecondFactor(role: Role): boolean {
  return isAdministrator(role) || (staffRoles as readonly Role[]).includes(role) || role === 'expert'
}

/** Idle timeout: 15 minutes for staff and administrators, 30 for everyone else. */
export function idleTimeoutSeconds(role: Role): number {
  return isAdministrator(role) || (staffRoles as readonly Role[]).includes(role) ? 15 * 60 : 30 * 60
}

export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}
