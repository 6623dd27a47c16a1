import { capabilityCategoryLabels } from '../carriers/labels'
import type { CapabilityCategory, DirectorRole } from '../carriers/schema'
import type { DeclaredFacts } from './declared'
import type { AdvisorySector, Condition, RuleDocument } from './rule-document'
import { amountOf } from './rule-params'

/** What the platform's records say about an applicant (organizations, carriers, projects, experts). */
export type ApplicantFacts = {
  cityName: string
  organization: {
    name: string
    inCity: boolean
    areaName: string
    isLegalEntity: boolean
    hasUscc: boolean
    active: boolean
  }
  capabilities: { name: string; category: CapabilityCategory }[]
  directors: { name: string; role: DirectorRole }[]
  /** null: the platform keeps no record of this yet (its module has not landed), so the applicant declares it. */
  platform: { poolSize: number | null; samplesProducts: number | null; landings: number | null }
  advisors: { id: string; name: string; sector: AdvisorySector | null; basis: string }[]
  unknownAdvisorIds: string[]
}

export type ConditionStatus = 'met' | 'notMet' | 'evidenceMissing' | 'pending'
export type ConditionResult = {
  id: string
  label: string
  cite: string
  source: 'platform' | 'declared'
  status: ConditionStatus
  evidence: string[]
  because: string
}

export const conditionStatusLabels: Record<ConditionStatus, string> = {
  met: '满足',
  notMet: '不满足',
  evidenceMissing: '缺少佐证材料',
  pending: '条件待定',
}
export const sectorLabels: Record<AdvisorySector, string> = {
  academia: '学术界',
  industry: '产业界',
  investment: '投资界',
}
const metricLabels = { poolSize: '累计入库项目', samplesProducts: '样品化或产品化成果', landings: '落地转化项目' }
const roleLabels: Record<DirectorRole, string> = { director: '主任', administrative: '行政主任', technical: '技术主任' }

