import { count } from 'drizzle-orm'
import { users } from '../modules/accounts/schema'
import { seedAccreditationRules } from '../modules/accreditation/rules'
import { seedCalendar } from '../modules/calendar/service'
import { seedIndustrySystems } from '../modules/industries/service'
import { seedJurisdictions } from '../modules/jurisdictions/service'
import type { Database } from './client'

/** Reference data every installation needs; safe to run at every start. */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await seedJurisdictions(tx)
    await seedCalendar(tx)
    await seedIndustrySystems(tx)
    await seedAccreditationRules(tx)
  })
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users)
  return Number(row?.n ?? 0) === 0
}
