import type { Queryable, Transaction } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { industryNames } from '../industries/service'
import { jurisdictionNames } from '../jurisdictions/service'
import { type Computation, computeEntitlement, EMPTY_LEDGER } from './engine'
import { platformFacts, type Subject } from './fact-providers'
import { type Fact, type FactKey, type FactSet, factSpec, isCodedFact } from './facts'
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

/** How codes read in an explanation: the policy area's name, and the names of the region and industry codes used. */
export type Naming = { areaName: string; names: ReadonlyMap<string, string> }

/**
 * The names for a computation's explanation: the policy area, the regions and industries the facts (and the
 * policy's conditions) hold. Read before a transaction opens (it queries the database).
 */
export async function namingOf(policy: PolicyRow, facts: FactSet): Promise<Naming> {
  const regions = [policy.jurisdictionCode]
  const industries: string[] = []
  const add = (key: FactKey, value: unknown) => {
    if (!isCodedFact(key)) return
    const codes = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
    if (factSpec(key).type === 'jurisdiction') regions.push(...codes)
    else industries.push(...codes)
  }
  for (const [key, fact] of Object.entries(facts) as [FactKey, Fact][]) add(key, fact.value)
  for (const c of policy.definition.conditions) for (const leaf of 'any' in c ? c.any : [c]) add(leaf.fact, leaf.value)
  const names = new Map([...(await jurisdictionNames(regions)), ...(await industryNames(industries))])
  return { areaName: names.get(policy.jurisdictionCode) ?? policy.jurisdictionCode, names }
}

/** Runs the engine with the policy version in force and the ledger as it stands (other applications only). */
export async function computeWithLedger(
  q: Queryable | null,
  policy: PolicyRow,
  subject: Subject,
  year: number,
  facts: FactSet,
  naming: Naming,
  excludeApplicationId?: string,
): Promise<Computation> {
  const ledger = q
    ? await ledgerState(q, { subjectId: subject.id, policyCode: policy.code, year, excludeApplicationId })
    : EMPTY_LEDGER
  return computeEntitlement({
    definition: policy.definition,
    version: policy.version,
    year,
    facts,
    ledger,
    areaName: naming.areaName,
    names: naming.names,
  })
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
