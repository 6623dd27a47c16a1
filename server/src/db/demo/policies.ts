import { createHash } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { carriers } from '../../modules/carriers/schema'
import { jurisdictions } from '../../modules/jurisdictions/schema'
import { organizations } from '../../modules/organizations/schema'
import { type Computation, computeEntitlement } from '../../modules/policies/engine'
import { recordEvent } from '../../modules/policies/evaluate'
import type { FactKey, FactSet, FactValue } from '../../modules/policies/facts'
import { notify } from '../../modules/policies/inbox'
import { claimCostItems, ledgerState, writeCommitment, writePayment } from '../../modules/policies/ledger'
import { loadShippedPolicies } from '../../modules/policies/rules'
import {
  type PolicyApplicationStatus,
  type PolicyCostItem,
  policies,
  policyApplications,
} from '../../modules/policies/schema'
import {
  type ServiceOrderStatus,
  serviceOrderEvents,
  serviceOrders,
  type VoucherCategory,
  voucherPoolEntries,
  voucherPools,
  vouchers,
} from '../../modules/vouchers/schema'
import { systemActor } from '../../platform/auth/actor'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'

type Context = { orgIdByKey: Map<string, string> }
type Subject = { type: 'organization' | 'carrier'; id: string; name: string; orgId: string; jurisdictionCode: string }
const actor = systemActor('demo seed')
const WAN = 1_000_000
const platform = (values: Partial<Record<FactKey, FactValue | null>>, source: string): FactSet =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, { value: v as FactValue, origin: 'platform', source }]),
  )
const declared = (values: Partial<Record<FactKey, FactValue>>): FactSet =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, { value: v as FactValue, origin: 'declared', source: '申报材料' }]),
  )
