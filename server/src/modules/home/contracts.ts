import { z } from 'zod'

export const HomeCard = z.object({
  key: z.string(),
  title: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string().optional(),
  hint: z.string().optional(),
  link: z.string().optional(),
  tone: z.enum(['default', 'warning', 'danger', 'success']).optional(),
})
export type HomeCard = z.infer<typeof HomeCard>

export const HomeSummary = z.object({
  cards: z.array(HomeCard),
  todos: z.array(
    z.object({ key: z.string(), title: z.string(), link: z.string().optional(), due: z.string().optional() }),
  ),
  notices: z.array(z.object({ key: z.string(), text: z.string(), level: z.enum(['info', 'warning', 'error']) })),
})
export type HomeSummary = z.infer<typeof HomeSummary>
