import { z } from 'zod'
import { IsoDate, YearArrangement } from '../../platform/calendar/workdays'
import type { App } from '../../platform/http/types'
import * as calendar from './service'

const WorkdaysQuery = z.strictObject({
  from: IsoDate,
  count: z.coerce
    .number({ error: 'count 应为 1–366 的整数' })
    .int('count 应为整数')
    .min(1, 'count 至少为 1')
    .max(366, 'count 不超过 366'),
})
const Workdays = z.object({ from: z.string(), to: z.string(), workdays: z.array(z.string()) })
const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) })
const YearList = z.object({
  items: z.array(
    z.object({
      year: z.number(),
      source: z.string(),
      holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
      adjustedWorkdays: z.array(z.string()),
      loadedAt: z.string(),
    }),
  ),
})

export function registerCalendarRoutes(app: App) {
  app.get(
    '/api/v1/calendar/workdays',
    { config: { action: 'calendar.read' }, schema: { querystring: WorkdaysQuery, response: { 200: Workdays } } },
    (req) => calendar.countWorkdays(req.actor, req.query.from, req.query.count),
  )
  app.get(
    '/api/v1/calendar/years',
    { config: { action: 'calendar.read' }, schema: { response: { 200: YearList } } },
    (req) => calendar.listYears(req.actor),
  )
  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { action: 'calendar.manage' },
      schema: {
        params: YearParams,
        body: YearArrangement,
        response: { 200: z.object({ year: z.number(), replaced: z.boolean() }) },
      },
    },
    (req) => calendar.loadYear(req.actor, req.params.year, req.body),
  )
}
