import type {
  CreateExpert,
  Expert,
  Duplicate as ExpertDuplicateSchema,
  ExpertListItem,
  UpdateExpert,
} from '@server/modules/experts/contracts'
import type { ExpertAvailability, RelationshipKind, ThinkTank, TieKind } from '@server/modules/experts/schema'
import type { z } from 'zod'

export type { Expert, ExpertAvailability, RelationshipKind, ThinkTank, TieKind }
export type ExpertItem = z.infer<typeof ExpertListItem>
export type ExpertDuplicate = z.infer<typeof ExpertDuplicateSchema>
export type CreateExpertInput = z.input<typeof CreateExpert>
export type UpdateExpertInput = z.input<typeof UpdateExpert>
export type SavedExpert = { expert: Expert; duplicates: ExpertDuplicate[] }
