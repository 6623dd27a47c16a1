import { describe, expect, it } from 'vitest'
import { paymentProblems } from './payment-checks'

const context = { today: '2026-12-08', approvedOn: '2026-12-01', references: ['温财科〔2026〕31号', 'BF-001'] }

describe('a payment’s date and 凭证号', () => {
  it.each([
    ['2026-12-08', 'BF-002', []],
    ['2026-12-01', 'BF-002', []],
    ['2026-12-09', 'BF-002', [{ path: 'paidOn', message: '拨付日期不能晚于今天' }]],
    ['2027-06-01', 'BF-002', [{ path: 'paidOn', message: '拨付日期不能晚于今天' }]],
    ['2026-11-30', 'BF-002', [{ path: 'paidOn', message: '拨付日期不能早于核定日期 2026-12-01（市级审核通过之日）' }]],
    ['2026-12-08', 'BF-001', [{ path: 'reference', message: '凭证号“BF-001”已用于本申请的另一笔拨付' }]],
    ['2026-12-08', 'bf001', [{ path: 'reference', message: '凭证号“bf001”已用于本申请的另一笔拨付' }]],
    [
      '2026-12-08',
      '温财科〔2026〕 31号',
      [{ path: 'reference', message: '凭证号“温财科〔2026〕 31号”已用于本申请的另一笔拨付' }],
    ],
    [
      '2020-01-01',
      'BF-001',
      [
        { path: 'paidOn', message: '拨付日期不能早于核定日期 2026-12-01（市级审核通过之日）' },
        { path: 'reference', message: '凭证号“BF-001”已用于本申请的另一笔拨付' },
      ],
    ],
  ])('paid on %s with %s', (paidOn, reference, problems) => {
    expect(paymentProblems({ paidOn, reference }, context)).toEqual(problems)
  })

  it('checks only the date against today when no approval is on record', () => {
    expect(paymentProblems({ paidOn: '2020-01-01', reference: 'X' }, { ...context, approvedOn: null })).toEqual([])
  })
})
