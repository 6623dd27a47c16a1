import { describe, expect, it } from 'vitest'
import { isOneApplicationPerYear, type PolicyDefinition } from './definition'
import { parseDefinition, readShippedPolicies } from './rules'

const base = readShippedPolicies().find((d) => d.code === 'huli-public-platform')!
const broken = (change: (d: PolicyDefinition) => unknown) => () => parseDefinition(change(structuredClone(base)))

describe('policy definitions are validated data', () => {
  it('ships only valid definitions, each named after its file', () => {
    expect(readShippedPolicies().length).toBeGreaterThanOrEqual(11)
  })
  it.each([
    [
      'an unknown fact',
      (d: PolicyDefinition) => ({
        ...d,
        conditions: [{ fact: 'weather.sunny', op: 'eq', value: true, label: '天晴' }],
      }),
      '不是平台认识的事实项',
    ],
    [
      'a parameter that is not defined',
      (d: PolicyDefinition) => ({
        ...d,
        formula: { ...d.formula!, stages: [{ ...d.formula!.stages[0]!, capPerYear: 'nothing' }] },
      }),
      '引用的参数 nothing 未定义',
    ],
    [
      'a rate above 100%',
      (d: PolicyDefinition) => ({ ...d, parameters: { ...d.parameters, rate: { ...d.parameters.rate!, value: 150 } } }),
      '不能超过 100%',
    ],
    [
      'an amount in 元 with decimals',
      (d: PolicyDefinition) => ({
        ...d,
        parameters: { ...d.parameters, annualCap: { ...d.parameters.annualCap!, value: 1.5 } },
      }),
      '应为整数（单位：分）',
    ],
    [
      'a rate of a count',
      (d: PolicyDefinition) => ({
        ...d,
        formula: {
          ...d.formula!,
          stages: [{ compute: { kind: 'rate', base: 'outcomes.landedLocally', rate: 'rate' } }],
        },
      }),
      '不是金额',
    ],
    [
      'a reversed validity',
      (d: PolicyDefinition) => ({ ...d, validity: { from: '2027-01-01', to: '2026-01-01' } }),
      '有效期起始日期晚于截止日期',
    ],
    ['免申即享 on declared facts', (d: PolicyDefinition) => ({ ...d, automatic: true }), '免申即享只能依据平台数据'],
    [
      'an unknown number of applications a year',
      (d: PolicyDefinition) => ({ ...d, applications: { perYear: 'twice', source: '测试' } }),
      '每年申报次数应为一次（one）或多次（many）',
    ],
    [
      'a number of applications a year without its source',
      (d: PolicyDefinition) => ({ ...d, applications: { perYear: 'many', source: ' ' } }),
      '请填写申报次数出处',
    ],
  ])('refuses %s with a Chinese message', (_name, change, message) => {
    expect(broken(change)).toThrow(message)
  })

  it('says for every shipped policy paid through applications how often an entity may apply, with its source', () => {
    const perYear = new Map(
      readShippedPolicies()
        .filter((d) => d.kind !== 'voucher')
        .map((d) => [d.code, d.applications?.perYear]),
    )
    expect([...perYear.values()].every((v) => v === 'one' || v === 'many')).toBe(true)
    expect(perYear.get('huli-industry-university')).toBe('one')
    expect(perYear.get('huzhou-poc-insurance')).toBe('many')
    expect(isOneApplicationPerYear({ ...base, applications: undefined })).toBe(true)
  })
})
