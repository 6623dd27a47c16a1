import type { Director, DirectorRole } from '../carriers/schema'
import { type VerificationType, verificationTypes } from '../projects/schema'
import type { ReportKind, StageStatus } from './schema'

/** 原理验证 → 技术与工艺可行性验证 → 产品与场景验证 → 商业可行性验证 (seed 002 三(二)8), in this order. */
export const STAGE_ORDER: readonly VerificationType[] = verificationTypes

export const ordinalOf = (stage: VerificationType): number => STAGE_ORDER.indexOf(stage)

export type PlannedStage = { stage: VerificationType; ordinal: number; status: StageStatus }

/**
 * The stages of a verification that starts where the project fits and ends where it should: earlier stages
 * are skipped (with the reason the center gives), later ones not planned, the first one active.
 */
export function planStages(first: VerificationType, last: VerificationType): PlannedStage[] {
  const from = ordinalOf(first)
  const to = ordinalOf(last)
  if (to < from) throw new RangeError('last stage before first stage')
  return STAGE_ORDER.map((stage, ordinal) => ({
    stage,
    ordinal,
    status: ordinal < from ? 'skipped' : ordinal > to ? 'notPlanned' : ordinal === from ? 'active' : 'pending',
  }))
}

/** After a gate passes: the next stage still waiting (a stage reopened later leaves passed ones as they are). */
export function nextPending<T extends { ordinal: number; status: StageStatus }>(
  stages: readonly T[],
  after: number,
): T | undefined {
  return [...stages].sort((a, b) => a.ordinal - b.ordinal).find((s) => s.ordinal > after && s.status === 'pending')
}

/** A verification ending at the technical stage or earlier yields a 技术可行性报告, otherwise a 概念验证报告. */
export function reportKindOf(last: VerificationType): ReportKind {
  return ordinalOf(last) <= ordinalOf('technical') ? 'technicalFeasibility' : 'poc'
}

export type SignPurpose = VerificationType | 'report'

/**
 * 双主任制 (seed 004 三(三)): the 技术主任 signs the technical gates (原理、技术与工艺、产品与场景), the 行政主任 —
 * the industry expert with commercial experience — the 商业可行性 gate; either signs the report. A center
 * with a single 主任 has them sign everything.
 */
export function signerRoles(purpose: SignPurpose): readonly DirectorRole[] {
  if (purpose === 'report') return ['technical', 'administrative', 'director']
  if (purpose === 'commercial') return ['administrative', 'director']
  return ['technical', 'director']
}

export type SignerChoice = { ok: true; director: Director } | { ok: false; message: string }

export function chooseSigner(directors: readonly Director[], name: string, purpose: SignPurpose): SignerChoice {
  const allowed = signerRoles(purpose)
  if (directors.length === 0) return { ok: false, message: '本中心在载体库中尚未登记主任，请先登记行政主任和技术主任' }
  const named = directors.filter((d) => d.name === name.trim())
  if (named.length === 0) return { ok: false, message: `“${name}”不是本中心登记的主任` }
  const director = named.find((d) => allowed.includes(d.role))
  if (!director) {
    const need = purpose === 'commercial' ? '行政主任' : purpose === 'report' ? '主任' : '技术主任'
    return { ok: false, message: `该阶段须由${need}签署，“${name}”不是本中心的${need}` }
  }
  return { ok: true, director }
}
