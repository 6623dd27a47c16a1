import { describe, expect, it } from 'vitest'
import { type InvestorProfileFacts, investmentStageOf, investorFit, type ProjectForInvestors } from './investor-fit'

const project = (extra: Partial<ProjectForInvestors> = {}): ProjectForInvestors => ({
  status: 'verified',
  trl: 4,
  industryCodes: ['huzhou-1366:HZ-1-1'],
  industryNames: new Map([
    ['huzhou-1366:HZ-1-1', '智能装备'],
    ['wenzhou-5n:WZ-4-3', '智能装备'],
    ['huzhou-1366:HZ-1-2', '工业机器人'],
    ['huzhou-1366:HZ-2-1', '生物医药'],
  ]),
  text: '灵巧手多模态触觉反馈控制系统 面向柔性物体分拣',
  budgetFen: 70_000_000,
  areas: ['330502', '330500', '330000'],
  ...extra,
})
const investor = (extra: Partial<InvestorProfileFacts> = {}): InvestorProfileFacts => ({
  stages: ['seed'],
  industryCodes: ['huzhou-1366:HZ-1-1'],
  focusKeywords: [],
  ticketMinFen: 50_000_000,
  ticketMaxFen: 500_000_000,
  jurisdictionCodes: [],
  ...extra,
})

describe('investment stage of a project', () => {
  it.each([
    [{ status: 'verified', trl: 4 }, 'seed'],
    [{ status: 'verified', trl: 5 }, 'angel'],
    [{ status: 'verified', trl: 6 }, 'angel'],
    [{ status: 'verified', trl: 7 }, 'early'],
    [{ status: 'verified', trl: null }, 'angel'],
    [{ status: 'handedOff', trl: 3 }, 'angel'],
    [{ status: 'handedOff', trl: 8 }, 'early'],
    [{ status: 'landed', trl: 4 }, 'early'],
  ])('%o is %s', (p, stage) => {
    expect(investmentStageOf(p).stage).toBe(stage)
  })
})

describe('investor fit', () => {
  it('explains a full fit: stage, field, ticket and area', () => {
    const fit = investorFit(project(), investor({ jurisdictionCodes: ['330500'] }), new Map([['330500', '湖州市']]))
    expect(fit?.score).toBe(1)
    expect(fit?.reasons).toEqual([
      '投资阶段相符：项目技术成熟度 TRL 4，处于种子期；机构投种子期',
      '关注产业相同：智能装备',
      '单笔投资 50–500 万元，覆盖项目预算 70 万元',
      '投资地域包含湖州市',
    ])
  })

  it.each([
    ['at the lower bound', 50_000_000, 1],
    ['at the upper bound', 500_000_000, 1],
    ['half the lower bound', 25_000_000, 0.5],
    ['just under half the lower bound', 24_999_999, 0],
    ['twice the upper bound', 1_000_000_000, 0.5],
    ['over twice the upper bound', 1_000_000_001, 0],
  ])('ticket fit with the budget %s', (_name, budgetFen, ticketFit) => {
    expect(investorFit(project({ budgetFen }), investor())?.parts.ticketFit).toBe(ticketFit)
  })

  it.each([
    ['same code', ['huzhou-1366:HZ-1-1'], [], 1],
    ['same name in another city', ['wenzhou-5n:WZ-4-3'], [], 1],
    ['same chain', ['huzhou-1366:HZ-1-2'], [], 0.6],
    ['a focus word in the text', ['huzhou-1366:HZ-2-1'], ['灵巧手'], 1],
  ])('field fit by %s', (_name, industryCodes, focusKeywords, fieldFit) => {
    expect(investorFit(project(), investor({ industryCodes, focusKeywords }))?.parts.fieldFit).toBe(fieldFit)
  })

  it('is no match without a shared field, or with a stage two steps away', () => {
    expect(investorFit(project(), investor({ industryCodes: ['huzhou-1366:HZ-2-1'] }))).toBeUndefined()
    expect(investorFit(project(), investor({ stages: ['early', 'growth'] }))).toBeUndefined()
    expect(investorFit(project(), investor({ stages: ['angel'] }))?.parts.stageFit).toBe(0.4)
  })

  it('says when the project lies outside the investor’s area', () => {
    const fit = investorFit(project(), investor({ jurisdictionCodes: ['350200'] }))
    expect(fit?.parts.areaFit).toBe(0)
    expect(fit?.reasons).toContain('项目不在机构的投资地域内')
  })
})
