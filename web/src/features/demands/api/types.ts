import type * as contracts from '@server/modules/demands/contracts'
import type { z } from 'zod'

export type Demand = contracts.Demand
export type DemandPage = z.infer<typeof contracts.DemandPage>
export type DemandListItem = contracts.DemandListItem
export type CreateDemandInput = z.input<typeof contracts.CreateDemand>
export type UpdateDemandInput = z.input<typeof contracts.UpdateDemand>
export type SavedDemand = z.infer<typeof contracts.SavedDemand>
export type DemandStatus = Demand['status']
