import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, timeStep, totpCode, verifyTotp } from './totp'

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (8-digit vectors truncated to 6 digits).
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'))

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s the code is %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, timeStep(new Date(seconds * 1000)))).toBe(code)
  })

  it('round-trips base32', () => {
    expect(base32Decode(base32Encode(Buffer.from('hello world'))).toString()).toBe('hello world')
  })

  it('accepts the neighbouring steps and returns the one matched', () => {
    const at = new Date(1_800_000_000_000)
    const step = timeStep(at)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), at, null)).toBe(step - 1)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), at, null)).toBe(step + 1)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 2), at, null)).toBeNull()
  })

  it('refuses a replayed code: a step at or before the last one used', () => {
    const at = new Date(1_800_000_000_000)
    const step = timeStep(at)
    const code = totpCode(RFC_SECRET, step)
    expect(verifyTotp(RFC_SECRET, code, at, step)).toBeNull()
    expect(verifyTotp(RFC_SECRET, code, at, step - 1)).toBe(step)
  })

  it.each(['', '12345', '1234567', 'abcdef'])('refuses the malformed code %j', (code) => {
    expect(verifyTotp(RFC_SECRET, code, new Date(), null)).toBeNull()
  })
})
