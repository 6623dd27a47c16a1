import { beforeAll, describe, expect, it } from 'vitest'
import { systemActor } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { completeUscc } from '../../platform/validation/uscc'
import { withTestApp } from '../../test/app'
import { admittedProject, client, newCenter, newPilotPlatform, verifiedProject } from '../verification/testing'
import type { RecordOutcome } from './contracts'
import { recordOutcome } from './service'
import { centerStatistics, cityStatistics, type PipelineStatistics } from './statistics'

const ctx = withTestApp()
const system = systemActor('test')
const ids = { wenzhouCenter: '', huzhouCenter: '', huzhouPlatform: '' }
let today = ''

beforeAll(async () => {
  today = todayInShanghai(now())
  const wenzhou = await newCenter(ctx.app(), '330303')
  const huzhou = await newCenter(ctx.app(), '330502')
  const platform = await newPilotPlatform(ctx.app(), { area: '330502' })
  Object.assign(ids, { wenzhouCenter: wenzhou.orgId, huzhouCenter: huzhou.orgId, huzhouPlatform: platform.orgId })
  const p1 = await verifiedProject(ctx.app(), wenzhou)
  await admittedProject(ctx.app(), wenzhou.orgId)
  const record = (projectId: string, outcome: RecordOutcome) => recordOutcome(system, projectId, outcome)
  await record(p1.id, { kind: 'sample', name: '触觉传感阵列样品 A', occurredOn: '2025-03-01' })
  await record(p1.id, { kind: 'sample', name: '触觉传感阵列样品 B', occurredOn: '2025-05-01' })
  await record(p1.id, { kind: 'product', name: '机器人电子皮肤模组', occurredOn: '2025-06-30' })
  await record(p1.id, {
    kind: 'serviceFee',
    payer: '瓯越理工大学',
    item: '技术验证服务',
    amountFen: 500_000,
    occurredOn: '2025-03-31',
  })
  await record(p1.id, {
    kind: 'serviceFee',
    payer: '瓯越理工大学',
    item: '商业验证服务',
    amountFen: 300_000,
    occurredOn: '2025-04-01',
  })
  await record(p1.id, {
    kind: 'company',
    companyName: '温州触感智能科技有限公司',
    uscc: completeUscc('91330303MA2K0L7Q1'),
    jurisdictionCode: '330303',
    occurredOn: '2025-07-01',
  })
  await record(p1.id, {
    kind: 'license',
    counterparty: '温州某机器人公司',
    amountFen: 1_000_000,
    occurredOn: '2025-08-01',
  })
  await record(p1.id, {
    kind: 'funding',
    investor: '温州科创基金',
    round: 'angel',
    relay: 'incubation',
    amountFen: 10_000_000,
    occurredOn: '2025-12-31',
  })

  const p3 = await verifiedProject(ctx.app(), huzhou)
  await record(p3.id, { kind: 'sample', name: '关节模组样品', occurredOn: '2025-03-15' })
  const api = client(ctx.app())
  const offer = { carrierIds: [platform.carrierId], message: '请开展小批量试制' }
  const handoff = (await api.post(huzhou.session, `/api/v1/projects/${p3.id}/handoffs`, offer)).json().items[0]
  await api.post(platform.session, `/api/v1/handoffs/${handoff.id}/respond`, { decision: 'accept' })
})

type Scope = ['center' | 'city', keyof typeof ids | string]
const run = (scope: Scope, from: string, to: string) =>
  scope[0] === 'center'
    ? centerStatistics(ids[scope[1] as keyof typeof ids], from, to)
    : cityStatistics(scope[1], from, to)

describe('statistics for accreditation and the cockpit', () => {
  it.each<[string, Scope, string, string, Partial<PipelineStatistics>]>([
    [
      'first quarter',
      ['center', 'wenzhouCenter'],
      '2025-01-01',
      '2025-03-31',
      {
        samples: 1,
        products: 0,
        samplesOrProducts: 1,
        landings: 0,
        serviceRevenueFen: 500_000,
        admitted: 0,
        verified: 0,
      },
    ],
    [
      'second quarter: a second sample does not count the project again',
      ['center', 'wenzhouCenter'],
      '2025-04-01',
      '2025-06-30',
      { samples: 0, products: 1, samplesOrProducts: 0, serviceRevenueFen: 300_000 },
    ],
    ['one day, the last of a quarter', ['center', 'wenzhouCenter'], '2025-06-30', '2025-06-30', { products: 1 }],
    [
      'the landing day',
      ['center', 'wenzhouCenter'],
      '2025-07-01',
      '2025-07-01',
      { landings: 1, landingsByKind: { company: 1, license: 0, transfer: 0, equity: 0 } },
    ],
    [
      'a later license is not a second landing',
      ['center', 'wenzhouCenter'],
      '2025-08-01',
      '2025-08-01',
      { landings: 0, landingsByKind: { company: 0, license: 1, transfer: 0, equity: 0 }, landingAmountFen: 1_000_000 },
    ],
    [
      'the whole year',
      ['center', 'wenzhouCenter'],
      '2025-01-01',
      '2025-12-31',
      {
        samples: 1,
        products: 1,
        samplesOrProducts: 1,
        landings: 1,
        landingAmountFen: 1_000_000,
        fundingFen: 10_000_000,
        serviceRevenueFen: 800_000,
      },
    ],
    ['the year but its last day', ['center', 'wenzhouCenter'], '2025-01-01', '2025-12-30', { fundingFen: 0 }],
    [
      'the city of Wenzhou',
      ['city', '330300'],
      '2025-01-01',
      '2025-12-31',
      { samples: 1, landings: 1, serviceRevenueFen: 800_000 },
    ],
    [
      'the city of Huzhou',
      ['city', '330500'],
      '2025-01-01',
      '2025-12-31',
      { samples: 1, landings: 0, serviceRevenueFen: 0 },
    ],
    [
      'Xiamen has nothing',
      ['city', '350200'],
      '2025-01-01',
      '2030-12-31',
      { admitted: 0, verified: 0, samples: 0, pilotServiceProjects: 0 },
    ],
  ])('%s', async (_label, scope, from, to, expected) => {
    expect(await run(scope, from, to)).toMatchObject(expected)
  })

  it('counts today’s admissions, reports and hand-offs per center, platform and city', async () => {
    expect(await run(['center', 'wenzhouCenter'], today, today)).toMatchObject({
      admitted: 2,
      verified: 1,
      handedOff: 0,
    })
    expect(await run(['center', 'huzhouCenter'], today, today)).toMatchObject({
      admitted: 1,
      verified: 1,
      handedOff: 1,
    })
    expect(await run(['center', 'huzhouPlatform'], today, today)).toMatchObject({ pilotServiceProjects: 1 })
    expect(await run(['city', '330500'], today, today)).toMatchObject({
      admitted: 1,
      verified: 1,
      pilotServiceProjects: 1,
    })
    expect(await run(['city', '330300'], today, today)).toMatchObject({ admitted: 2, pilotServiceProjects: 0 })
  })

  it('refuses a period that ends before it starts', async () => {
    await expect(centerStatistics(ids.wenzhouCenter, '2025-12-31', '2025-01-01')).rejects.toThrow(
      '开始日期不晚于结束日期',
    )
  })
})
