import { z } from 'zod'
import { requirePermission } from '../../auth/actor'
import type { Action } from '../../auth/permissions'
import { AppError } from '../../errors/errors'
import type { App } from '../../http/types'
import { type ImportSpec, importTemplate, runImport } from './engine'

export const MAX_FILE_BYTES = 10 * 1024 * 1024
const ImportQuery = z.strictObject({ mode: z.enum(['dryRun', 'commit']).default('dryRun') })
const Report = z.object({
  total: z.number(),
  valid: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), reason: z.string() })),
  warnings: z.array(
    z.object({
      row: z.number(),
      similarTitle: z.string(),
      similarId: z.string().nullable(),
      similarRow: z.number().nullable(),
      similarity: z.number(),
      reason: z.string(),
    }),
  ),
  committed: z.boolean(),
  created: z.number().optional(),
  updated: z.number().optional(),
  unchanged: z.number().optional(),
})

/** `GET …/import-template` and `POST …/import?mode=dryRun|commit` (multipart, one .xlsx or .csv file, 10 MiB). */
export function registerImportRoutes<Row>(app: App, base: string, action: Action, spec: ImportSpec<Row>) {
  app.get(`${base}/import-template`, { config: { action } }, async (req, reply) => {
    requirePermission(req.actor, action)
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${spec.label}导入模板.xlsx`)}`,
      )
      .send(await importTemplate(spec as ImportSpec<unknown>))
  })
  app.post(
    `${base}/import`,
    { config: { action }, schema: { querystring: ImportQuery, response: { 200: Report } } },
    async (req) => {
      requirePermission(req.actor, action)
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 或 .csv 文件')
      const file = await req.file()
      if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件')
      if (!/\.(xlsx|csv)$/i.test(file.filename)) throw new AppError('VALIDATION_FAILED', '仅支持 .xlsx 或 .csv 文件')
      let buffer: Buffer
      try {
        buffer = await file.toBuffer()
      } catch {
        throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MiB 上限')
      }
      return runImport(req.actor, spec, buffer, file.filename, req.query.mode)
    },
  )
}
