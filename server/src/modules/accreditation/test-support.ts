import { eq } from 'drizzle-orm'
import { db } from '../../db'
import { systemActor, type UserActor } from '../../platform/auth/actor'
import type { Role } from '../../platform/auth/roles'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { advanceClock, now } from '../../platform/clock/clock'
import type { App } from '../../platform/http/types'
import { newId } from '../../platform/ids/ids'
import { signIn } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { carriers } from '../carriers/schema'
import { experts } from '../experts/schema'
import { offerProject, respondToOffer } from '../handoffs/service'
import { type OrganizationKind, organizations } from '../organizations/schema'
import { recordOutcome } from '../outcomes/service'
import type { ProjectStatus } from '../projects/schema'
import { applyProject, moveProject } from '../projects/service'
import type { DeclaredFacts } from './declared'
import { accreditations } from './schema'

/** Sets the platform clock to noon of a date in Asia/Shanghai. Create accounts after moving it, never before. */
export function setToday(date: string): void {
  advanceClock(new Date(`${date}T04:00:00Z`).getTime() - now().getTime())
}

export async function session(app: App, role: Role, orgId?: string) {
  const account = await createAccount(role, orgId ? { orgId } : {})
  return { account, headers: (await signIn(app, account)).headers }
}

/** A Wenzhou PoC center (operator organization and carrier) that the platform knows well. */
export async function wenzhouCenter(
  options: { area?: string; name?: string; kind?: 'pocCenter' | 'pilotPlatform'; industryCodes?: string[] } = {},
) {
  const kind = options.kind ?? 'pocCenter'
  const org = await createOrganization({
    kind,
    jurisdictionCode: options.area ?? '330302',
    name: `${options.name ?? '瓯江眼脑'}运营公司`,
  })
  const at = now()
  const [carrier] = await db
    .insert(carriers)
    .values({
      id: newId(),
      ownerOrgId: org.id,
      jurisdictionCode: org.jurisdictionCode,
      confidentiality: 'public',
      name: options.name ?? '瓯江眼脑健康概念验证中心',
      nameSort: 'oujiang',
      kind,
      subtype: kind === 'pocCenter' ? 'specialized' : 'enterpriseLed',
      industryCodes: options.industryCodes ?? ['wenzhou-5n:WZ-3-1'],
      address: '温州市鹿城区学院中路 270 号',
      capabilities: [
        { name: '眼科器械工艺验证', description: null, category: 'technical' },
        { name: '临床场景验证', description: null, category: 'productScenario' },
        { name: '商业可行性评估', description: null, category: 'commercial' },
      ],
      feeStandards: [],
      directors: [
        { name: '陈行政', role: 'administrative', title: null },
        { name: '林技术', role: 'technical', title: '教授' },
      ],
      introduction: '面向眼脑健康领域的成果提供技术与工艺、产品与场景、商业前景验证服务。',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  return { org, carrier: carrier! }
}

const actorOf = async (
  role: 'researcher' | 'centerOperator' | 'pilotPlatformOperator',
  orgId?: string,
): Promise<UserActor> => {
  const org = orgId
    ? (await db.select().from(organizations).where(eq(organizations.id, orgId)))[0]!
    : await createOrganization({ kind: 'university', jurisdictionCode: '330304' })
  return {
    kind: 'user',
    userId: newId(),
    username: `pool-${role}`,
    displayName: '项目库测试',
    role,
    orgId: org.id,
    jurisdictionCode: org.jurisdictionCode,
    sessionId: 'test',
    requestId: 'test',
    ip: '127.0.0.1',
  }
}

/**
 * A center's pool through the pipeline's own services: `admitted` projects enter the pool; of them `samples`
 * record a sample, `landed` a technology license (落地转化), `handedOff` are accepted by a pilot platform;
 * `revenueFen` of service revenue is recorded. Everything is dated today.
 */
export async function fillPool(
  centerOrgId: string,
  counts: {
    admitted: number
    samples?: number
    landed?: number
    revenueFen?: number
    handedOff?: { count: number; platformCarrierId: string; platformOrgId: string }
  },
) {
  const applicant = await actorOf('researcher')
  const operator = await actorOf('centerOperator', centerOrgId)
  const platform = counts.handedOff ? await actorOf('pilotPlatformOperator', counts.handedOff.platformOrgId) : undefined
  const system = systemActor('test pool')
  const [samples, landed, handed] = [counts.samples ?? 0, counts.landed ?? 0, counts.handedOff?.count ?? 0]
  const occurredOn = todayInShanghai(now())
  const ids: string[] = []
  for (let i = 0; i < counts.admitted; i++) {
    const project = await applyProject(applicant, {
      title: `眼科成果验证项目 ${i + 1}`,
      summary: '一项眼科医疗器械成果的概念验证，覆盖工艺、场景与商业前景。',
      team: [{ name: '张老师' }],
      achievementIds: [],
      industryCodes: [],
      disciplines: [],
      requestedTypes: ['technical'],
      budgetFen: 0,
      channel: 'application',
      centerOrgId,
      submit: true,
    })
    ids.push(project.id)
    const path: ProjectStatus[] = ['underEvaluation', 'admitted']
    if (i < Math.max(samples, landed + handed)) path.push('verifying', 'verified')
    await db.transaction(async (tx) => {
      for (const to of path) await moveProject(tx, system, project.id, to)
    })
    if (i < samples)
      await recordOutcome(operator, project.id, { kind: 'sample', name: `眼科器械样机 ${i + 1}`, occurredOn })
    if (i < landed)
      await recordOutcome(operator, project.id, {
        kind: 'license',
        counterparty: '温州某医疗器械公司',
        amountFen: 50_000_00,
        occurredOn,
      })
    else if (i < landed + handed) {
      const offered = await offerProject(operator, project.id, {
        carrierIds: [counts.handedOff!.platformCarrierId],
        message: '验证完成，推送中试放大',
      })
      await respondToOffer(platform!, offered.items[0]!.id, { decision: 'accept' })
    }
  }
  if (counts.revenueFen)
    await recordOutcome(operator, ids[0]!, {
      kind: 'serviceFee',
      payer: '委托企业',
      item: '概念验证服务',
      amountFen: counts.revenueFen,
      occurredOn,
    })
}

/** Experts of the registry from academia, industry and investment, for the advisory panel. */
export async function advisors(count = 5): Promise<string[]> {
  const kinds: OrganizationKind[] = ['university', 'enterprise', 'investor']
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const org = await createOrganization({ kind: kinds[i % 3]!, jurisdictionCode: '330302' })
    const id = newId()
    const at = now()
    await db.insert(experts).values({
      id,
      ownerOrgId: org.id,
      jurisdictionCode: '330302',
      confidentiality: 'internal',
      name: `顾问专家${i + 1}`,
      currentOrgId: org.id,
      currentOrgName: org.name,
      disciplines: [],
      industryCodes: [],
      keywords: [],
      thinkTanks: [],
      affiliations: [],
      relationships: [],
      enterpriseTies: [],
      declaredConflicts: [],
      createdAt: at,
      updatedAt: at,
    })
    ids.push(id)
  }
  return ids
}

/** What an applicant declares for the conditions the platform cannot see, with one attachment each. */
export function declaration(advisoryExpertIds: string[]): { declared: DeclaredFacts; attachments: object[] } {
  const file = (name: string, conditionId: string) => ({ name, conditionId, sizeBytes: 2048, sha256: 'a'.repeat(64) })
  return {
    declared: {
      partners: [{ name: '温州医科大学', relation: '共建眼科成果转化基地（2023 年起）' }],
      specialFundsFenPerYear: 120_000_000,
      fundSizeFen: 2_000_000_000,
      fundName: '瓯江眼健康成果转化基金',
      staff: { total: 12, fullTime: 6, fullTimeTechManagers: 2 },
      advisoryExpertIds,
      declarations: {
        facilities: true,
        projectManagement: true,
        serviceProcess: true,
        ipProtection: true,
        safetyCompliance: true,
        integrityManagement: true,
        noSeriousMisconduct: true,
      },
    },
    attachments: [
      file('合作协议.pdf', 'partners'),
      file('专项资金拨付凭证.pdf', 'specialFunds'),
      file('基金备案证明.pdf', 'fund'),
      file('仪器设备清单.xlsx', 'facilities'),
      file('服务团队名册.xlsx', 'staff'),
      file('管理制度汇编.pdf', 'management'),
      file('信用报告.pdf', 'compliance'),
    ],
  }
}

export async function carrierOf(id: string) {
  const [row] = await db.select().from(carriers).where(eq(carriers.id, id))
  return row!
}

/** 待定 evaluation parameters as a city officer might set them (points add up to 100). */
export const evaluationParameters = {
  'evaluation.points.staff': 10,
  'evaluation.points.funds': 10,
  'evaluation.points.verified': 15,
  'evaluation.points.revenue': 10,
  'evaluation.points.quality': 10,
  'evaluation.points.systems': 10,
  'evaluation.points.ip': 5,
  'evaluation.points.samples': 10,
  'evaluation.points.landings': 15,
  'evaluation.points.impact': 5,
  'evaluation.full.staff': 20,
  'evaluation.full.funds': 200_000_000,
  'evaluation.full.verified': 20,
  'evaluation.full.revenue': 500_000_000,
  'evaluation.full.samples': 10,
  'evaluation.full.landings': 5,
}

/** A Wenzhou center accredited before the platform (from the registry), for evaluations and supervision. */
export async function accreditedCenter(accreditedOn: string, options: Parameters<typeof wenzhouCenter>[0] = {}) {
  const { org, carrier } = await wenzhouCenter(options)
  const year = Number(accreditedOn.slice(0, 4))
  await db
    .update(carriers)
    .set({ accreditationStatus: 'accredited', level: 'municipal', accreditationYear: year })
    .where(eq(carriers.id, carrier.id))
  const at = now()
  const [accreditation] = await db
    .insert(accreditations)
    .values({
      id: newId(),
      carrierId: carrier.id,
      orgId: org.id,
      jurisdictionCode: '330300',
      carrierKind: carrier.kind as 'pocCenter',
      level: 'municipal',
      name: carrier.name,
      certificateNo: `330300-POC-${year}-T${newId().slice(-8)}`,
      accreditedOn,
      source: 'registry',
      status: 'active',
      explanation: [],
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  return { org, carrier, accreditation: accreditation! }
}

/** A carrier as the registry holds it (accredited before the platform, or applying), for targets and coverage. */
export async function registryCarrier(options: {
  area: string
  name: string
  kind?: 'pocCenter' | 'pilotPlatform'
  industryCodes: string[]
  standing: ['accredited' | 'applying', 'municipal' | 'provincial' | 'national', number | null]
}) {
  const made = await wenzhouCenter(options)
  const [status, level, year] = options.standing
  await db
    .update(carriers)
    .set({ accreditationStatus: status, level, accreditationYear: year })
    .where(eq(carriers.id, made.carrier.id))
  return made
}
