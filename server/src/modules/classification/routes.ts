import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { classifyText } from './service'

const ClassifyInput = z.strictObject({
  text: z.string().trim().min(2, '请输入至少 2 个字的文本').max(8000, '文本不超过 8000 字'),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
})
const Prediction = z.object({ label: z.string(), confidence: z.number() })
const ClassifyResult = z.object({
  category: Prediction.extend({ alternatives: z.array(Prediction) }),
  discipline: Prediction.extend({ alternatives: z.array(Prediction) }),
  industries: z.array(
    z.object({ code: z.string(), name: z.string(), confidence: z.number(), matched: z.array(z.string()) }),
  ),
})

export function registerClassificationRoutes(app: App) {
  app.post(
    '/api/v1/classify',
    {
      config: { action: 'classify.use', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { body: ClassifyInput, response: { 200: ClassifyResult } },
    },
    (req) => classifyText(req.actor, req.body.text, req.body.jurisdiction),
  )
}
