import { and, eq } from 'drizzle-orm'
import type { Transaction } from '../../db'
import { now } from '../../platform/clock/clock'
import { recordGrants } from '../../platform/registry/schema'
import { PROJECT_RECORD } from '../projects/access'

/** The reason on the grant; only grants with it are revoked here. */
export const REVIEW_GRANT_REASON = '入库评价评审（已确认无利益冲突）'

/** A reviewer sees the project once they confirm no conflict of interest (issue 5: confirm before seeing details). */
export async function grantProject(tx: Transaction, projectId: string, userId: string, grantedBy: string | null) {
  await tx
    .insert(recordGrants)
    .values({
      recordType: PROJECT_RECORD,
      recordId: projectId,
      userId,
      reason: REVIEW_GRANT_REASON,
      grantedBy,
      grantedAt: now(),
    })
    .onConflictDoNothing()
}

/** Declined, withdrawn or in conflict: the reviewer no longer sees the project. */
export async function revokeProject(tx: Transaction, projectId: string, userId: string) {
  await tx
    .delete(recordGrants)
    .where(
      and(
        eq(recordGrants.recordType, PROJECT_RECORD),
        eq(recordGrants.recordId, projectId),
        eq(recordGrants.userId, userId),
        eq(recordGrants.reason, REVIEW_GRANT_REASON),
      ),
    )
}
