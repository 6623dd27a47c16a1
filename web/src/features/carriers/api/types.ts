import type {
  Carrier,
  Duplicate as CarrierDuplicateSchema,
  CarrierListItem,
  CreateCarrier,
  UpdateCarrier,
} from '@server/modules/carriers/contracts'
import type {
  AccreditationStatus,
  CapabilityCategory,
  CarrierKind,
  CarrierLevel,
  CarrierSubtype,
  DirectorRole,
} from '@server/modules/carriers/schema'
import type { z } from 'zod'

export type {
  AccreditationStatus,
  CapabilityCategory,
  Carrier,
  CarrierKind,
  CarrierLevel,
  CarrierSubtype,
  DirectorRole,
}
export type CarrierItem = z.infer<typeof CarrierListItem>
export type CarrierDuplicate = z.infer<typeof CarrierDuplicateSchema>
export type CreateCarrierInput = z.input<typeof CreateCarrier>
export type UpdateCarrierInput = z.input<typeof UpdateCarrier>
export type SavedCarrier = { carrier: Carrier; duplicates: CarrierDuplicate[] }
