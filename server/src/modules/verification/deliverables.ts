import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { visibleProject } from '../projects/service'
import { canDownload } from './access'
import { findStages } from './detail'
import { stageDeliverables } from './schema'
import { detailAfterChange, lockForChange, managedStage, requireStageStatus } from './service'

export const MAX_DELIVERABLE_BYTES = 10 * 1024 * 1024

export type Upload = { fileName: string; mediaType: string; content: Buffer; title?: string | undefined }

/** A file name as a person gave it, without any path and control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  return (
    base
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 200) || '未命名文件'
  )
}

/** Stores a deliverable of an active stage with its SHA-256 and SM3 digests (the report lists both). */
export async function uploadDeliverable(actor: Actor, stageId: string, upload: Upload) {
  const { project } = await managedStage(actor, stageId)
  if (upload.content.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空，请重新选择')
  if (upload.content.length > MAX_DELIVERABLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MiB 上限')
  const fileName = cleanFileName(upload.fileName)
  const title = (upload.title ?? '').trim() || fileName.replace(/\.[^.]+$/, '')
  if (title.length > 200) throw new AppError('VALIDATION_FAILED', '成果名称不超过 200 个字')
  const sha256 = createHash('sha256').update(upload.content).digest('hex')
  const sm3 = createHash('sm3').update(upload.content).digest('hex')
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, stageId)
    requireStageStatus(stage, ['active'], '上传交付成果')
    const id = newId()
    await tx.insert(stageDeliverables).values({
      id,
      stageId,
      verificationId: stage.verificationId,
      title,
      fileName,
      mediaType: upload.mediaType.slice(0, 100) || 'application/octet-stream',
      sizeBytes: upload.content.length,
      sha256,
      sm3,
      content: upload.content,
      uploadedBy: actor.kind === 'user' ? actor.userId : null,
      uploadedAt: now(),
    })
    await audit(tx, actor, {
      action: 'verification.deliverable',
      targetType: 'stageDeliverable',
      targetId: id,
      detail: { title, fileName, sizeBytes: upload.content.length, sha256, sm3 },
    })
  })
  return detailAfterChange(actor, project.id)
}

export async function downloadDeliverable(actor: Actor, id: string) {
  requirePermission(actor, 'verification.read')
  const [row] = await db.select().from(stageDeliverables).where(eq(stageDeliverables.id, id))
  if (!row) throw notFound('交付成果')
  const [stageRow] = await findStages([row.stageId])
  const project = await visibleProject(actor, stageRow!.projectId)
  if (!(await canDownload(actor, project)))
    throw new AppError('FORBIDDEN', '交付成果文件仅向项目负责中心、申报单位和受邀中试平台开放，您可查看其摘要')
  return { fileName: row.fileName, sha256: row.sha256, sm3: row.sm3, content: row.content }
}
