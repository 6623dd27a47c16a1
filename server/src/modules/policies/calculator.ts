import type { z } from 'zod'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { presentComputation } from './application-view'
import { activePolicy } from './catalog'
import type { Calculate } from './contracts'
import { computeWithLedger, gatherFacts, namingOf } from './evaluate'
import type { Subject } from './fact-providers'
import { factsFromInput } from './inputs'
import { subjectOfUser } from './subjects'

/**
 * 政策计算器: what an entity could receive, without applying. A visitor computes on assumptions only; a signed-in
 * user gets their own organization's (or carrier's) platform data and ledger, with assumptions on top. Writes nothing.
 */
export async function calculate(actor: Actor, input: z.output<typeof Calculate>) {
  requirePermission(actor, 'policy.calculate')
  const policy = await activePolicy(input.policyCode)
  const whatIf = factsFromInput(input.facts, [], 'whatIf')
  let subject: Subject | undefined
  if (actor.kind === 'user' && (policy.definition.subject.type === 'organization' || input.carrierId))
    subject = await subjectOfUser(actor, policy.definition, input.carrierId)
  else if (input.carrierId) throw new AppError('UNAUTHENTICATED', '请登录后使用本单位载体的平台数据测算')
  const facts = subject ? await gatherFacts(subject, input.year, whatIf) : whatIf
  const computation = await computeWithLedger(
    subject ? db : null,
    policy,
    subject ?? placeholder,
    input.year,
    facts,
    await namingOf(policy, facts),
  )
  return {
    ...presentComputation(computation),
    basis: subject
      ? `本单位平台数据（${subject.name}）、已获支持额度与测算假设`
      : '仅依测算假设（未使用平台数据，未计入已获支持额度）',
  }
}

const placeholder: Subject = {
  type: 'organization',
  id: '00000000-0000-0000-0000-000000000000',
  name: '测算',
  orgId: '',
  jurisdictionCode: '',
}
