import { accreditationLabels, carrierKindLabels, subtypesOfKind } from './labels'
import type { AccreditationStatus, CarrierKind, CarrierLevel, CarrierSubtype } from './schema'

export type CarrierShape = {
  kind: CarrierKind
  subtype: CarrierSubtype | null
  industryCodes: readonly string[]
  level: CarrierLevel | null
  accreditationStatus: AccreditationStatus
  accreditationYear: number | null
  longitude: number | null
  latitude: number | null
}
export type FieldProblem = { path: string; message: string }

/**
 * The rules that tie a carrier's fields together (each field's own range is checked by its contract).
 * Returns every problem, so a form can mark all of them at once.
 */
export function carrierProblems(c: CarrierShape, currentYear: number): FieldProblem[] {
  const out: FieldProblem[] = []
  const allowed = subtypesOfKind[c.kind]
  if (allowed.length === 0 && c.subtype !== null) {
    out.push({ path: 'subtype', message: `${carrierKindLabels[c.kind]}不设细分类型` })
  } else if (allowed.length > 0 && (c.subtype === null || !allowed.includes(c.subtype))) {
    out.push({
      path: 'subtype',
      message:
        c.kind === 'pocCenter'
          ? '概念验证中心请选择综合类或专业型'
          : '中试平台请选择主导类型：企业主导、第三方服务机构主导、高校院所主导或政府投资主导',
    })
  }
  // 专业型 "聚焦1—2个学科或产业领域" (seed 002 湖州市概念验证中心建设实施方案 二).
  if (c.subtype === 'specialized' && (c.industryCodes.length < 1 || c.industryCodes.length > 2)) {
    out.push({
      path: 'industryCodes',
      message:
        c.industryCodes.length === 0
          ? '专业型概念验证中心应选择 1–2 个产业领域'
          : `专业型概念验证中心聚焦 1–2 个产业领域，当前选择了 ${c.industryCodes.length} 个`,
    })
  } else if ((c.kind === 'pocCenter' || c.kind === 'pilotPlatform') && c.industryCodes.length === 0) {
    out.push({ path: 'industryCodes', message: `${carrierKindLabels[c.kind]}请至少选择一个产业领域` })
  }
  if ((c.longitude === null) !== (c.latitude === null)) {
    out.push({ path: c.longitude === null ? 'longitude' : 'latitude', message: '经度和纬度应同时填写' })
  }
  out.push(...accreditationProblems(c, currentYear))
  return out
}

function accreditationProblems(c: CarrierShape, currentYear: number): FieldProblem[] {
  const out: FieldProblem[] = []
  const status = accreditationLabels[c.accreditationStatus]
  if (c.accreditationStatus === 'none') {
    if (c.level !== null) out.push({ path: 'level', message: '未认定的载体不设级别' })
    if (c.accreditationYear !== null) out.push({ path: 'accreditationYear', message: '未认定的载体不填年份' })
    return out
  }
  if (c.accreditationStatus === 'accredited' && c.level === null) {
    out.push({ path: 'level', message: '已认定的载体请选择级别（市级、省级或国家级）' })
  }
  if (c.accreditationStatus !== 'applying' && c.accreditationYear === null) {
    out.push({
      path: 'accreditationYear',
      message: `${status}的载体请填写${status === '已撤销' ? '撤销' : '认定'}年份`,
    })
  }
  if (c.accreditationYear !== null && c.accreditationYear > currentYear) {
    out.push({ path: 'accreditationYear', message: `年份不能晚于 ${currentYear} 年` })
  }
  return out
}
