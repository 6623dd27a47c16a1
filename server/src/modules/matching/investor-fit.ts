import { investmentStageLabels, wan } from '../investors/labels'
import type { InvestmentStage } from '../investors/schema'

/** What investor matching reads of a project. */
export type ProjectForInvestors = {
  status: string
  trl: number | null
  industryCodes: readonly string[]
  /** Industry node names by code (the project's and the investors'), for fields named alike in two cities' systems. */
  industryNames: ReadonlyMap<string, string>
  text: string
  budgetFen: number
  /** The project's area and the areas containing it (district, city, province). */
  areas: readonly string[]
}

export type InvestorProfileFacts = {
  stages: readonly InvestmentStage[]
  industryCodes: readonly string[]
  focusKeywords: readonly string[]
  ticketMinFen: number
  ticketMaxFen: number
  jurisdictionCodes: readonly string[]
}

export type InvestorFit = {
  score: number
  parts: { stageFit: number; fieldFit: number; ticketFit: number; areaFit: number }
  reasons: string[]
}

const STAGE_ORDER: readonly InvestmentStage[] = ['seed', 'angel', 'early', 'growth']
export const INVESTOR_FIT_WEIGHTS = { stageFit: 0.35, fieldFit: 0.35, ticketFit: 0.2, areaFit: 0.1 }

/** A project is ready for investors once verified (seed 004 二(三) 验证后对接投资). */
export const INVESTABLE_STATUSES = ['verified', 'handedOff', 'landed'] as const

/**
 * The financing stage a project is in: by readiness (TRL ≤ 4 种子期, 5–6 天使轮, ≥ 7 初创期), raised to 天使轮 once
 * handed to a pilot platform and to 初创期 once landed (a company founded or a licence signed).
 */
export function investmentStageOf(project: { status: string; trl: number | null }): {
  stage: InvestmentStage
  because: string
} {
  const trl = project.trl
  let stage: InvestmentStage = trl === null ? 'angel' : trl <= 4 ? 'seed' : trl <= 6 ? 'angel' : 'early'
  let because = trl === null ? '已完成概念验证' : `技术成熟度 TRL ${trl}`
  if (project.status === 'handedOff' && STAGE_ORDER.indexOf(stage) < 1) {
    stage = 'angel'
    because = '已进入中试'
  }
  if (project.status === 'landed' && STAGE_ORDER.indexOf(stage) < 2) {
    stage = 'early'
    because = '已转化落地'
  }
  return { stage, because }
}

/** `WZ-1-2` and `WZ-1-5` share the chain `WZ-1` of the same system. */
const chainOf = (code: string) => {
  const [system, node = ''] = code.split(':')
  return `${system}:${node.split('-').slice(0, 2).join('-')}`
}

function fieldFit(project: ProjectForInvestors, investor: InvestorProfileFacts): { fit: number; reasons: string[] } {
  const nameOf = (code: string) => project.industryNames.get(code) ?? code
  const projectNames = new Set(project.industryCodes.map(nameOf))
  const same = investor.industryCodes.filter((c) => project.industryCodes.includes(c) || projectNames.has(nameOf(c)))
  const chain = investor.industryCodes.filter(
    (c) => !same.includes(c) && project.industryCodes.some((p) => chainOf(p) === chainOf(c)),
  )
  const words = investor.focusKeywords.filter((w) => project.text.includes(w))
  const reasons: string[] = []
  if (same.length) reasons.push(`关注产业相同：${[...new Set(same.map(nameOf))].join('、')}`)
  else if (chain.length) reasons.push(`关注产业同属一条产业链：${[...new Set(chain.map(nameOf))].join('、')}`)
  if (words.length) reasons.push(`关注方向命中：${words.join('、')}`)
  const fit = same.length || words.length ? 1 : chain.length ? 0.6 : 0
  return { fit, reasons }
}

function ticketFit(budgetFen: number, investor: InvestorProfileFacts): { fit: number; reason: string } {
  const range = `单笔投资 ${wan(investor.ticketMinFen)}–${wan(investor.ticketMaxFen)} 万元`
  const budget = `项目预算 ${wan(budgetFen)} 万元`
  if (budgetFen >= investor.ticketMinFen && budgetFen <= investor.ticketMaxFen)
    return { fit: 1, reason: `${range}，覆盖${budget}` }
  // Within a factor of two the ticket can still be arranged (co-investing or a smaller first tranche).
  const ratio =
    budgetFen < investor.ticketMinFen ? budgetFen / investor.ticketMinFen : investor.ticketMaxFen / budgetFen
  if (ratio >= 0.5)
    return {
      fit: 0.5,
      reason: `${range}，与${budget}接近（${budgetFen < investor.ticketMinFen ? '低于下限' : '高于上限'}）`,
    }
  return { fit: 0, reason: `${range}，与${budget}差距较大` }
}

/**
 * How well an investment institution fits a verified project: stage (35%), field (35%), ticket size against the
 * project's budget (20%) and area (10%). An institution with neither a shared field nor a stage it invests in
 * (or next to one) is not a match: `undefined`.
 */
export function investorFit(
  project: ProjectForInvestors,
  investor: InvestorProfileFacts,
  areaNames: ReadonlyMap<string, string> = new Map(),
): InvestorFit | undefined {
  const { stage, because } = investmentStageOf(project)
  const distance = Math.min(
    ...investor.stages.map((s) => Math.abs(STAGE_ORDER.indexOf(s) - STAGE_ORDER.indexOf(stage))),
  )
  const stageFit = distance === 0 ? 1 : distance === 1 ? 0.4 : 0
  const field = fieldFit(project, investor)
  if (stageFit === 0 || field.fit === 0) return undefined
  const ticket = ticketFit(project.budgetFen, investor)
  const areaHit = investor.jurisdictionCodes.find((c) => project.areas.includes(c))
  const areaFit = investor.jurisdictionCodes.length === 0 || areaHit ? 1 : 0
  const stages = investor.stages.map((s) => investmentStageLabels[s]).join('、')
  const reasons = [
    `${stageFit === 1 ? '投资阶段相符' : '投资阶段相邻'}：项目${because}，处于${investmentStageLabels[stage]}；机构投${stages}`,
    ...field.reasons,
    ticket.reason,
    investor.jurisdictionCodes.length === 0
      ? '投资地域不限'
      : areaHit
        ? `投资地域包含${areaNames.get(areaHit) ?? areaHit}`
        : '项目不在机构的投资地域内',
  ]
  const parts = { stageFit, fieldFit: field.fit, ticketFit: ticket.fit, areaFit }
  const score =
    INVESTOR_FIT_WEIGHTS.stageFit * stageFit +
    INVESTOR_FIT_WEIGHTS.fieldFit * field.fit +
    INVESTOR_FIT_WEIGHTS.ticketFit * ticket.fit +
    INVESTOR_FIT_WEIGHTS.areaFit * areaFit
  return { score: Math.round(score * 1000) / 1000, parts, reasons }
}
