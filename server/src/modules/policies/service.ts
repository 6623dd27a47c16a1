import { AppError } from '../../platform/errors/errors'
import { activePolicy } from './catalog'
import type { Computation } from './engine'
import { computeWithLedger, gatherFacts, namingOf } from './evaluate'
import { organizationSubject } from './subjects'

// What other modules use of the policy engine, the inbox and money formatting (vouchers, the demo seed).
export { activePolicy } from './catalog'
export { isWithin } from './conditions'
export type { ServiceCategory } from './definition'
export { dispatch, type NewNotification, notify } from './inbox'
export { formatFen } from './money'
export { loadShippedPolicies } from './rules'

/** An organization's eligibility under a policy on platform data (创新券: is this enterprise one the policy serves?). */
export async function organizationEligibility(policyCode: string, orgId: string, year: number): Promise<Computation> {
  const policy = await activePolicy(policyCode)
  const subject = await organizationSubject(orgId)
  if (!subject) throw new AppError('NOT_FOUND', '机构不存在')
  const facts = await gatherFacts(subject, year)
  return computeWithLedger(null, policy, subject, year, facts, await namingOf(policy, facts))
}
