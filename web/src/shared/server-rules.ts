/**
 * The web reads the server's pure rule tables (one permission table, one list of roles) instead of copying
 * them. Relative paths because the root tsconfig has no `@server` path mapping (the Vite alias exists).
 */

export { organizationKindsForRole } from '../../../server/src/modules/accounts/role-rules'
export {
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicy,
  passwordProblems,
} from '../../../server/src/platform/auth/password-policy'
export { type Action, actions, isAllowed, permissionTable } from '../../../server/src/platform/auth/permissions'
export { isRole, type Role, roleLabels, roles } from '../../../server/src/platform/auth/roles'
