import type * as contracts from '@server/modules/achievements/contracts'
import type { z } from 'zod'

export type Achievement = contracts.Achievement
export type AchievementPage = z.infer<typeof contracts.AchievementPage>
export type AchievementListItem = AchievementPage['items'][number]
export type CreateAchievementInput = z.input<typeof contracts.CreateAchievement>
export type UpdateAchievementInput = z.input<typeof contracts.UpdateAchievement>
export type SavedAchievement = z.infer<typeof contracts.SavedAchievement>
export type IpItem = z.infer<typeof contracts.IpItem>
export type TeamMember = z.infer<typeof contracts.TeamMember>
