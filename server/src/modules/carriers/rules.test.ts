import { describe, expect, it } from 'vitest'
import { type CarrierShape, carrierProblems } from './rules'

const center: CarrierShape = {
  kind: 'pocCenter',
  subtype: 'specialized',
  industryCodes: ['huzhou-1366:HZ-1-1'],
  level: null,
  accreditationStatus: 'none',
  accreditationYear: null,
  longitude: 120.09,
  latitude: 30.87,
}

const paths = (shape: Partial<CarrierShape>) => carrierProblems({ ...center, ...shape }, 2026).map((p) => p.path)

describe('carrier rules', () => {
  it.each([
    ['a specialized center with one field', {}, []],
    ['a specialized center with two fields', { industryCodes: ['a:1', 'a:2'] }, []],
    ['a specialized center with no field', { industryCodes: [] }, ['industryCodes']],
    ['a specialized center with three fields', { industryCodes: ['a:1', 'a:2', 'a:3'] }, ['industryCodes']],
    ['a comprehensive center with many fields', { subtype: 'comprehensive', industryCodes: ['a', 'b', 'c', 'd'] }, []],
    ['a comprehensive center with no field', { subtype: 'comprehensive', industryCodes: [] }, ['industryCodes']],
    ['a center without its subtype', { subtype: null }, ['subtype']],
    ['a center with a pilot platform subtype', { subtype: 'enterpriseLed' }, ['subtype']],
    ['a pilot platform led by government', { kind: 'pilotPlatform', subtype: 'governmentLed' }, []],
    ['a pilot platform called comprehensive', { kind: 'pilotPlatform', subtype: 'comprehensive' }, ['subtype']],
    ['an incubator without subtype or field', { kind: 'incubator', subtype: null, industryCodes: [] }, []],
    ['a park with a subtype', { kind: 'park', subtype: 'academicLed', industryCodes: [] }, ['subtype']],
    ['a longitude without latitude', { latitude: null }, ['latitude']],
    ['a latitude without longitude', { longitude: null }, ['longitude']],
    ['no coordinates at all', { longitude: null, latitude: null }, []],
  ] as [string, Partial<CarrierShape>, string[]][])('%s', (_name, shape, expected) => {
    expect(paths(shape)).toEqual(expected)
  })

  it.each([
    ['未认定 without level or year', { accreditationStatus: 'none' }, []],
    ['未认定 with a level', { accreditationStatus: 'none', level: 'municipal' }, ['level']],
    ['未认定 with a year', { accreditationStatus: 'none', accreditationYear: 2025 }, ['accreditationYear']],
    ['申报中 with nothing else', { accreditationStatus: 'applying' }, []],
    [
      '申报中 for a provincial level in 2026',
      { accreditationStatus: 'applying', level: 'provincial', accreditationYear: 2026 },
      [],
    ],
    ['已认定 市级 2025', { accreditationStatus: 'accredited', level: 'municipal', accreditationYear: 2025 }, []],
    ['已认定 this year', { accreditationStatus: 'accredited', level: 'national', accreditationYear: 2026 }, []],
    [
      '已认定 next year',
      { accreditationStatus: 'accredited', level: 'national', accreditationYear: 2027 },
      ['accreditationYear'],
    ],
    ['已认定 without level', { accreditationStatus: 'accredited', accreditationYear: 2025 }, ['level']],
    ['已认定 without year', { accreditationStatus: 'accredited', level: 'provincial' }, ['accreditationYear']],
    ['已撤销 with its year', { accreditationStatus: 'revoked', level: 'municipal', accreditationYear: 2026 }, []],
    ['已撤销 without year', { accreditationStatus: 'revoked', level: 'municipal' }, ['accreditationYear']],
  ] as [string, Partial<CarrierShape>, string[]][])('accreditation: %s', (_name, shape, expected) => {
    expect(paths(shape)).toEqual(expected)
  })

  it('explains in Chinese', () => {
    const [problem] = carrierProblems({ ...center, industryCodes: ['a', 'b', 'c'] }, 2026)
    expect(problem!.message).toBe('专业型概念验证中心聚焦 1–2 个产业领域，当前选择了 3 个')
    const [revoked] = carrierProblems({ ...center, accreditationStatus: 'revoked' }, 2026)
    expect(revoked!.message).toBe('已撤销的载体请填写撤销年份')
  })
})
