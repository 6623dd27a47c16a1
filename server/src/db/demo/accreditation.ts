import { createHash } from 'node:crypto'
import { and, asc, eq, inArray, like } from 'drizzle-orm'
import { sectorOf } from '../../modules/accreditation/applicant-facts'
import { checkConditions } from '../../modules/accreditation/conditions'
import type { DeclaredFacts } from '../../modules/accreditation/declared'
import {
  accreditationApplications,
  accreditationCalls,
  accreditationEvents,
  accreditationRuleVersions,
  accreditations,
} from '../../modules/accreditation/schema'
import { carriers } from '../../modules/carriers/schema'
import { RECORD_TYPE as CARRIER, pinyinSortKey } from '../../modules/carriers/service'
import { searchDocumentOf as carrierDocument } from '../../modules/carriers/view'
import { experts } from '../../modules/experts/schema'
import { organizations } from '../../modules/organizations/schema'
import { projectOutcomes } from '../../modules/outcomes/schema'
import { type ProjectStatus, projectEvents, projects } from '../../modules/projects/schema'
import { storeSearchDocument } from '../../modules/search/service'
import { systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { writeRevision } from '../../platform/registry/revisions'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'

type Context = { orgIdByKey: Map<string, string> }
const CITIES = ['3303', '3305'] // 温州, 湖州

/**
 * Demo accreditation records: a certificate for every accredited PoC center and pilot platform of 温州 and 湖州
 * in the carriers registry (accredited before the platform, so the targets page shows progress by level), and
 * one application in progress — 温州市合成生物概念验证中心 in 鹿城区, with its project pool, advisors and
 * declaration, submitted under the 2026 call and waiting for the district's review. Returns the records made.
 */
export async function seedDemoAccreditation(tx: Transaction, context: Context): Promise<number> {
  const accredited = await tx
    .select()
    .from(carriers)
    .where(and(eq(carriers.accreditationStatus, 'accredited'), inArray(carriers.kind, ['pocCenter', 'pilotPlatform'])))
    .orderBy(asc(carriers.accreditationYear), asc(carriers.nameSort))
  let made = 0
  const sequence = new Map<string, number>()
  for (const c of accredited) {
    const city = `${c.jurisdictionCode.slice(0, 4)}00`
    if (!CITIES.includes(c.jurisdictionCode.slice(0, 4)) || !c.level || !c.accreditationYear) continue
    const prefix = `${city}-${c.kind === 'pocCenter' ? 'POC' : 'PILOT'}-${c.accreditationYear}-`
    const n = (sequence.get(prefix) ?? 0) + 1
    sequence.set(prefix, n)
    await tx.insert(accreditations).values({
      id: newId(),
      carrierId: c.id,
      orgId: c.ownerOrgId,
      jurisdictionCode: city,
      carrierKind: c.kind as 'pocCenter' | 'pilotPlatform',
      level: c.level,
      name: c.name,
      certificateNo: `${prefix}R${String(n).padStart(2, '0')}`,
      accreditedOn: `${c.accreditationYear}-12-20`,
      source: 'registry',
      status: 'active',
      explanation: [{ step: `${c.accreditationYear} 年认定`, because: '平台上线前认定，据载体库登记' }],
      createdAt: now(),
      updatedAt: now(),
    })
    made++
  }
  return made + (await seedApplicationInProgress(tx, context))
}

const CENTER = {
  org: '温州瓯江合成生物技术研究院有限公司',
  name: '温州市合成生物概念验证中心',
  area: '330302',
  industries: ['wenzhou-5n:WZ-F-4'],
}
const TOPICS = [
  '高产菌株构建',
  '无细胞合成',
  '酶催化工艺',
  '生物基材料',
  '发酵放大',
  '代谢通路优化',
  '微生物检测',
  '合成香料',
]

/** A center in 鹿城区 whose pool and landings meet the guideline, applying under the 2026 call. */
async function seedApplicationInProgress(tx: Transaction, context: Context): Promise<number> {
  const [rule] = await tx
    .select()
    .from(accreditationRuleVersions)
    .where(eq(accreditationRuleVersions.code, 'wenzhou-poc'))
    .orderBy(asc(accreditationRuleVersions.version))
  if (!rule) return 0
  const actor = systemActor('demo seed')
  const at = now()
  const orgId = newId()
  await tx.insert(organizations).values({
    id: orgId,
    name: CENTER.org,
    kind: 'pocCenter',
    uscc: completeUscc('91330302MA2H00301'),
    isLegalEntity: true,
    jurisdictionCode: CENTER.area,
    address: '温州市鹿城区学院中路 88 号',
    createdAt: at,
    updatedAt: at,
  })
  const capabilities = [
    { name: '菌株与通路设计验证', description: '小试规模的菌株构建与通路验证', category: 'technical' as const },
    { name: '发酵工艺与放大验证', description: '5–500 升发酵罐工艺验证', category: 'technical' as const },
    { name: '应用场景验证', description: '食品、日化、材料企业联合试用', category: 'productScenario' as const },
    { name: '商业前景评估', description: '成本模型、市场与融资路径分析', category: 'commercial' as const },
  ]
  const directors = [
    { name: '郑启明', role: 'administrative' as const, title: '产业投资人' },
    { name: '黄若溪', role: 'technical' as const, title: '研究员' },
  ]
  const [carrier] = await tx
    .insert(carriers)
    .values({
      id: newId(),
      ownerOrgId: orgId,
      jurisdictionCode: CENTER.area,
      confidentiality: 'public',
      source: 'demo',
      name: CENTER.name,
      nameSort: pinyinSortKey(CENTER.name),
      kind: 'pocCenter',
      subtype: 'specialized',
      industryCodes: CENTER.industries,
      address: '温州市鹿城区学院中路 88 号',
      capabilities,
      feeStandards: [{ item: '发酵工艺验证', unit: '批', priceFen: 1_200_000 }],
      level: 'municipal',
      accreditationStatus: 'applying',
      directors,
      hostInstitution: '瓯越理工大学',
      contactName: '蒋晓雯',
      contactPhone: '0577-8866 0301',
      introduction:
        '聚焦合成生物未来产业，依托高校菌种资源与发酵中试线，为高校院所和企业的合成生物成果提供技术与工艺、产品与场景、商业前景验证服务。',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  await writeRevision(tx, actor, CARRIER, carrier!, null, '演示数据')
  await storeSearchDocument(tx, CARRIER, carrier!.id, carrierDocument(carrier!))

  const { admitted, made, landed } = await seedPool(tx, context, orgId)
  const advisors = await tx.select().from(experts).where(like(experts.jurisdictionCode, '3303%'))
  const orgs = new Map((await tx.select().from(organizations)).map((o) => [o.id, o]))
  const panel = advisors
    .map((e) => ({ e, ...sectorOf(e.currentOrgId ? orgs.get(e.currentOrgId) : undefined, e.thinkTanks) }))
    .filter((a) => a.sector !== null)
  const chosen = (['academia', 'industry', 'investment'] as const).flatMap((s) =>
    panel.filter((a) => a.sector === s).slice(0, 2),
  )
  const declared: DeclaredFacts = {
    partners: [
      { name: '瓯越理工大学', relation: '共建合成生物联合实验室（2022 年起）' },
      { name: '温州市生物基材料产业联盟', relation: '应用场景合作' },
    ],
    specialFundsFenPerYear: 150_000_000,
    fundSizeFen: 3_000_000_000,
    fundName: '瓯江合成生物成果转化基金（合作）',
    staff: { total: 14, fullTime: 7, fullTimeTechManagers: 2 },
    advisoryExpertIds: chosen.map((a) => a.e.id),
    declarations: {
      facilities: true,
      projectManagement: true,
      serviceProcess: true,
      ipProtection: true,
      safetyCompliance: true,
      integrityManagement: true,
      noSeriousMisconduct: true,
    },
  }
  const file = (name: string, conditionId: string, sizeBytes: number) => ({
    name,
    conditionId,
    sizeBytes,
    sha256: createHash('sha256').update(name).digest('hex'),
    note: null,
  })
  const attachments = [
    file('合作协议汇编.pdf', 'partners', 2_310_000),
    file('2026年专项资金预算批复.pdf', 'specialFunds', 640_000),
    file('合作基金备案证明.pdf', 'fund', 420_000),
    file('仪器设备与场地清单.xlsx', 'facilities', 150_000),
    file('服务团队名册与社保证明.pdf', 'staff', 1_200_000),
    file('管理制度汇编.pdf', 'management', 3_400_000),
    file('信用中国报告.pdf', 'compliance', 510_000),
  ]
  const submittedOn = '2026-11-02'
  const results = checkConditions(
    rule.document,
    {
      cityName: '温州市',
      organization: {
        name: CENTER.org,
        inCity: true,
        areaName: '浙江省温州市鹿城区',
        isLegalEntity: true,
        hasUscc: true,
        active: true,
      },
      capabilities,
      directors,
      platform: { poolSize: admitted, samplesProducts: made, landings: landed },
      advisors: chosen.map((a) => ({ id: a.e.id, name: a.e.name, sector: a.sector, basis: a.basis })),
      unknownAdvisorIds: [],
    },
    { declared, attachments },
  )

  const callId = newId()
  await tx.insert(accreditationCalls).values({
    id: callId,
    jurisdictionCode: '330300',
    carrierKind: 'pocCenter',
    ruleVersionId: rule.id,
    title: '2026年度温州市概念验证中心认定',
    description:
      '依据《温州市概念验证中心建设指引（试行）》，受理市级概念验证中心认定申报。申报单位按“温州市xx(产业领域)概念验证中心”统一命名。',
    openedOn: '2026-10-15',
    deadline: '2026-12-31',
    status: 'open',
    createdAt: at,
    updatedAt: at,
  })
  const applicationId = newId()
  await tx.insert(accreditationApplications).values({
    id: applicationId,
    callId,
    carrierId: carrier!.id,
    applicantOrgId: orgId,
    jurisdictionCode: CENTER.area,
    centerName: CENTER.name,
    status: 'submitted',
    declared,
    attachments,
    checks: { ruleVersionId: rule.id, on: submittedOn, results },
    siteVisits: [],
    carrierBefore: { status: 'none', level: null, year: null },
    submittedAt: new Date(`${submittedOn}T02:00:00Z`),
    createdAt: at,
    updatedAt: at,
  })
  await tx.insert(accreditationEvents).values({
    id: newId(),
    applicationId,
    from: null,
    to: 'submitted',
    note: null,
    actorName: '蒋晓雯',
    at: new Date(`${submittedOn}T02:00:00Z`),
  })
  return 1
}

/**
 * 42 projects admitted to the center's pool in 2025–2026, 23 made into samples or products and 12 landed by a
 * license or transfer, recorded as outcomes (指引 二(二): ≥ 40, ≥ 20 and ≥ 10).
 */
async function seedPool(tx: Transaction, context: Context, centerOrgId: string) {
  const applicantOrgId = context.orgIdByKey.get('wenzhou-university')
  if (!applicantOrgId) throw new Error('demo organization wenzhou-university is missing')
  const total = 42
  const landedCount = 12
  const madeCount = 23
  for (let i = 0; i < total; i++) {
    const id = newId()
    const day = (offset: number) => new Date(Date.UTC(2025, 2, 3) + (i * 9 + offset) * 86_400_000)
    const path: ProjectStatus[] = ['submitted', 'underEvaluation', 'admitted']
    if (i < madeCount) path.push('verifying', 'verified')
    if (i < landedCount) path.push('landed')
    else if (i >= madeCount && i < madeCount + 6) path.push('verifying')
    const topic = TOPICS[i % TOPICS.length]!
    await tx.insert(projects).values({
      id,
      title: `${topic}概念验证（第 ${Math.floor(i / TOPICS.length) + 1} 批）`,
      summary: `瓯越理工大学${topic}方向的研究成果，申请开展技术与工艺可行性及产品与场景验证。`,
      channel: 'application',
      applicantOrgId,
      jurisdictionCode: CENTER.area,
      centerOrgId,
      team: [{ name: '课题组', role: '负责人', organization: '瓯越理工大学' }],
      achievementIds: [],
      industryCodes: CENTER.industries,
      disciplines: [],
      requestedTypes: ['technical', 'productScenario'],
      budgetFen: BigInt(200_000_00),
      trl: 4,
      status: path.at(-1)!,
      createdAt: day(0),
      updatedAt: day(path.length * 10),
    })
    for (const [step, to] of path.entries())
      await tx.insert(projectEvents).values({
        id: newId(),
        projectId: id,
        from: step === 0 ? null : path[step - 1]!,
        to,
        note: null,
        actorName: '系统（演示数据）',
        at: day(step * 10),
      })
    const outcome = (
      kind: 'sample' | 'product' | 'license' | 'transfer',
      offset: number,
      details: Record<string, unknown>,
    ) =>
      tx.insert(projectOutcomes).values({
        id: newId(),
        projectId: id,
        centerOrgId,
        jurisdictionCode: CENTER.area,
        cityCode: '330300',
        kind,
        occurredOn: day(offset).toISOString().slice(0, 10),
        amountFen: kind === 'license' || kind === 'transfer' ? BigInt(800_000_00 + i * 10_000_00) : null,
        details: { ...details, note: null },
        recordedAt: day(offset),
      })
    if (i < madeCount)
      await outcome(i % 3 === 0 ? 'product' : 'sample', 45, { name: `${topic}${i % 3 === 0 ? '产品' : '样品'}` })
    if (i < landedCount)
      await outcome(i % 2 === 0 ? 'license' : 'transfer', 55, { counterparty: `温州${topic.slice(0, 2)}科技有限公司` })
  }
  return { admitted: total, made: madeCount, landed: landedCount }
}
