import { eq } from 'drizzle-orm'
import { users } from '../../modules/accounts/schema'
import { sectionOf } from '../../modules/enterprises/gbt4754'
import { pinyinSortKey as enterpriseSortKey } from '../../modules/enterprises/labels'
import { enterpriseProfiles } from '../../modules/enterprises/schema'
import { revisionRecord as enterpriseRevision } from '../../modules/enterprises/service'
import { RECORD_TYPE as ENTERPRISE, searchDocumentOf as enterpriseDocument } from '../../modules/enterprises/view'
import { pinyinSortKey as expertSortKey } from '../../modules/experts/labels'
import { experts } from '../../modules/experts/schema'
import { revisionRecord as expertRevision } from '../../modules/experts/service'
import { RECORD_TYPE as EXPERT, searchDocumentOf as expertDocument } from '../../modules/experts/view'
import { industrySystems } from '../../modules/industries/schema'
import { organizations } from '../../modules/organizations/schema'
import { storeSearchDocument } from '../../modules/search/service'
import { systemActor } from '../../platform/auth/actor'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { writeRevision } from '../../platform/registry/revisions'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'
import { ENTERPRISES, EXPERTS } from './enterprises-experts-data'

type Context = { orgIdByKey: Map<string, string> }

/** Node codes carry their system's prefix: WZ 温州 5+N, HZ 湖州 1366, XM 厦门 4+4+6, HL 湖里 3+8. */
const SYSTEM_BY_PREFIX: Record<string, string> = {
  WZ: 'wenzhou-5n',
  HZ: 'huzhou-1366',
  XM: 'xiamen-4-4-6',
  HL: 'huli-3-8',
}
const qualified = (node: string) => `${SYSTEM_BY_PREFIX[node.slice(0, 2)]}:${node}`
const wanToFen = (wan: number) => Math.round(wan * 1_000_000)

async function industryNameMap(tx: Transaction): Promise<Map<string, string>> {
  const systems = await tx.select().from(industrySystems).where(eq(industrySystems.status, 'active'))
  return new Map(systems.flatMap((s) => s.nodes.map((n) => [`${s.code}:${n.code}`, n.name] as const)))
}

/**
 * 企业库 demo profiles for 温州, 湖州 and 厦门/湖里: the enterprises the demand demo names (created here when
 * that seed has not run yet, with the same keys) and nineteen more, with tiers, GB/T 4754 大类, each area's
 * industry system, three years of R&D spending and mixed confidentiality.
 */
export async function seedDemoEnterprises(tx: Transaction, context: Context): Promise<number> {
  const actor = systemActor('demo seed')
  const year = Number(todayInShanghai(now()).slice(0, 4))
  let created = 0
  for (const [i, e] of ENTERPRISES.entries()) {
    const [key, name, area, division, nodes, tiers, products, keywords, description, rd, revenue, employees] = e
    const [, , , , , , , , , , , , address, [longitude, latitude], [contactName, contactPhone], level] = e
    const at = new Date(now().getTime() - (ENTERPRISES.length - i) * 7 * 3_600_000)
    let orgId = context.orgIdByKey.get(key)
    if (!orgId) {
      orgId = newId(at.getTime())
      // The demand demo's formula for its enterprises; a series of our own (DE) for the rest.
      const body = i < 12 ? `DM${String(700 + i).padStart(6, '0')}3` : `DE${String(800 + i).padStart(6, '0')}3`
      await tx.insert(organizations).values({
        id: orgId,
        name,
        kind: 'enterprise',
        uscc: completeUscc(`91${area}${body}`),
        jurisdictionCode: area,
        address,
        createdAt: at,
        updatedAt: at,
      })
      context.orgIdByKey.set(key, orgId)
    }
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId))
    const [row] = await tx
      .insert(enterpriseProfiles)
      .values({
        id: orgId,
        ownerOrgId: orgId,
        jurisdictionCode: org!.jurisdictionCode,
        confidentiality: level,
        source: 'demo',
        sortName: enterpriseSortKey(org!.name),
        tiers: tiers.map(([tier, granted, tierLevel]) => ({ tier, year: granted, level: tierLevel ?? null })),
        gbtSection: sectionOf(division) ?? null,
        gbtDivision: division,
        industryCodes: nodes.map(qualified),
        yearly: rd.map((wan, k) => ({
          year: year - 3 + k,
          rdSpendingFen: wanToFen(wan),
          revenueFen: k === 2 ? wanToFen(revenue) : null,
          employees: k === 2 ? employees : null,
        })),
        mainProducts: products,
        keywords,
        description,
        address,
        longitude,
        latitude,
        contactName,
        contactPhone,
        contactEmail: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, ENTERPRISE, enterpriseRevision(row!, org!), null, '演示数据')
    await storeSearchDocument(tx, ENTERPRISE, row!.id, enterpriseDocument(row!, org!.name))
    created++
  }
  return created
}

