import { describe, expect, it } from 'vitest'
import { sm3 } from '../../platform/crypto/digest'
import { checkCharacter, parseReportCode, reportCode } from './report-code'

describe('report verification codes', () => {
  it.each([
    ['a', 2026],
    ['概念验证报告', 2026],
    ['{"x":1}', 2031],
  ])('derives a code from the digest of %s that parses back to itself', (text, year) => {
    const code = reportCode(year, sm3(text))
    expect(code).toMatch(new RegExp(`^FM-${year}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`))
    expect(parseReportCode(code)).toEqual({ ok: true, code, year })
  })

  it('gives a changed content another code', () => {
    expect(reportCode(2026, sm3('结论：通过'))).not.toBe(reportCode(2026, sm3('结论：终止')))
  })

  it.each([
    ['digits', '0'.repeat(64)],
    ['all ones', 'f'.repeat(64)],
  ])('handles %s digests', (_label, digest) => {
    expect(parseReportCode(reportCode(2026, digest)).ok).toBe(true)
  })

  it('forgives case, spaces and Crockford look-alikes', () => {
    const code = reportCode(2026, sm3('x'))
    const typed = ` ${code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `
    expect(parseReportCode(typed)).toMatchObject({ ok: true, code })
  })

  it('catches every single mistyped character and every swap of neighbours in the body', () => {
    const code = reportCode(2026, sm3('report'))
    const chars = [...code]
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
    for (let i = 8; i < chars.length; i++) {
      if (chars[i] === '-') continue
      for (const c of alphabet) {
        if (c === chars[i]) continue
        const typo = [...chars]
        typo[i] = c
        expect(parseReportCode(typo.join('')).ok, typo.join('')).toBe(false)
      }
    }
    const body = code.replace(/-/g, '').slice(6)
    for (let i = 0; i + 1 < body.length; i++) {
      if (body[i] === body[i + 1]) continue
      const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2)
      expect(parseReportCode(`FM2026${swapped}`).ok, swapped).toBe(false)
    }
  })

  it.each([
    ['', '验证码格式应为 FM-年份-XXXX-XXXX'],
    ['FM-26-ABCD-EFGH', '验证码格式应为 FM-年份-XXXX-XXXX'],
    ['FM-2026-ABCD-EFGU', '验证码含有不使用的字符（U）'],
    [':code', '验证码格式应为 FM-年份-XXXX-XXXX'],
  ])('refuses %j with a Chinese reason', (input, message) => {
    expect(parseReportCode(input)).toEqual({ ok: false, message })
  })

  it('computes the Luhn mod 32 check character', () => {
    expect(checkCharacter('0000')).toBe('0')
    expect(checkCharacter('1')).toBe('Y') // 1×2 = 2 → 32 − 2 = 30 → Y
  })
})
