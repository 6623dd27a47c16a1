import type * as contracts from '@server/modules/scenarios/contracts'
import type { z } from 'zod'

export type Scenario = contracts.Scenario
export type ScenarioPage = z.infer<typeof contracts.ScenarioPage>
export type ScenarioListItem = contracts.ScenarioListItem
export type CreateScenarioInput = z.input<typeof contracts.CreateScenario>
export type UpdateScenarioInput = z.input<typeof contracts.UpdateScenario>
export type SavedScenario = z.infer<typeof contracts.SavedScenario>
export type ScenarioStatus = Scenario['status']
