import { carrierKindLabels } from '../carriers/labels'
import { organizationKindLabels } from '../organizations/labels'
import {
  type Compute,
  type FinanceLevel,
  financeLevelLabels,
  isOneApplicationPerYear,
  type Parameter,
  type PolicyDefinition,
  serviceCategoryLabels,
} from './definition'
import { factSpec } from './facts'
import { formatFen, formatPercent } from './money'

/** A parameter as a person reads it: 50%, 200 万元, 3 年 — or its name followed by （待定）. */
export function parameterText(p: Parameter): string {
  if (p.value === null) return `${p.label}（待定）`
  switch (p.unit) {
    case 'percent':
      return formatPercent(p.value)
    case 'fen':
      return formatFen(p.value)
    case 'fenPerUnit':
      return `每个 ${formatFen(p.value)}`
    case 'years':
      return `${p.value} 年`
    case 'count':
      return `${p.value} 个`
  }
}

const shortLevelLabels: Record<FinanceLevel, string> = { city: '市级', district: '区县级' }

/** 资金分担 as a person reads it: 区县级财政全额承担, or 市级 30% · 区县级 70% (shares are not counts). */
export function splitText(split: readonly { level: FinanceLevel; share: number }[] | null): string {
  if (!split?.length) return '待定'
  if (split.length === 1) return `${financeLevelLabels[split[0]!.level]}全额承担`
  const total = split.reduce((s, x) => s + x.share, 0)
  return split.map((s) => `${shortLevelLabels[s.level]} ${formatPercent((s.share / total) * 100)}`).join(' · ')
}

function computeText(d: PolicyDefinition, c: Compute): string {
  const param = (key: string) => parameterText(d.parameters[key]!)
  if (c.kind === 'fixed') return `定额 ${param(c.amount)}`
  if (c.kind === 'rate') return `${factSpec(c.base).label} × ${param(c.rate)}`
  return c.terms
    .map((t) => `${factSpec(t.fact).label} × ${'rate' in t ? param(t.rate) : param(t.perUnit)}`)
    .join(' ＋ ')
}

/** The policy's rules in Chinese, one line each: who, what, how much, how long, who pays. */
export function describeRules(d: PolicyDefinition): string[] {
  const kinds = d.subject.kinds.map((k) =>
    d.subject.type === 'carrier'
      ? carrierKindLabels[k as keyof typeof carrierKindLabels]
      : organizationKindLabels[k as keyof typeof organizationKindLabels],
  )
  const lines = [`适用对象：${kinds.join('、')}`]
  for (const c of d.conditions) lines.push(`条件：${c.label}`)
  const f = d.formula
  if (f) {
    if (f.schedule) {
      const from = f.schedule.anchor === 'establishedYear' ? '自机构成立年度起算' : '自首个支持年度起算'
      lines.push(`支持年限：${parameterText(d.parameters[f.schedule.maxYears]!)}（${from}）`)
    }
    for (const s of f.stages) {
      const years = s.years ? `第 ${s.years.from}${s.years.to > s.years.from ? `–${s.years.to}` : ''} 年：` : ''
      const cap = s.capPerYear ? `，年度上限 ${parameterText(d.parameters[s.capPerYear]!)}` : ''
      lines.push(`计算：${years}${computeText(d, s.compute)}${cap}`)
    }
    if (f.capPerEntity) lines.push(`累计上限：${parameterText(d.parameters[f.capPerEntity]!)}`)
    if (f.oncePerEntity) lines.push('每个主体限一次')
  }
  if (d.voucher) lines.push(`可兑付服务：${d.voucher.categories.map((c) => serviceCategoryLabels[c]).join('、')}`)
  lines.push(
    isOneApplicationPerYear(d)
      ? '申报次数：每个主体每年度申报一次'
      : '申报次数：每年度可多次申报，年度上限合并计算（在办申请的测算金额先行占用）',
  )
  lines.push(`资金分担：${splitText(d.budget.split)}（${d.budget.splitSource}）`)
  lines.push(`年度预算：${parameterText(d.parameters[d.budget.annual]!)}`)
  const { from, to, note } = d.validity
  lines.push(`有效期：${from ?? '未载明'} 至 ${to ?? '未载明'}${note ? `（${note}）` : ''}`)
  if (d.automatic) lines.push('免申即享：所需数据均在平台上，符合条件的主体无需申请')
  return lines
}
