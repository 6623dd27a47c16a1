import { describe, expect, it } from 'vitest'
import { checkUscc, completeUscc, usccCheckCharacter } from './uscc'

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91440300708461136T', '企业（深圳）'],
    ['91110108551385082Q', '企业（北京海淀）'],
    ['12100000400000624D', '中央事业单位，区划码 100000'],
    [completeUscc('11330300MB0000001'), '机关（温州）'],
    [' 91440300708461136t ', '小写与空白经规范化后有效'],
  ])('accepts %s (%s)', (code) => {
    expect(checkUscc(code)).toBeNull()
  })

  it.each([
    ['9144030070846113', 'LENGTH', '应为 18 位'],
    ['91440300708461136', 'LENGTH', '实际为 17 位'],
    ['9144030070846113IT', 'CHARACTER', '第 17 位'],
    ['Z1440300708461136T', 'CHARACTER', '第 1 位'],
    ['B1440300708461136T', 'AUTHORITY', '登记管理部门'],
    ['94440300708461136T', 'TYPE', '机构类别代码“4”'],
    ['Y2440300708461136T', 'TYPE', '其他'],
    ['91990300708461136T', 'REGION', '行政区划码'],
    ['91440300708461136U', 'CHECK', '校验码应为“T”'],
  ])('rejects %s with %s', (code, problem, message) => {
    const result = checkUscc(code)
    expect(result?.code).toBe(problem)
    expect(result?.message).toContain(message)
  })

  it('computes the check character every valid code ends with', () => {
    expect(usccCheckCharacter('91440300708461136')).toBe('T')
    expect(usccCheckCharacter('12100000400000624')).toBe('D')
  })

  it('detects every single-character substitution in the body', () => {
    const valid = '91440300708461136T'
    for (let i = 8; i < 17; i++) {
      const replaced = `${valid.slice(0, i)}${valid[i] === '0' ? '1' : '0'}${valid.slice(i + 1)}`
      expect(checkUscc(replaced)?.code).toBe('CHECK')
    }
  })
})
