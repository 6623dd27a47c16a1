import { and, desc, eq, gte, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { oversightScope } from '../jurisdictions/service'
import { findOrganization, organizationNames } from '../organizations/service'
import { providerCreditEvents, providerCreditRecords } from './schema'

/**
 * Platform rule, not a seed's (the seeds do not say what "repeated" means): within 365 days, two ratings of
 * 2 stars or less, or one false claim found in a redemption review, flag the provider. Officers see why.
 */
export const BAD_RATING_MAX = 2
export const BAD_RATINGS_TO_FLAG = 2
const WINDOW_DAYS = 365

export async function recordCreditEvent(
  tx: Transaction,
  actor: Actor,
  event: { providerOrgId: string; carrierId: string; orderId: string; kind: 'badRating' | 'falseClaim'; note: string },
): Promise<void> {
  await tx.insert(providerCreditEvents).values({ id: newId(), ...event, createdAt: now() })
  const since = new Date(now().getTime() - WINDOW_DAYS * 86_400_000)
  const recent = await tx
    .select()
    .from(providerCreditEvents)
    .where(and(eq(providerCreditEvents.providerOrgId, event.providerOrgId), gte(providerCreditEvents.createdAt, since)))
  const bad = recent.filter((e) => e.kind === 'badRating').length
  const falseClaims = recent.filter((e) => e.kind === 'falseClaim').length
  const flagged = falseClaims > 0 || bad >= BAD_RATINGS_TO_FLAG
  const reason = flagged
    ? [
        falseClaims ? `近一年虚假申报 ${falseClaims} 次` : '',
        bad >= BAD_RATINGS_TO_FLAG ? `近一年 ${bad} 次评价为 ${BAD_RATING_MAX} 星及以下` : '',
      ]
        .filter(Boolean)
        .join('；')
    : `近一年差评 ${bad} 次，未达到标记条件（${BAD_RATINGS_TO_FLAG} 次差评或 1 次虚假申报）`
  const [before] = await tx
    .select()
    .from(providerCreditRecords)
    .where(eq(providerCreditRecords.providerOrgId, event.providerOrgId))
  const values = {
    flagged,
    reason,
    flaggedAt: flagged ? (before?.flagged ? before.flaggedAt : now()) : null,
    updatedAt: now(),
  }
  await tx
    .insert(providerCreditRecords)
    .values({ providerOrgId: event.providerOrgId, ...values })
    .onConflictDoUpdate({ target: providerCreditRecords.providerOrgId, set: values })
  if (flagged && !before?.flagged)
    await audit(tx, actor, {
      action: 'voucher.credit.flag',
      targetType: 'organization',
      targetId: event.providerOrgId,
      detail: { reason, orderId: event.orderId },
    })
}

/** 信用记录: officers see the providers of their area; a provider sees its own. */
export async function listCredit(actor: Actor) {
  requirePermission(actor, 'voucher.read')
  const records = await db.select().from(providerCreditRecords).orderBy(desc(providerCreditRecords.updatedAt))
  const scope = await oversightScope(actor)
  const visible = []
  for (const r of records) {
    if (actor.kind === 'user' && (actor.role === 'centerOperator' || actor.role === 'pilotPlatformOperator')) {
      if (r.providerOrgId === actor.orgId) visible.push(r)
      continue
    }
    if (scope === 'all') visible.push(r)
    else if (scope !== 'none') {
      const org = await findOrganization(r.providerOrgId)
      if (org && scope.includes(org.jurisdictionCode)) visible.push(r)
    }
  }
  const names = await organizationNames(visible.map((r) => r.providerOrgId))
  const ids = visible.map((r) => r.providerOrgId)
  const events = ids.length
    ? await db.select().from(providerCreditEvents).where(inArray(providerCreditEvents.providerOrgId, ids))
    : []
  return {
    items: visible.map((r) => ({
      providerOrgId: r.providerOrgId,
      providerName: names.get(r.providerOrgId) ?? '',
      flagged: r.flagged,
      reason: r.reason,
      badRatings: events.filter((e) => e.providerOrgId === r.providerOrgId && e.kind === 'badRating').length,
      falseClaims: events.filter((e) => e.providerOrgId === r.providerOrgId && e.kind === 'falseClaim').length,
      flaggedAt: r.flaggedAt?.toISOString() ?? null,
    })),
  }
}
