import { describe, expect, it } from 'vitest'
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from './password-policy'

describe('password policy (MLPS default profile)', () => {
  it('has the MLPS defaults', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({
      minLength: 8,
      minClasses: 3,
      forbidUsername: true,
      maxAgeDays: 90,
      historyCount: 5,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
    })
  })

  it.each([
    ['Abcdef1!', []],
    ['abcdef12', ['至少包含大写字母、小写字母、数字、符号中的 3 类（当前 2 类）']],
    ['Ab1!', ['长度至少 8 位']],
    ['Zhang.san2026', ['不得包含用户名']],
    ['ZHANG.SAN-x1', ['不得包含用户名']],
    ['abcdefgh', ['至少包含大写字母、小写字母、数字、符号中的 3 类（当前 1 类）']],
  ])('%s → %j', (password, problems) => {
    expect(passwordProblems(password, 'zhang.san', DEFAULT_PASSWORD_POLICY)).toEqual(problems)
  })

  it('accepts exactly the minimum length and refuses one less', () => {
    expect(passwordProblems('Abcdefg1', 'u', DEFAULT_PASSWORD_POLICY)).toEqual([])
    expect(passwordProblems('Abcdef1', 'u', DEFAULT_PASSWORD_POLICY)).toEqual(['长度至少 8 位'])
  })
})
