import { eq } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { resetClock } from '../../platform/clock/clock'
import { withTestApp } from '../../test/app'
import { carriers } from '../carriers/schema'
import { organizations } from '../organizations/schema'
import { accreditations } from './schema'
import {
  accreditedCenter,
  carrierOf,
  declaration,
  evaluationParameters,
  fillPool,
  session,
  setToday,
  wenzhouCenter,
} from './test-support'

const ctx = withTestApp()
afterEach(() => resetClock())

const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) => {
  const res = await ctx.app().inject({ method, url, headers, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: res.json() }
}

beforeAll(async () => {
  // The city sets the 待定 evaluation weights (温州 gives only the dimensions) from 1 January 2026.
  const city = await session(ctx.app(), 'cityOfficer')
  const [v1] = (await call('GET', '/api/v1/accreditation/rules?city=330300')).body.items
  const set = await call('POST', `/api/v1/accreditation/rules/${v1.id}/parameters`, city.headers, {
    values: evaluationParameters,
    versionLabel: '2026 考核细则',
    effectiveFrom: '2026-01-01',
    note: '市科技局绩效评价细则',
  })
  expect(set.status).toBe(201)
})

const verified = {
  serviceStaff: { value: 12, source: '年度报告（社保记录核实）' },
  specialFundsFenPerYear: { value: 120_000_000, source: '专项资金拨付凭证' },
}
const scored = (quality: number, systems: number, ip: number, impact: number) => {
  const by = { scorer: 'expert', scorerName: '评审专家组' }
  return {
    quality: { score: quality, ...by },
    systems: { score: systems, ...by },
    ip: { score: ip, ...by },
    impact: { score: impact, scorer: 'thirdParty', scorerName: '浙江省科技评估中心' },
  }
}
const zeros = Object.fromEntries(Object.entries(verified).map(([k, v]) => [k, { ...v, value: 0 }]))

describe('annual performance evaluation (行动方案 三(三), 指引 四)', () => {
  it('fills the template from the platform, explains every line and bands a total of exactly 60 as 合格', async () => {
    setToday('2025-06-01')
    const { org, accreditation } = await accreditedCenter('2024-12-20')
    await fillPool(org.id, { admitted: 8, samples: 8, landed: 2, revenueFen: 300_000_000 })
    setToday('2026-03-10')
    const city = await session(ctx.app(), 'cityOfficer')
    const draft = await call(
      'GET',
      `/api/v1/accreditations/${accreditation.id}/evaluation-draft?year=2025`,
      city.headers,
    )
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    const figure = (key: string) => draft.body.indicators.find((i: { key: string }) => i.key === key).figure
    const source = '项目库与转化成果记录（2025 年度）'
    expect(figure('verified')).toEqual({ value: 0, source })
    expect(figure('landings')).toEqual({ value: 2, source })
    expect(figure('samples')).toEqual({ value: 8, source })
    expect(figure('revenue')).toEqual({ value: 300_000_000, source })
    expect(figure('staff')).toMatchObject({ value: null })

    const overridden = await call('POST', `/api/v1/accreditations/${accreditation.id}/evaluations`, city.headers, {
      year: 2025,
      participation: 'participated',
      figures: { ...verified, projectsVerified: { value: 18, source: '自报' } },
      scores: scored(100, 90, 100, 80),
    })
    expect(overridden.status).toBe(400)
    expect(overridden.body.error.message).toBe('“完成验证项目数”平台已有记录，不能另填')

    const res = await call('POST', `/api/v1/accreditations/${accreditation.id}/evaluations`, city.headers, {
      year: 2025,
      participation: 'participated',
      figures: verified,
      scores: scored(100, 90, 100, 80),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ year: 2025, total: 60, band: 'pass', bandLabel: '合格' })
    const lines = Object.fromEntries(res.body.scorecard.lines.map((l: { indicator: string }) => [l.indicator, l]))
    expect(lines.verified).toMatchObject({ source, value: 0, pointsCenti: 0 })
    expect(lines.landings.because).toBe('2 个 ÷ 满分值 5 个 × 15 分 = 6.00')
    expect(lines.revenue).toMatchObject({ source, valueLabel: '3,000,000 元', pointsCenti: 600 })
    expect(lines.staff).toMatchObject({ source: '年度报告（社保记录核实）', pointsCenti: 600 })
    expect(lines.impact).toMatchObject({ source: '第三方机构评分（浙江省科技评估中心）', pointsCenti: 400 })
    expect(
      res.body.scorecard.dimensions.map((d: { label: string; pointsCenti: number }) => [d.label, d.pointsCenti]),
    ).toEqual([
      ['能力建设', 1200],
      ['服务水平', 1600],
      ['规范管理', 1400],
      ['综合效益', 1800],
    ])
    expect(res.body.scorecard.because).toContain('60.00 ≤ 60.00 < 85.00，为“合格”')
    expect(res.body.scorecard.ruleVersion).toContain('第 2 版（2026 考核细则）')
    const again = await call('POST', `/api/v1/accreditations/${accreditation.id}/evaluations`, city.headers, {
      year: 2025,
      participation: 'skipped',
      skipReason: '重复',
      goodReason: true,
    })
    expect(again.status).toBe(409)
  })

  it('refuses a year before the accreditation or one not yet over', async () => {
    setToday('2026-03-11')
    const { accreditation } = await accreditedCenter('2025-12-01')
    const city = await session(ctx.app(), 'cityOfficer')
    for (const year of [2024, 2026]) {
      const res = await call(
        'GET',
        `/api/v1/accreditations/${accreditation.id}/evaluation-draft?year=${year}`,
        city.headers,
      )
      expect(res.status).toBe(400)
    }
  })
})

describe('dynamic management (有进有出, 指引 四–六)', () => {
  it('revokes after two failed years in a row, not after one', async () => {
    setToday('2026-03-12')
    const { carrier, accreditation } = await accreditedCenter('2024-12-20')
    let city = await session(ctx.app(), 'cityOfficer')
    const failed = (year: number) =>
      call('POST', `/api/v1/accreditations/${accreditation.id}/evaluations`, city.headers, {
        year,
        participation: 'participated',
        figures: zeros,
        scores: scored(40, 40, 40, 40),
      })
    const first = await failed(2025)
    expect(first.body).toMatchObject({ band: 'fail', bandLabel: '不合格' })
    expect(first.body.consequence.at(-1).because).toBe('连续不合格 1 年，未达 2 年，保留认定资格')
    expect((await call('GET', `/api/v1/accreditations/${accreditation.id}`)).body.status).toBe('active')
    setToday('2027-02-01')
    city = await session(ctx.app(), 'cityOfficer')
    const second = await failed(2026)
    expect(second.body.consequence.at(-1)).toEqual({
      step: '2025、2026 年度绩效评价均为不合格',
      because: '连续 2 年不合格，取消认定资格（指引 四）',
    })
    const after = (await call('GET', `/api/v1/accreditations/${accreditation.id}`)).body
    expect(after).toMatchObject({ status: 'revoked', statusBecause: '连续 2 年绩效评价不合格', endedOn: '2027-02-01' })
    expect((await carrierOf(carrier.id)).accreditationStatus).toBe('revoked')
  })

  it.each([
    [false, 'revoked'],
    [true, 'active'],
  ])('a center that skips the evaluation (good reason: %s) is %s', async (goodReason, status) => {
    setToday('2026-03-13')
    const { accreditation } = await accreditedCenter('2024-12-20')
    const city = await session(ctx.app(), 'cityOfficer')
    const res = await call('POST', `/api/v1/accreditations/${accreditation.id}/evaluations`, city.headers, {
      year: 2025,
      participation: 'skipped',
      skipReason: goodReason ? '中心所在楼宇火灾停业整改，经市科技局同意缓评' : '未按通知报送材料',
      goodReason,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect((await call('GET', `/api/v1/accreditations/${accreditation.id}`)).body.status).toBe(status)
  })

  it('flags a major change reported after three months and revokes from the year of change when it no longer qualifies', async () => {
    setToday('2026-05-10')
    const { org, carrier, accreditation } = await accreditedCenter('2025-12-01')
    const operator = await session(ctx.app(), 'centerOperator', org.id)
    const late = await call('POST', `/api/v1/accreditations/${accreditation.id}/changes`, operator.headers, {
      kind: 'restructuring',
      occurredOn: '2026-01-05',
      description: '建设单位被温州某集团重组，概念验证业务划转',
    })
    expect(late.status, JSON.stringify(late.body)).toBe(201)
    // 5 April 2026 is a Sunday within 清明节 (4–6 April): the deadline moves to Tuesday 7 April.
    expect(late.body).toMatchObject({
      deadline: '2026-04-07',
      late: true,
      lateLabel: '逾期报告（应于 2026-04-07 前报告）',
    })
    const onTime = await call('POST', `/api/v1/accreditations/${accreditation.id}/changes`, operator.headers, {
      kind: 'businessChange',
      occurredOn: '2026-04-20',
      description: '新增医疗器械检测业务，验证方向不变',
    })
    expect(onTime.body).toMatchObject({ deadline: '2026-07-20', late: false })
    const city = await session(ctx.app(), 'cityOfficer')
    const kept = await call('POST', `/api/v1/accreditation/changes/${onTime.body.id}/reassess`, city.headers, {
      outcome: 'stillQualifies',
      note: '经审核仍符合认定条件',
    })
    expect(kept.body.reassessmentLabel).toBe('仍符合认定条件，资格不变')
    expect((await call('GET', `/api/v1/accreditations/${accreditation.id}`)).body.status).toBe('active')
    const lost = await call('POST', `/api/v1/accreditation/changes/${late.body.id}/reassess`, city.headers, {
      outcome: 'noLongerQualifies',
      note: '重组后专职服务人员不足 5 人',
    })
    expect(lost.status).toBe(200)
    const after = (await call('GET', `/api/v1/accreditations/${accreditation.id}`)).body
    expect(after).toMatchObject({ status: 'revoked', endedOn: '2026-01-01', statusBecause: '重组后不再符合认定条件' })
    expect(await carrierOf(carrier.id)).toMatchObject({ accreditationStatus: 'revoked', accreditationYear: 2026 })
  })

  it('ends the accreditation automatically when the legal entity is deregistered', async () => {
    setToday('2026-06-01')
    const { org, carrier, accreditation } = await accreditedCenter('2025-12-01')
    await db.update(organizations).set({ status: 'deregistered' }).where(eq(organizations.id, org.id))
    const seen = (await call('GET', `/api/v1/accreditations/${accreditation.id}`)).body
    expect(seen).toMatchObject({
      status: 'terminated',
      statusBecause: '建设单位已注销法人登记，认定资格自动终止（指引 五）',
    })
    const city = await session(ctx.app(), 'cityOfficer')
    const swept = await call('POST', '/api/v1/accreditations/sweep', city.headers, {})
    expect(swept.body.ended.map((a: { id: string }) => a.id)).toContain(accreditation.id)
    const [row] = await db.select().from(accreditations).where(eq(accreditations.id, accreditation.id))
    expect(row).toMatchObject({ status: 'terminated', endedOn: '2026-06-01' })
    expect((await carrierOf(carrier.id)).accreditationStatus).toBe('revoked')
  })

  it('bars a new application for two years after revocation for fraud (指引 六)', async () => {
    setToday('2026-06-02')
    const { org, carrier, accreditation } = await accreditedCenter('2025-12-01')
    const city = await session(ctx.app(), 'cityOfficer')
    const revoked = await call('POST', `/api/v1/accreditations/${accreditation.id}/revoke`, city.headers, {
      cause: 'fraud',
      note: '申报材料中的落地转化项目系伪造',
    })
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200)
    expect(revoked.body).toMatchObject({ status: 'revoked', barredUntil: '2028-06-02' })
    const opened = await call('POST', '/api/v1/accreditation/calls', city.headers, {
      carrierKind: 'pocCenter',
      title: '2026年度温州市概念验证中心认定（补充）',
      deadline: '2026-08-31',
    })
    const operator = await session(ctx.app(), 'centerOperator', org.id)
    const body = { callId: opened.body.id, centerName: '温州市眼脑健康概念验证中心', ...declaration([]) }
    const again = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      ...body,
      carrierId: carrier.id,
    })
    expect(again.status).toBe(422)
    expect(again.body.error.message).toBe(
      '因“在申请过程中存在严重弄虚作假行为”被取消认定资格，2028-06-02 前不得重新申报认定（指引 六）',
    )
    // The bar is the organization's: a second center it runs is barred too.
    const second = await wenzhouCenter({ name: '瓯江第二中心' })
    await db.update(carriers).set({ ownerOrgId: org.id }).where(eq(carriers.id, second.carrier.id))
    const other = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      ...body,
      carrierId: second.carrier.id,
    })
    expect(other.status).toBe(422)
  })
})
