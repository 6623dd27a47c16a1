import type { Queryable, Transaction } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { jurisdictionNames } from '../jurisdictions/service'
import { type Computation, computeEntitlement, EMPTY_LEDGER } from './engine'
import { platformFacts, type Subject } from './fact-providers'
import type { FactSet } from './facts'
import { mergeFacts } from './inputs'
import { ledgerState } from './ledger'
import {
  type PolicyApplicationRow,
  type PolicyApplicationStatus,
  type PolicyRow,
  policyApplicationEvents,
} from './schema'

/** The facts for a computation: the platform's, then what was declared or assumed. Reads outside transactions. */
export async function gatherFacts(subject: Subject, year: number, given: FactSet = {}): Promise<FactSet> {
  return mergeFacts(await platformFacts(subject, year), given)
}

/** The policy area's name for explanations; read before a transaction opens (it may query the database). */
export async function areaNameOf(policy: PolicyRow): Promise<string> {
  return (await jurisdictionNames([policy.jurisdictionCode])).get(policy.jurisdictionCode) ?? policy.jurisdictionCode
}

/** Runs the engine with the policy version in force and the ledger as it stands (other applications only). */
export async function computeWithLedger(
  q: Queryable | null,
  policy: PolicyRow,
  subject: Subject,
  year: number,
  facts: FactSet,
  areaName: string,
  excludeApplicationId?: string,
): Promise<Computation> {
  const ledger = q
    ? await ledgerState(q, { subjectId: subject.id, policyCode: policy.code, year, excludeApplicationId })
    : EMPTY_LEDGER
  return computeEntitlement({ definition: policy.definition, version: policy.version, year, facts, ledger, areaName })
}

export function subjectOfApplication(row: PolicyApplicationRow): Subject {
  return {
    type: row.subjectType,
    id: row.subjectId,
    name: row.subjectName,
    orgId: row.applicantOrgId,
    jurisdictionCode: row.jurisdictionCode,
  }
}

/** One decision on an application: who, from which status to which, why, and the computation behind it. */
export async function recordEvent(
  tx: Transaction,
  actor: Actor,
  app: { id: string },
  event: {
    action: string
    from: PolicyApplicationStatus | null
    to: PolicyApplicationStatus
    note?: string | null
    amountFen?: number | null
    computation?: Computation | null
  },
): Promise<void> {
  await tx.insert(policyApplicationEvents).values({
    id: newId(),
    applicationId: app.id,
    action: event.action,
    fromStatus: event.from,
    toStatus: event.to,
    note: event.note ?? null,
    amountFen: event.amountFen ?? null,
    computation: event.computation ?? null,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorRole: actor.kind === 'user' ? actor.role : actor.kind === 'system' ? 'system' : null,
    actorOrgId: actor.kind === 'user' ? actor.orgId : null,
    createdAt: now(),
  })
}
