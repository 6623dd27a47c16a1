import { and, eq, min } from 'drizzle-orm'
import { db } from '../../db'
import { verificationReports } from './schema'

/**
 * For accreditation and the cockpit: when each project was first verified — the date of its first report
 * (a report reissued after a reopened stage does not count the project twice) — by issuing center or city.
 */
export async function firstReportDates(by: { centerOrgId?: string; cityCode?: string }) {
  return db
    .select({ projectId: verificationReports.projectId, issuedOn: min(verificationReports.issuedOn) })
    .from(verificationReports)
    .where(
      and(
        by.centerOrgId ? eq(verificationReports.centerOrgId, by.centerOrgId) : undefined,
        by.cityCode ? eq(verificationReports.cityCode, by.cityCode) : undefined,
      ),
    )
    .groupBy(verificationReports.projectId)
}
