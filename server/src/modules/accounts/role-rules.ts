import type { Role } from '../../platform/auth/roles'
import type { OrganizationKind } from '../organizations/schema'

/**
 * Which organizations an account of each role may belong to, so that an officer's area and an operator's
 * center follow from the account's organization rather than from a second, disagreeing field.
 */
export const organizationKindsForRole: Record<Role, readonly OrganizationKind[] | 'any'> = {
  systemAdmin: 'any',
  securityAdmin: 'any',
  auditAdmin: 'any',
  cityOfficer: ['scienceBureau'],
  districtOfficer: ['scienceBureau'],
  centerOperator: ['pocCenter'],
  pilotPlatformOperator: ['pilotPlatform'],
  researcher: ['university', 'researchInstitute', 'hospital', 'enterprise', 'pocCenter', 'pilotPlatform'],
  enterpriseUser: ['enterprise'],
  expert: 'any',
  investor: ['investor'],
}

/** Why an organization does not fit a role, in Chinese; null when it fits. */
export function roleOrganizationProblem(
  role: Role,
  organization: { kind: OrganizationKind; level: 'province' | 'city' | 'district' },
  kindLabel: string,
): string | null {
  const allowed = organizationKindsForRole[role]
  if (allowed !== 'any' && !allowed.includes(organization.kind)) return `该角色不能隶属于“${kindLabel}”类机构`
  if (role === 'cityOfficer' && organization.level !== 'city') return '市级科技管理人员应隶属于市级科技主管部门'
  if (role === 'districtOfficer' && organization.level !== 'district')
    return '区县科技管理人员应隶属于区县级科技主管部门'
  return null
}
