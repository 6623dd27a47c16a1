/**
 * Types of the API, inferred from the server's zod contracts (type-only: nothing of the server ships in the
 * bundle). One file, so a moved contract is fixed in one place.
 */
export type {
  ChallengeStep,
  SessionView,
  SignInInput,
  SignInResult,
} from '../../../server/src/modules/accounts/auth-contracts'
export type { CreateUser, UpdateUser, User } from '../../../server/src/modules/accounts/contracts'
export type { AuditQuery } from '../../../server/src/modules/audit/contracts'
export type { HomeCard, HomeSummary } from '../../../server/src/modules/home/contracts'
export type {
  CreateOrganization,
  Organization,
  OrganizationQuery,
  UpdateOrganization,
} from '../../../server/src/modules/organizations/contracts'
export type { OrganizationKind } from '../../../server/src/modules/organizations/schema'