/**
 * 专家库 demo profiles: technical, product and commercial think-tank members for the three cities, with past
 * affiliations, a few declared relationships and enterprise ties (what the conflict rules read), one busy and
 * one unavailable expert, and the demo 评审专家 account linked to its own profile.
 */
export async function seedDemoExperts(tx: Transaction, context: Context): Promise<number> {
  const actor = systemActor('demo seed')
  const today = todayInShanghai(now())
  const names = await industryNameMap(tx)
  const orgs = await tx
    .select({ id: organizations.id, name: organizations.name, area: organizations.jurisdictionCode })
    .from(organizations)
  const byId = new Map(orgs.map((o) => [o.id, o]))
  const byName = new Map(orgs.map((o) => [o.name, o]))
  /** A demo key or a registered name → the registered organization; anything else stays free text. */
  const resolve = (ref: string) => {
    const org = byId.get(context.orgIdByKey.get(ref) ?? '') ?? byName.get(ref)
    return org
      ? { organizationId: org.id, organizationName: org.name }
      : { organizationId: null, organizationName: ref }
  }
  for (const [i, x] of EXPERTS.entries()) {
    const at = new Date(now().getTime() - (EXPERTS.length - i) * 5 * 3_600_000)
    const owner = byId.get(context.orgIdByKey.get(x.owner)!)!
    const current = resolve(x.org)
    const [account] = x.username
      ? await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.username, x.username))
      : []
    const [row] = await tx
      .insert(experts)
      .values({
        id: newId(at.getTime()),
        ownerOrgId: owner.id,
        jurisdictionCode: owner.area,
        confidentiality: x.level,
        source: 'demo',
        name: x.name,
        sortName: expertSortKey(x.name),
        title: x.title,
        currentOrgId: current.organizationId,
        currentOrgName: current.organizationName,
        disciplines: x.disciplines,
        industryCodes: x.nodes.map(qualified),
        keywords: x.keywords,
        thinkTanks: x.tanks,
        affiliations: x.past.map(([org, from, to]) => ({ ...resolve(org), from, to })),
        relationships: (x.relationships ?? []).map(([kind, personName, org, note]) => ({
          kind,
          personName,
          ...resolve(org),
          note: note ?? null,
        })),
        enterpriseTies: (x.ties ?? []).map(([kind, org, from, to]) => ({ kind, ...resolve(org), from, to })),
        declaredConflicts: [],
        availability: x.unavailable ? 'unavailable' : x.busyDays ? 'busy' : 'available',
        busyUntil: x.busyDays ? addDays(today, x.busyDays) : null,
        contactPhone: `139${String(5700_0000 + i * 137).padStart(8, '0')}`,
        contactEmail: `expert${String(i + 1).padStart(2, '0')}@example.cn`,
        userId: account?.role === 'expert' ? account.id : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, EXPERT, expertRevision(row!), null, '演示数据')
    await storeSearchDocument(tx, EXPERT, row!.id, expertDocument(row!, names))
  }
  return EXPERTS.length
}
