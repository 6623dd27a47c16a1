import { eq } from 'drizzle-orm'
import { passwordHistory, users } from '../../modules/accounts/schema'
import { organizations } from '../../modules/organizations/schema'
import { audit } from '../../platform/audit/audit'
import { systemActor } from '../../platform/auth/actor'
import { hashPassword } from '../../platform/auth/password'
import { requiresSecondFactor } from '../../platform/auth/roles'
import { now } from '../../platform/clock/clock'
import { seal } from '../../platform/crypto/secret-box'
import { newId } from '../../platform/ids/ids'
import type { Database } from '../client'
import { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from './accounts'
import { seedDemoAccreditation } from './accreditation'
import { seedDemoAchievements } from './achievements'
import { seedDemoCarriers, seedDemoInstruments } from './carriers-instruments'
import { seedDemoDemands, seedDemoScenarios } from './demands'
import { seedDemoEnterprises, seedDemoExperts } from './enterprises-experts'
import { seedDemoEvaluations } from './evaluations'
import { seedDemoEvents } from './events'
import { seedDemoInvestors } from './investors'
import { demoOrganizations } from './organizations'
import { seedDemoPolicies } from './policies'
import { seedDemoVerification } from './verification'

/** Fills an empty database with the demo organizations and one account per role. */
export async function seedDemo(db: Database, options: { size?: 'full' | 'small' } = {}): Promise<void> {
  const actor = systemActor('demo seed')
  const hash = await hashPassword(DEMO_PASSWORD)
  await db.transaction(async (tx) => {
    const at = now()
    const ids = new Map<string, string>()
    for (const org of demoOrganizations) {
      const id = newId()
      ids.set(org.key, id)
      await tx.insert(organizations).values({
        id,
        name: org.name,
        kind: org.kind,
        uscc: org.uscc,
        isLegalEntity: true,
        jurisdictionCode: org.jurisdictionCode,
        address: org.address,
        createdAt: at,
        updatedAt: at,
      })
    }
    for (const account of demoAccounts) {
      const orgId = ids.get(account.org)!
      const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId))
      const id = newId()
      await tx.insert(users).values({
        id,
        username: account.username,
        usernameKey: account.username.toLowerCase(),
        displayName: account.displayName,
        role: account.role,
        orgId,
        jurisdictionCode: org!.jurisdictionCode,
        passwordHash: hash,
        passwordChangedAt: at,
        // Roles for which the second factor is optional start without one, as real accounts do.
        totpSecret: requiresSecondFactor(account.role) ? seal(demoTotpSecret(account.username)) : null,
        totpEnrolledAt: requiresSecondFactor(account.role) ? at : null,
        createdAt: at,
        updatedAt: at,
      })
      await tx.insert(passwordHistory).values({ id: newId(), userId: id, hash, createdAt: at })
    }
    const achievementCount = await seedDemoAchievements(tx, { orgIdByKey: ids, withCsl: options.size !== 'small' })
    const context = { orgIdByKey: ids }
    const counts = {
      enterprises: await seedDemoEnterprises(tx, context),
      experts: await seedDemoExperts(tx, context),
      demands: await seedDemoDemands(tx, context),
      scenarios: await seedDemoScenarios(tx, context),
      carriers: await seedDemoCarriers(tx, context),
      // Instruments find their carriers by name, so they come after them.
      instruments: await seedDemoInstruments(tx, context),
      evaluations: await seedDemoEvaluations(tx, context),
      // Staged verifications use the carriers and instruments above; accreditation reads their outcomes.
      verification: await seedDemoVerification(tx, context),
      accreditation: await seedDemoAccreditation(tx, context),
      policies: await seedDemoPolicies(tx, context),
      investors: await seedDemoInvestors(tx, context),
      // Events feature the public achievements and demands above.
      events: await seedDemoEvents(tx, context),
    }
    await audit(tx, actor, {
      action: 'demo.seed',
      targetType: 'platform',
      detail: {
        organizations: demoOrganizations.length,
        accounts: demoAccounts.length,
        achievements: achievementCount,
        ...counts,
      },
    })
  })
}