export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`

type Evidence = { name: string; conditionId: string }
type Input = { declared: DeclaredFacts; attachments: readonly Evidence[] }

/**
 * Checks every condition of the rule (seed 004 二) and says met / not met with its evidence: platform facts
 * from the records, declared facts from the applicant with at least one attachment each.
 */
export function checkConditions(doc: RuleDocument, facts: ApplicantFacts, input: Input): ConditionResult[] {
  return (doc.conditions ?? []).map((condition) => checkOne(doc, condition, facts, input))
}

function checkOne(doc: RuleDocument, c: Condition, facts: ApplicantFacts, input: Input): ConditionResult {
  const base = { id: c.id, label: c.label, cite: c.cite }
  const files = input.attachments.filter((a) => a.conditionId === c.id).map((a) => `附件：${a.name}`)
  const declared = (met: boolean, evidence: string[], because: string): ConditionResult => ({
    ...base,
    source: 'declared',
    status: !met ? 'notMet' : files.length ? 'met' : 'evidenceMissing',
    evidence: [...evidence, ...files],
    because: met && !files.length ? `${because}；请上传佐证材料` : because,
  })
  const platform = (met: boolean, evidence: string[], because: string): ConditionResult => ({
    ...base,
    source: 'platform',
    status: met ? 'met' : 'notMet',
    evidence,
    because,
  })
  const need = (amount: Parameters<typeof amountOf>[1]) => amountOf(doc, amount)
  const pending = (): ConditionResult => ({
    ...base,
    source: 'declared',
    status: 'pending',
    evidence: [],
    because: '该条件的数值待定，待市级科技管理部门设定',
  })

  switch (c.check) {
    case 'registeredLegalEntity': {
      const o = facts.organization
      const met = o.inCity && o.isLegalEntity && o.hasUscc && o.active
      const problems = [
        !o.inCity && `注册地为${o.areaName}，不在${facts.cityName}`,
        !(o.isLegalEntity && o.hasUscc) && '机构库中未登记为具有统一社会信用代码的独立法人',
        !o.active && '机构已注销',
      ].filter(Boolean)
      return platform(
        met,
        [`机构库：${o.name}，注册地 ${o.areaName}${o.hasUscc ? '，已登记统一社会信用代码' : ''}`],
        met ? `在${facts.cityName}内注册登记且具有独立法人资格` : problems.join('；'),
      )
    }
    case 'capabilities': {
      const have = new Set(facts.capabilities.map((x) => x.category))
      const missing = c.categories.filter((k) => !have.has(k))
      return platform(
        missing.length === 0,
        facts.capabilities.map((x) => `载体服务能力：${x.name}（${capabilityCategoryLabels[x.category]}）`),
        missing.length
          ? `载体登记的服务能力缺少：${missing.map((k) => capabilityCategoryLabels[k]).join('、')}`
          : `载体登记的服务能力覆盖${c.categories.map((k) => capabilityCategoryLabels[k]).join('、')}`,
      )
    }
    case 'partners': {
      const min = need(c.min)
      if (min === null) return pending()
      const n = input.declared.partners.length
      return declared(
        n >= min,
        input.declared.partners.map((p) => `合作单位：${p.name}（${p.relation}）`),
        `申报合作单位 ${n} 家，要求不少于 ${min} 家`,
      )
    }
    case 'platformCount': {
      const min = need(c.min)
      if (min === null) return pending()
      const counted = facts.platform[c.metric]
      const label = metricLabels[c.metric]
      if (counted !== null)
        return platform(counted >= min, [`平台记录：${label} ${counted} 个`], `${label} ${counted}，要求不少于 ${min}`)
      return platform(false, [], `平台尚无${label}记录（由项目库与转化成果模块登记）`)
    }
    case 'declaredAmount': {
      const min = need(c.minFen)
      if (min === null) return pending()
      const value = input.declared[c.field]
      if (value === null) return declared(false, [], '未填报')
      const extra = c.field === 'fundSizeFen' && input.declared.fundName ? [`基金：${input.declared.fundName}`] : []
      return declared(value >= min, [`申报金额：${yuan(value)}`, ...extra], `${yuan(value)}，要求不低于 ${yuan(min)}`)
    }
    case 'director': {
      const roles = new Set(facts.directors.map((d) => d.role))
      const dual = roles.has('administrative') && roles.has('technical')
      return platform(
        facts.directors.length > 0,
        facts.directors.map((d) => `载体登记：${roleLabels[d.role]} ${d.name}`),
        facts.directors.length === 0
          ? '载体未登记中心主任'
          : dual
            ? '已聘任行政主任与技术主任（双主任制）'
            : '已聘任中心主任',
      )
    }
    case 'staff': {
      const [total, fullTime, managers] = [need(c.total), need(c.fullTime), need(c.fullTimeTechManagers)]
      if (total === null || fullTime === null || managers === null) return pending()
      const s = input.declared.staff
      if (!s) return declared(false, [], '未填报服务团队')
      const met = s.total >= total && s.fullTime >= fullTime && s.fullTimeTechManagers >= managers
      return declared(
        met,
        [`申报：服务人员 ${s.total} 人，专职 ${s.fullTime} 人，专职技术经理人 ${s.fullTimeTechManagers} 人`],
        `要求不少于 ${total} 人，其中专职不少于 ${fullTime} 人、专职技术经理人不少于 ${managers} 人`,
      )
    }
    case 'advisoryPanel': {
      const min = need(c.min)
      if (min === null) return pending()
      const sectors = new Set(facts.advisors.map((a) => a.sector).filter(Boolean))
      const missing = c.sectors.filter((s) => !sectors.has(s))
      const met = facts.advisors.length >= min && missing.length === 0 && facts.unknownAdvisorIds.length === 0
      const problems = [
        facts.advisors.length < min && `专家库中的顾问专家 ${facts.advisors.length} 人，要求不少于 ${min} 人`,
        missing.length > 0 && `缺少${missing.map((s) => sectorLabels[s]).join('、')}专家`,
        facts.unknownAdvisorIds.length > 0 && `${facts.unknownAdvisorIds.length} 位专家不在专家库中`,
      ].filter(Boolean)
      return platform(
        met,
        facts.advisors.map((a) => `专家库：${a.name}（${a.sector ? sectorLabels[a.sector] : '界别不明'}，${a.basis}）`),
        met
          ? `顾问专家 ${facts.advisors.length} 人，涵盖${c.sectors.map((s) => sectorLabels[s]).join('、')}`
          : problems.join('；'),
      )
    }
    case 'declarations': {
      const missing = c.items.filter((item) => input.declared.declarations[item.key] !== true)
      return declared(
        missing.length === 0,
        c.items.map((item) => `${input.declared.declarations[item.key] ? '已承诺' : '未承诺'}：${item.label}`),
        missing.length ? `未承诺：${missing.map((m) => m.label).join('；')}` : '已逐项承诺',
      )
    }
  }
}

/** The name check (seed 004 三(二)): null when the rule sets no pattern or the name fits. */
export function nameProblem(doc: RuleDocument, name: string): string | null {
  if (!doc.namePattern) return null
  if (new RegExp(doc.namePattern.regex, 'u').test(name)) return null
  return `名称应按“${doc.namePattern.template}”统一命名，例如“${doc.namePattern.example}”`
}
