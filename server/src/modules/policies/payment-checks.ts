import { itemKeyOf } from './ledger'

type Problem = { path: string; message: string }

/**
 * A payment's date and 凭证号, field by field: not after today (Asia/Shanghai), not before the city approved the
 * application (核定), and a voucher number not used by another payment of the same application, however typed.
 */
export function paymentProblems(
  input: { paidOn: string; reference: string },
  context: { today: string; approvedOn: string | null; references: readonly string[] },
): Problem[] {
  const problems: Problem[] = []
  if (input.paidOn > context.today) problems.push({ path: 'paidOn', message: '拨付日期不能晚于今天' })
  else if (context.approvedOn && input.paidOn < context.approvedOn)
    problems.push({ path: 'paidOn', message: `拨付日期不能早于核定日期 ${context.approvedOn}（市级审核通过之日）` })
  const key = itemKeyOf(input.reference)
  if (context.references.some((r) => itemKeyOf(r) === key))
    problems.push({ path: 'reference', message: `凭证号“${input.reference}”已用于本申请的另一笔拨付` })
  return problems
}
