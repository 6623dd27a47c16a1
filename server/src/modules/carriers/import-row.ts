import { z } from 'zod'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { type ParsedRow, parsedAll } from '../../platform/registry/import/parsed-row'
import { qualify, systemsFor } from '../industries/service'
import { listJurisdictions } from '../jurisdictions/service'
import { findOrganizations, listOrganizations } from '../organizations/service'
import { Uscc } from './contracts'
import {
  accreditationLabels,
  byLabel,
  capabilityCategoryLabels,
  carrierKindLabels,
  carrierLevelLabels,
  carrierSubtypeLabels,
  organizationKindOfCarrier,
} from './labels'
import { carrierProblems } from './rules'
import { currentYear, editableAreasOf } from './service'

const label = <K extends string>(labels: Record<K, string>, what: string) =>
  z.string().transform((v, ctx) => {
    const key = byLabel(labels, v)
    if (key) return key
    ctx.addIssue({ code: 'custom', message: `${what}应为：${Object.values(labels).join('、')}` })
    return z.NEVER
  })

const names = z.array(z.string().trim().min(2, '姓名至少 2 个字').max(30, '姓名不超过 30 个字')).max(5).default([])

// 名称（类别）, e.g. 原型制造与性能测评（技术与工艺验证）
const CAPABILITY = /^(.{2,60}?)[（(]([^（）()]+)[）)]$/
const LONGITUDE = '经度应在 73–136 之间（中国境内），请确认经纬度没有填反'
const LATITUDE = '纬度应在 3–54 之间（中国境内），请确认经纬度没有填反'

export const ImportRow = z.object({
  name: z.string().trim().min(4, '载体名称至少 4 个字').max(100, '载体名称不超过 100 个字'),
  kind: label(carrierKindLabels, '载体类型'),
  subtype: label(carrierSubtypeLabels, '细分类型').optional(),
  organizationName: z.string().trim().min(2, '运营机构名称至少 2 个字').max(100, '运营机构名称不超过 100 个字'),
  uscc: Uscc.optional(),
  area: z.string().trim().min(2, '请填写所在地区').max(30, '所在地区不超过 30 个字'),
  industries: z.array(z.string().max(40, '产业领域名称不超过 40 个字')).max(20, '产业领域不超过 20 个').default([]),
  level: label(carrierLevelLabels, '级别').optional(),
  accreditationStatus: label(accreditationLabels, '认定状态').optional(),
  accreditationYear: z.coerce
    .number({ error: '年份应为数字' })
    .int('年份应为整数')
    .min(2000, '年份应在 2000 年以后')
    .max(2100, '年份不正确')
    .optional(),
  address: z.string().trim().min(5, '请填写详细地址（至少 5 个字）').max(200, '地址不超过 200 个字'),
  longitude: z.coerce.number({ error: '经度应为数字' }).min(73, LONGITUDE).max(136, LONGITUDE).optional(),
  latitude: z.coerce.number({ error: '纬度应为数字' }).min(3, LATITUDE).max(54, LATITUDE).optional(),
  capabilities: z
    .array(z.string())
    .max(60, '验证能力不超过 60 项')
    .default([])
    .transform((values, ctx) =>
      values.map((v) => {
        const match = CAPABILITY.exec(v.trim())
        const category = match ? byLabel(capabilityCategoryLabels, match[2]!) : undefined
        if (match && category) return { name: match[1]!.trim(), description: null, category }
        ctx.addIssue({
          code: 'custom',
          message: `验证能力“${v}”应写作“名称（类别）”，类别为：${Object.values(capabilityCategoryLabels).join('、')}`,
        })
        return z.NEVER
      }),
    ),
  director: names,
  administrativeDirector: names,
  technicalDirector: names,
  hostInstitution: z.string().trim().max(100, '依托单位不超过 100 个字').optional(),
  contactName: z.string().trim().max(30, '联系人不超过 30 个字').optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')
    .optional(),
  introduction: z.string().trim().min(20, '载体简介至少 20 个字').max(5000, '载体简介不超过 5000 个字'),
  confidentiality: label(confidentialityLabels, '公开程度').optional(),
})

/** What the database says about a row: its area, industry codes and operating organization (found or new). */
export type Resolved = {
  jurisdictionCode: string
  industryCodes: string[]
  organization: { kind: 'existing'; id: string } | { kind: 'new' }
}
/** A parsed row; `resolved` is attached by `resolveImportRows` (the import's database check) for `persist`. */
export type CarrierImportRow = z.output<typeof ImportRow> & { resolved?: Resolved }

type Problem = { index: number; column: string; reason: string }

