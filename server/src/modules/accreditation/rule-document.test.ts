import { describe, expect, it } from 'vitest'
import { RuleDocument } from './rule-document'
import { amountOf, pendingParameters, type RuleVersion, versionInForce } from './rule-params'
import { parseRuleFile, shippedRuleFiles } from './rules'

const wenzhou = () => parseRuleFile('wenzhou-poc-2025.json')
const version = (doc: RuleDocument, v: number, from = doc.effectiveFrom, to = doc.effectiveTo): RuleVersion => ({
  id: `v${v}`,
  code: doc.code,
  version: v,
  versionLabel: `${v}`,
  effectiveFrom: from,
  effectiveTo: to,
  document: doc,
})

describe('data/rules/accreditation', () => {
  it('ships Wenzhou and the two Huzhou plans, each valid', () => {
    expect(shippedRuleFiles()).toEqual(['huzhou-pilot-2025.json', 'huzhou-poc-2025.json', 'wenzhou-poc-2025.json'])
    for (const file of shippedRuleFiles()) expect(() => parseRuleFile(file)).not.toThrow()
  })

  it('holds the Wenzhou guideline as the seed writes it (温州指引 二–六)', () => {
    const doc = wenzhou()
    expect([doc.effectiveFrom, doc.effectiveTo]).toEqual(['2025-11-17', '2027-12-31'])
    const min = (id: string) => {
      const c = doc.conditions!.find((x) => x.id === id)!
      return 'min' in c ? amountOf(doc, c.min) : 'minFen' in c ? amountOf(doc, c.minFen) : null
    }
    expect([min('pool'), min('samples'), min('landings'), min('advisory')]).toEqual([40, 20, 10, 5])
    expect([min('specialFunds'), min('fund')]).toEqual([100_000_000, 1_000_000_000])
    expect(amountOf(doc, doc.procedure!.noticeWorkdays)).toBe(5)
    expect(doc.evaluation!.bands.map((b) => [b.label, b.min])).toEqual([
      ['优秀', 85],
      ['合格', 60],
      ['不合格', null],
    ])
    expect(doc.evaluation!.dimensions.map((d) => d.label)).toEqual(['能力建设', '服务水平', '规范管理', '综合效益'])
  })

  it('leaves the indicator weights 待定, since the seed gives only the four dimensions', () => {
    const pending = pendingParameters(wenzhou()).map((p) => p.key)
    expect(pending.filter((k) => k.startsWith('evaluation.points.'))).toHaveLength(10)
    expect(pending.every((k) => k.startsWith('evaluation.'))).toBe(true)
  })

  it('marks what the Huzhou plans leave open as 待定 sections, and keeps their targets', () => {
    const poc = parseRuleFile('huzhou-poc-2025.json')
    expect(pendingParameters(poc).map((p) => p.key)).toEqual([
      'conditions',
      'procedure',
      'evaluation',
      'dynamicManagement',
    ])
    expect(poc.targets.filter((t) => t.metric === 'accredited').map((t) => ('min' in t ? t.min : 0))).toEqual([
      1, 6, 20,
    ])
    const pilot = parseRuleFile('huzhou-pilot-2025.json')
    expect(pilot.targets.map((t) => t.key)).toContain('huzhou.pilot.services')
  })

  it('refuses a document whose null section is not declared 待定, or that points at a missing parameter', () => {
    const doc = wenzhou()
    const broken = {
      ...doc,
      dynamicManagement: null,
      procedure: { ...doc.procedure!, noticeWorkdays: { param: 'nope' } },
    }
    const messages = RuleDocument.safeParse(broken).error?.issues.map((i) => i.message) ?? []
    expect(messages).toContain('动态管理规则为空时须在参数中标明待定（键名 dynamicManagement）')
    expect(messages).toContain('引用的参数 nope 不存在')
  })
})

describe('versionInForce', () => {
  const doc = wenzhou()
  const versions = [version(doc, 1), version(doc, 2, '2026-03-01')]

  it.each([
    ['2025-11-17', 'v1'],
    ['2026-02-28', 'v1'],
    ['2026-03-01', 'v2'],
    ['2027-12-31', 'v2'],
  ])('on %s uses %s', (on, id) => {
    expect(versionInForce(versions, on, '温州').id).toBe(id)
  })

  it.each(['2025-11-16', '2028-01-01'])('refuses %s, outside every version, in Chinese', (on) => {
    expect(() => versionInForce(versions, on, '温州市概念验证中心认定规则')).toThrow(
      `${on} 不在温州市概念验证中心认定规则任何版本的有效期内`,
    )
  })
})
