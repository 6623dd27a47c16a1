import type {
  CreateEnterprise,
  Enterprise,
  Duplicate as EnterpriseDuplicateSchema,
  EnterpriseListItem,
  UpdateEnterprise,
} from '@server/modules/enterprises/contracts'
import type { EnterpriseTier, TierLevel } from '@server/modules/enterprises/schema'
import type { z } from 'zod'

export type { Enterprise, EnterpriseTier, TierLevel }
export type EnterpriseItem = z.infer<typeof EnterpriseListItem>
export type EnterpriseDuplicate = z.infer<typeof EnterpriseDuplicateSchema>
export type CreateEnterpriseInput = z.input<typeof CreateEnterprise>
export type UpdateEnterpriseInput = z.input<typeof UpdateEnterprise>
export type SavedEnterprise = { enterprise: Enterprise; duplicates: EnterpriseDuplicate[] }