/** The columns each cross-column rule of `carrierProblems` reads, by the path of its problem. */
const RULE_INPUTS: Record<string, (keyof CarrierImportRow & string)[]> = {
  subtype: ['kind', 'subtype'],
  industryCodes: ['kind', 'subtype', 'industries'],
  longitude: ['longitude', 'latitude'],
  latitude: ['longitude', 'latitude'],
  level: ['accreditationStatus', 'level', 'accreditationYear'],
  accreditationYear: ['accreditationStatus', 'level', 'accreditationYear'],
}
const RULE_COLUMN: Record<string, string> = { industryCodes: 'industries' }

/**
 * The checks that need the database: the area is in the officer's jurisdiction, the operating organization
 * (by 统一社会信用代码 or exact name) fits the carrier, industry names belong to the area's system. Each runs
 * when its own columns parsed, so a row's every problem is reported at once.
 */
export async function resolveImportRows(actor: Actor, rows: ParsedRow<CarrierImportRow>[]): Promise<Problem[]> {
  const problems: Problem[] = []
  const scope = await editableAreasOf(actor)
  const inScope = (code: string) => scope === 'all' || (Array.isArray(scope) && scope.includes(code))
  const areas = await listJurisdictions(actor)
  const usccs = rows.flatMap(({ row }) => (row.uscc ? [row.uscc] : []))
  const byUscc = new Map((await findOrganizations(db, { usccs })).map((o) => [o.uscc, o]))
  const systems = new Map<string, Awaited<ReturnType<typeof systemsFor>>>()
  const year = currentYear()
  for (const [index, parsed] of rows.entries()) {
    const { row } = parsed
    const add = (column: string, reason: string) => problems.push({ index, column, reason })
    let jurisdictionCode: string | undefined
    if (row.area !== undefined) {
      const candidates = areas.filter((a) => a.code === row.area || a.name === row.area || a.fullName === row.area)
      const area = candidates.length > 1 ? candidates.filter((a) => inScope(a.code)) : candidates
      if (area.length !== 1)
        add('area', area.length === 0 ? `地区“${row.area}”不存在` : '地区名称不唯一，请填写 6 位行政区划代码')
      else {
        jurisdictionCode = area[0]!.code
        if (!inScope(jurisdictionCode)) add('area', `“${area[0]!.fullName}”不在您的管辖范围内`)
      }
    }
    let org: { id: string; name: string; kind: string; status: string; jurisdictionCode: string } | undefined
    if (row.kind && parsedAll(parsed, 'uscc') && (row.uscc || row.organizationName)) {
      const wantedKind = organizationKindOfCarrier[row.kind]
      org = row.uscc
        ? byUscc.get(row.uscc)
        : (
            await listOrganizations(actor, { q: row.organizationName!, kind: wantedKind, page: 1, pageSize: 200 })
          ).items.find((o) => o.name === row.organizationName)
      if (org) {
        if (!inScope(org.jurisdictionCode)) add('organizationName', '运营机构不在您的管辖范围内')
        else if (org.kind !== wantedKind)
          add('organizationName', `“${org.name}”不是${carrierKindLabels[row.kind]}类运营机构`)
        else if (org.status !== 'active') add('organizationName', `“${org.name}”已注销`)
      }
    }
    const industryCodes: string[] = []
    if (jurisdictionCode && row.industries) {
      if (!systems.has(jurisdictionCode)) systems.set(jurisdictionCode, await systemsFor(jurisdictionCode))
      for (const name of row.industries) {
        const code = systems
          .get(jurisdictionCode)!
          .flatMap((s) => s.nodes.map((n) => ({ code: qualify(s.code, n.code), name: n.name })))
          .find((n) => n.name === name || n.code === name)?.code
        if (code) industryCodes.push(code)
        else add('industries', `“${name}”不属于本地区的产业体系`)
      }
    }
    const rules = carrierProblems(
      {
        // A stand-in when 载体类型 failed: the rules that read it are dropped below.
        kind: row.kind ?? 'park',
        subtype: row.subtype ?? null,
        industryCodes: row.industries ?? [],
        level: row.level ?? null,
        accreditationStatus: row.accreditationStatus ?? 'none',
        accreditationYear: row.accreditationYear ?? null,
        longitude: row.longitude ?? null,
        latitude: row.latitude ?? null,
      },
      year,
    )
    for (const p of rules)
      if (parsedAll(parsed, ...(RULE_INPUTS[p.path] ?? []))) add(RULE_COLUMN[p.path] ?? p.path, p.message)
    if (jurisdictionCode)
      row.resolved = {
        jurisdictionCode,
        industryCodes,
        organization: org ? { kind: 'existing', id: org.id } : { kind: 'new' },
      }
  }
  return problems
}