const evidence = (keys: string[]) =>
  keys.map((key) => ({
    key,
    fileName: `${key}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 102_400,
    digest: createHash('sha256').update(`demo:${key}`).digest('hex'),
  }))

async function carrierSubject(tx: Transaction, name: string): Promise<{ subject: Subject; facts: FactSet }> {
  const [c] = await tx.select().from(carriers).where(eq(carriers.name, name))
  if (!c) throw new Error(`demo carrier ${name} is missing: run seedDemoCarriers first`)
  const accredited = c.accreditationStatus === 'accredited'
  return {
    subject: { type: 'carrier', id: c.id, name: c.name, orgId: c.ownerOrgId, jurisdictionCode: c.jurisdictionCode },
    facts: {
      ...platform({ 'carrier.kind': c.kind, 'carrier.jurisdiction': c.jurisdictionCode }, '载体库'),
      ...platform(
        {
          'accreditation.status': c.accreditationStatus,
          'accreditation.level': accredited ? (c.level ?? 'none') : 'none',
          'accreditation.year': accredited ? c.accreditationYear : null,
        },
        '载体库（认定信息）',
      ),
    },
  }
}

async function orgSubject(tx: Transaction, orgId: string): Promise<{ subject: Subject; facts: FactSet }> {
  const [o] = await tx.select().from(organizations).where(eq(organizations.id, orgId))
  if (!o) throw new Error(`demo organization ${orgId} is missing`)
  return {
    subject: { type: 'organization', id: o.id, name: o.name, orgId: o.id, jurisdictionCode: o.jurisdictionCode },
    facts: platform(
      {
        'organization.kind': o.kind,
        'organization.jurisdiction': o.jurisdictionCode,
        'organization.isLegalEntity': o.isLegalEntity,
      },
      '机构库',
    ),
  }
}

/** Region codes by full name, as the services explain them (湖里区 reads 福建省厦门市湖里区, never 350206). */
async function regionNames(tx: Transaction): Promise<Map<string, string>> {
  return new Map((await tx.select().from(jurisdictions)).map((j) => [j.code, j.fullName]))
}

/** One application taken as far as `until` through the same steps, ledger and explanations the services use. */
async function application(
  tx: Transaction,
  input: {
    code: string
    year: number
    who: { subject: Subject; facts: FactSet }
    given?: FactSet
    costItems?: PolicyCostItem[]
    evidenceKeys?: string[]
    mode?: 'applied' | 'automatic'
    until: PolicyApplicationStatus
    payments?: { financeLevel: 'city' | 'district'; amountFen: number; paidOn: string; reference: string }[]
  },
): Promise<Computation> {
  const [policy] = await tx.select().from(policies).where(eq(policies.code, input.code))
  if (!policy) throw new Error(`policy ${input.code} is missing`)
  const { subject } = input.who
  const ledger = await ledgerState(tx, { subjectId: subject.id, policyCode: policy.code, year: input.year })
  const facts = { ...input.who.facts, ...(input.given ?? {}) }
  const names = await regionNames(tx)
  const computation = computeEntitlement({
    definition: policy.definition,
    version: policy.version,
    year: input.year,
    facts,
    ledger,
    areaName: names.get(policy.jurisdictionCode) ?? policy.jurisdictionCode,
    names,
  })
  if (computation.status === 'ineligible' || computation.status === 'incomplete')
    throw new Error(`demo application ${input.code} for ${subject.name}: ${computation.steps.join(' / ')}`)
  const at = now()
  const [row] = await tx
    .insert(policyApplications)
    .values({
      id: newId(),
      policyCode: policy.code,
      policyVersion: policy.version,
      subjectType: subject.type,
      subjectId: subject.id,
      subjectName: subject.name,
      applicantOrgId: subject.orgId,
      jurisdictionCode: subject.jurisdictionCode,
      year: input.year,
      mode: input.mode ?? 'applied',
      status: input.until,
      declared: Object.fromEntries(
        Object.entries(input.given ?? {})
          .filter(([k]) => !(input.costItems ?? []).some((c) => c.fact === k))
          .map(([k, f]) => [k, f!.value]),
      ),
      costItems: input.costItems ?? [],
      evidence: evidence(input.evidenceKeys ?? policy.definition.evidence.map((e) => e.key)),
      computation,
      approvedFen: ['approved', 'paid'].includes(input.until) ? computation.amountFen : null,
      paidFen: (input.payments ?? []).reduce((s, p) => s + p.amountFen, 0),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  await claimCostItems(tx, row!, input.costItems ?? [])
  const steps: PolicyApplicationStatus[] = ['submitted', 'districtApproved', 'approved', 'paid']
  for (const [i, to] of steps.slice(0, steps.indexOf(input.until) + 1).entries()) {
    const action = ['submit', 'review.district.approve', 'review.city.approve', 'pay'][i]!
    await recordEvent(tx, actor, row!, {
      action: input.mode === 'automatic' && i === 0 ? 'entitle' : action,
      from: i ? steps[i - 1]! : null,
      to,
      computation,
      amountFen: to === 'approved' ? computation.amountFen : null,
    })
  }
  if (['approved', 'paid'].includes(input.until))
    await writeCommitment(tx, row!, policy.definition, policy.version, computation.amountFen!, null)
  for (const p of input.payments ?? []) await writePayment(tx, row!, p, null)
  return computation
}

async function order(
  tx: Transaction,
  input: {
    enterpriseOrgId: string
    carrierName: string
    category: VoucherCategory
    title: string
    description: string
    priceFen: number
    status: 'delivered' | 'paid'
    voucher?: { id: string; poolId: string; amountFen: number }
    rating?: number
  },
) {
  const [c] = await tx.select().from(carriers).where(eq(carriers.name, input.carrierName))
  const [enterprise] = await tx.select().from(organizations).where(eq(organizations.id, input.enterpriseOrgId))
  const id = newId()
  const paid = input.status === 'paid' && input.voucher
  await tx.insert(serviceOrders).values({
    id,
    enterpriseOrgId: input.enterpriseOrgId,
    carrierId: c!.id,
    carrierName: c!.name,
    providerOrgId: c!.ownerOrgId,
    jurisdictionCode: enterprise!.jurisdictionCode,
    category: input.category,
    title: input.title,
    description: input.description,
    priceFen: input.priceFen,
    status: input.status,
    contract: paid ? { ...evidence(['serviceContract'])[0]!, key: 'contract' } : null,
    paymentProof: paid ? { ...evidence(['paymentProof'])[0]!, key: 'paymentProof' } : null,
    contractAmountFen: paid ? input.priceFen : null,
    enterprisePaidFen: paid ? input.priceFen - input.voucher!.amountFen : null,
    allocations: paid ? [{ voucherId: input.voucher!.id, amountFen: input.voucher!.amountFen }] : [],
    voucherFen: paid ? input.voucher!.amountFen : 0,
    paidOn: paid ? todayInShanghai(now()) : null,
    payoutReference: paid ? 'HZCXQ-BF-0001' : null,
    rating: input.rating ?? null,
    ratingComment: input.rating ? '试制周期短，工艺文件完整' : null,
    ratedAt: input.rating ? now() : null,
    createdAt: now(),
    updatedAt: now(),
  })
  const path: ServiceOrderStatus[] =
    input.status === 'paid'
      ? ['ordered', 'accepted', 'delivered', 'redemptionSubmitted', 'redeemed', 'paid']
      : ['ordered', 'accepted', 'delivered']
  for (const [i, to] of path.entries())
    await tx.insert(serviceOrderEvents).values({
      id: newId(),
      orderId: id,
      fromStatus: path[i - 1] ?? null,
      toStatus: to,
      note: null,
      actorRole: 'system',
      createdAt: now(),
    })
  if (paid)
    await tx.insert(voucherPoolEntries).values({
      id: newId(),
      poolId: input.voucher!.poolId,
      kind: 'payout',
      amountFen: input.voucher!.amountFen,
      voucherId: input.voucher!.id,
      orderId: id,
      note: `向${c!.name}拨付`,
      createdAt: now(),
    })
}

/**
 * 政策兑现与创新券 demo: applications of the seeds' policies in every state (免申即享 paid 3 : 7, 待区县审核, 待市级审核,
 * 已核定, one waiting for a 待定 parameter), a 湖州 voucher pool with vouchers issued, one redeemed and paid to a pilot
 * platform, one service awaiting redemption, one voucher past its date (the start-up expiry returns it). Run after
 * seedDemoCarriers and seedDemoEnterprises, in the same transaction. Returns the number of applications and vouchers.
 */
export async function seedDemoPolicies(tx: Transaction, context: Context): Promise<number> {
  await loadShippedPolicies(tx)
  const org = (key: string) => {
    const id = context.orgIdByKey.get(key)
    if (!id) throw new Error(`demo organization ${key} is missing: run seedDemoEnterprises first`)
    return id
  }
  // 湖州: first provincial accreditation, 免申即享 — paid city 3 : district 7; the pilot platform waits for its split (待定).
  await application(tx, {
    code: 'huzhou-poc-first-provincial',
    year: 2025,
    who: await carrierSubject(tx, '湖州市人工智能概念验证中心'),
    mode: 'automatic',
    until: 'paid',
    payments: [
      { financeLevel: 'city', amountFen: 15 * WAN, paidOn: '2026-03-16', reference: '湖财科〔2026〕12号' },
      { financeLevel: 'district', amountFen: 35 * WAN, paidOn: '2026-04-08', reference: '吴财〔2026〕31号' },
    ],
  })
  await application(tx, {
    code: 'huzhou-pilot-first-provincial',
    year: 2025,
    who: await carrierSubject(tx, '湖州新能源汽车零部件中试平台'),
    mode: 'automatic',
    until: 'submitted',
  })
  // 湖里: a center with city funding (待市级审核), industry–university cooperation (已核定; 待区县审核, capped), an agency (待定).
  await application(tx, {
    code: 'huli-public-platform',
    year: 2026,
    who: await carrierSubject(tx, '厦门市湖里区集成电路设计概念验证中心'),
    given: { ...declared({ 'funding.cityFunded': true }), ...declared({ 'spending.ownInvestmentFen': 320 * WAN }) },
    costItems: [
      {
        fact: 'spending.ownInvestmentFen',
        reference: 'HL-SB-2026-0012',
        description: 'EDA 验证平台与测试设备购置',
        amountFen: 230 * WAN,
      },
      {
        fact: 'spending.ownInvestmentFen',
        reference: 'HL-YY-2026-0031',
        description: '验证服务团队运营费用',
        amountFen: 90 * WAN,
      },
    ],
    until: 'districtApproved',
  })
  const xmIc = await orgSubject(tx, org('demo-ent-xm-ic'))
  await application(tx, {
    code: 'huli-industry-university',
    year: 2025,
    who: xmIc,
    given: declared({ 'spending.universityRdPaymentsFen': 120 * WAN }),
    costItems: [
      {
        fact: 'spending.universityRdPaymentsFen',
        reference: 'LDU-HT-2025-088',
        description: '与鹭岛大学联合开发射频前端芯片',
        amountFen: 120 * WAN,
      },
    ],
    until: 'approved',
  })
  await application(tx, {
    code: 'huli-industry-university',
    year: 2026,
    who: await orgSubject(tx, org('demo-xm-display')),
    given: declared({ 'spending.universityRdPaymentsFen': 200 * WAN }),
    costItems: [
      {
        fact: 'spending.universityRdPaymentsFen',
        reference: 'LDU-HT-2026-015',
        description: 'Micro-LED 巨量转移工艺联合攻关',
        amountFen: 200 * WAN,
      },
    ],
    until: 'submitted',
  })
  const agencyId = newId()
  await tx.insert(organizations).values({
    id: agencyId,
    name: '厦门湖里科创产业服务有限公司',
    kind: 'serviceAgency',
    uscc: completeUscc('91350206MA8UPS019'),
    jurisdictionCode: '350206',
    address: '厦门市湖里区金山街道',
    createdAt: now(),
    updatedAt: now(),
  })
  await application(tx, {
    code: 'huli-service-agency',
    year: 2026,
    who: await orgSubject(tx, agencyId),
    given: { ...declared({ 'agency.qualified': true }), ...declared({ 'spending.ownInvestmentFen': 260 * WAN }) },
    costItems: [
      {
        fact: 'spending.ownInvestmentFen',
        reference: 'KCFW-KB-2026-01',
        description: '开办场地改造与服务平台建设',
        amountFen: 260 * WAN,
      },
    ],
    until: 'submitted',
  })
  // 温州: the demo center account finds the subsidy pushed to it, its amount still 待定.
  await notify(tx, {
    recipientOrgId: org('wenzhou-poc-center'),
    kind: 'policy.push',
    title: '政策推送：您可能符合《省、市级概念验证中心财政补助》',
    body: '根据平台数据，温州市数字经济概念验证中心为已认定的市级概念验证中心，符合《省、市级概念验证中心财政补助》条件。金额待定：年度补助额尚未设定。本项政策免申即享，主管部门核实后将直接办理。依据：《温州市深化和扩大概念验证中心建设行动方案(2025-2027年)》。',
    link: '/policies/wenzhou-poc-center-subsidy',
    data: { policyCode: 'wenzhou-poc-center-subsidy' },
    dedupeKey: 'demo:wenzhou-poc-center-subsidy',
  })
  return 6 + (await seedDemoVouchers(tx, org))
}

async function seedDemoVouchers(tx: Transaction, org: (key: string) => string): Promise<number> {
  const today = todayInShanghai(now())
  const year = Number(today.slice(0, 4))
  const poolId = newId()
  await tx.insert(voucherPools).values({
    id: poolId,
    name: `${year} 年湖州市创新券（第一批）`,
    jurisdictionCode: '330500',
    year,
    policyCode: 'huzhou-innovation-voucher',
    totalFen: 500 * WAN,
    createdAt: now(),
  })
  const until = (d: string) => (d > '2027-12-31' ? '2027-12-31' : d)
  const issue = async (key: string, amountFen: number, categories: VoucherCategory[], validTo: string, usedFen = 0) => {
    const id = newId()
    const enterpriseOrgId = org(key)
    const [o] = await tx.select().from(organizations).where(eq(organizations.id, enterpriseOrgId))
    const code = `CXQ-${year}-${id.replace(/-/g, '').slice(-10).toUpperCase()}`
    await tx.insert(vouchers).values({
      id,
      code,
      poolId,
      enterpriseOrgId,
      jurisdictionCode: o!.jurisdictionCode,
      amountFen,
      balanceFen: amountFen - usedFen,
      categories,
      validFrom: addDays(today, -90),
      validTo,
      status: 'active',
      createdAt: now(),
      updatedAt: now(),
    })
    await tx.insert(voucherPoolEntries).values({
      id: newId(),
      poolId,
      kind: 'issue',
      amountFen,
      voucherId: id,
      note: `向${o!.name}发放 ${code}`,
      createdAt: now(),
    })
    return { id, poolId, enterpriseOrgId }
  }
  const robot = await issue('demo-hz-robot', 20 * WAN, ['poc', 'pilot'], until(addDays(today, 240)), 15 * WAN)
  await order(tx, {
    enterpriseOrgId: robot.enterpriseOrgId,
    carrierName: '湖州南太湖智能装备中试平台',
    category: 'pilot',
    title: '人形机器人关节模组小批量试制',
    description: '关节模组 200 套小批量试制与装配工艺验证',
    priceFen: 30 * WAN,
    status: 'paid',
    voucher: { id: robot.id, poolId, amountFen: 15 * WAN },
    rating: 5,
  })
  const textile = await issue('demo-hz-textile', 10 * WAN, ['poc'], until(addDays(today, 200)))
  await order(tx, {
    enterpriseOrgId: textile.enterpriseOrgId,
    carrierName: '湖州市现代纺织概念验证中心',
    category: 'poc',
    title: '抗菌速干面料功能验证',
    description: '抗菌率、吸湿速干性能的技术与工艺可行性验证',
    priceFen: 8 * WAN,
    status: 'delivered',
  })
  // Past its last day: the expiry job at start returns its balance to the pool.
  await issue('demo-ent-hz-bio', 5 * WAN, ['poc', 'pilot'], addDays(today, -3))
  const used = await tx
    .select({ id: vouchers.id })
    .from(vouchers)
    .where(inArray(vouchers.poolId, [poolId]))
  return used.length
}
