import { count, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { resetClock } from '../../platform/clock/clock'
import { withTestApp } from '../../test/app'
import { createOrganization } from '../../test/factories'
import { accreditationApplications } from './schema'
import { advisors, carrierOf, declaration, fillPool, session, setToday, wenzhouCenter } from './test-support'

const ctx = withTestApp()
afterEach(() => resetClock())

type Headers = Record<string, string>
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers = {}, payload?: object) => {
  const res = await ctx.app().inject({ method, url, headers, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: res.json() }
}

/** A Wenzhou center with a full pool, 5 advisors and a submitted application, at `today`. */
async function submitted(today: string) {
  setToday(today)
  const city = await session(ctx.app(), 'cityOfficer')
  const district = await session(ctx.app(), 'districtOfficer')
  const { org, carrier } = await wenzhouCenter()
  const operator = await session(ctx.app(), 'centerOperator', org.id)
  await fillPool(org.id, { admitted: 40, samples: 20, landed: 10 })
  const experts = await advisors()
  const opened = await call('POST', '/api/v1/accreditation/calls', city.headers, {
    carrierKind: 'pocCenter',
    title: '2026年度温州市概念验证中心认定',
    deadline: '2026-12-31',
  })
  expect(opened.status).toBe(201)
  const { declared, attachments } = declaration(experts)
  const applied = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
    callId: opened.body.id,
    carrierId: carrier.id,
    centerName: '温州市眼脑健康概念验证中心',
    declared,
    attachments,
    submit: true,
  })
  expect(applied.status, JSON.stringify(applied.body)).toBe(201)
  return { city, district, operator, org, carrier, callId: opened.body.id as string, app: applied.body }
}

async function throughList(s: Awaited<ReturnType<typeof submitted>>) {
  const recommended = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/review`, s.district.headers, {
    decision: 'recommend',
    version: s.app.version,
  })
  expect(recommended.status, JSON.stringify(recommended.body)).toBe(200)
  const proposed = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/propose`, s.city.headers, {
    decision: 'propose',
    version: recommended.body.version,
  })
  expect(proposed.body.status).toBe('proposed')
  return proposed.body
}

describe('温州 accreditation from application to certificate (指引 三)', () => {
  it('runs 申报 → 退回修改 → 审核推荐 → 拟认定 → 公示 (before the Spring Festival) → 异议处理 → 正式认定', async () => {
    const s = await submitted('2026-01-20')
    expect(s.app.status).toBe('submitted')
    expect(s.app.checks.met).toBe(14)
    const pool = s.app.checks.results.find((r: { id: string }) => r.id === 'pool')
    expect(pool).toMatchObject({ source: 'platform', status: 'met', evidence: ['平台记录：累计入库项目 40 个'] })
    const samples = s.app.checks.results.find((r: { id: string }) => r.id === 'samples')
    expect(samples).toMatchObject({ source: 'platform', evidence: ['平台记录：样品化或产品化成果 20 个'] })
    expect(s.app.checks.ruleVersion).toContain('温州市市级概念验证中心认定与绩效评价规则')
    expect((await carrierOf(s.carrier.id)).accreditationStatus).toBe('applying')

    // Another district may not review; this one returns for correction, the applicant fixes and resubmits.
    const elsewhere = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '330303' })
    const stranger = await session(ctx.app(), 'districtOfficer', elsewhere.id)
    const foreign = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/review`, stranger.headers, {
      decision: 'recommend',
      version: s.app.version,
    })
    expect(foreign.status).toBe(403)
    const returned = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/review`, s.district.headers, {
      decision: 'return',
      note: '请补充合作协议原件扫描件',
      version: s.app.version,
    })
    expect(returned.body.status).toBe('returned')
    const fixed = await call('PATCH', `/api/v1/accreditation/applications/${s.app.id}`, s.operator.headers, {
      version: returned.body.version,
      declared: {
        ...s.app.declared,
        partners: [...s.app.declared.partners, { name: '瓯江实验室', relation: '联合验证' }],
      },
    })
    expect(fixed.status).toBe(200)
    const again = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/submit`, s.operator.headers, {
      version: fixed.body.version,
    })
    expect(again.body.status).toBe('submitted')
    const visited = await call(
      'POST',
      `/api/v1/accreditation/applications/${s.app.id}/site-visits`,
      s.district.headers,
      {
        visitedOn: '2026-01-20',
        findings: '场地、设备与申报一致，运营正常',
        version: again.body.version,
      },
    )
    expect(visited.body.siteVisits).toHaveLength(1)
    const proposed = await throughList({ ...s, app: visited.body })

    // 公示 5 个工作日 from Thursday 12 February: 12, 13, 14 (调休上班), then 春节 15–23, then 24, 25.
    const notice = await call('POST', '/api/v1/public-notices', s.city.headers, {
      callId: s.callId,
      startOn: '2026-02-12',
    })
    expect(notice.status, JSON.stringify(notice.body)).toBe(201)
    expect(notice.body).toMatchObject({
      startOn: '2026-02-12',
      endOn: '2026-02-25',
      workdays: ['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25'],
      phase: 'upcoming',
    })
    expect(notice.body.explanation.map((x: { because: string }) => x.because).join()).toContain(
      '春节（2026-02-15 至 2026-02-23）',
    )
    expect(notice.body.entries[0]).toMatchObject({ applicationId: s.app.id, status: 'inNotice' })

    // Objections only while the notice runs; an open objection blocks 认定 until resolved.
    const early = await session(ctx.app(), 'researcher')
    const tooEarly = await call('POST', `/api/v1/public-notices/${notice.body.id}/objections`, early.headers, {
      applicationId: s.app.id,
      reason: '该中心专职人员数量与实际不符，请核查',
    })
    expect(tooEarly.status).toBe(422)
    setToday('2026-02-13')
    const objector = await session(ctx.app(), 'researcher')
    const objection = await call('POST', `/api/v1/public-notices/${notice.body.id}/objections`, objector.headers, {
      applicationId: s.app.id,
      reason: '该中心专职人员数量与实际不符，请核查',
    })
    expect(objection.status).toBe(201)
    const publicView = await call('GET', `/api/v1/public-notices/${notice.body.id}`)
    expect(publicView.body).toMatchObject({ phase: 'open', entries: [{ objections: 1, openObjections: 1 }] })

    setToday('2026-02-26')
    const city = await session(ctx.app(), 'cityOfficer')
    const blocked = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/accredit`, city.headers, {
      version: proposed.version + 1,
    })
    expect(blocked.status).toBe(422)
    expect(blocked.body.error.message).toContain('异议尚未处理')
    const listed = await call('GET', `/api/v1/public-notices/${notice.body.id}/objections`, city.headers)
    expect(listed.body.items[0]).toMatchObject({ status: 'open', centerName: '温州市眼脑健康概念验证中心' })
    const resolved = await call('POST', `/api/v1/accreditation/objections/${objection.body.id}/resolve`, city.headers, {
      outcome: 'dismissed',
      note: '经核查社保缴纳记录，专职人员 6 人属实',
    })
    expect(resolved.status).toBe(200)
    const accredited = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/accredit`, city.headers, {
      version: proposed.version + 1,
    })
    expect(accredited.status, JSON.stringify(accredited.body)).toBe(200)
    expect(accredited.body.status).toBe('accredited')
    expect(accredited.body.certificate).toMatchObject({
      certificateNo: '330300-POC-2026-001',
      accreditedOn: '2026-02-26',
    })
    const carrier = await carrierOf(s.carrier.id)
    expect(carrier).toMatchObject({
      accreditationStatus: 'accredited',
      level: 'municipal',
      accreditationYear: 2026,
      name: '温州市眼脑健康概念验证中心',
    })
    const certificate = await call('GET', `/api/v1/accreditations/${accredited.body.certificate.id}`)
    expect(certificate.body.explanation.map((x: { step: string }) => x.step)).toContain('异议 1 件')
    expect(certificate.body.ruleVersion).toContain('第 1 版')
    const [audited] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'accreditation.accredit'))
    expect(audited!.n).toBe(1)
  }, 120_000)

  it('computes a notice across National Day: 29 September → 10 October (a Saturday worked in lieu)', async () => {
    const s = await submitted('2026-09-01')
    await throughList(s)
    const notice = await call('POST', '/api/v1/public-notices', s.city.headers, {
      callId: s.callId,
      startOn: '2026-09-29',
    })
    expect(notice.body).toMatchObject({
      endOn: '2026-10-10',
      workdays: ['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'],
    })
    expect(notice.body.explanation.map((x: { because: string }) => x.because).join()).toContain(
      '国庆节（2026-10-01 至 2026-10-07）',
    )
  }, 120_000)

  it('refuses 认定 before the notice period ends, and an upheld objection ends the application', async () => {
    const s = await submitted('2026-03-02')
    const proposed = await throughList(s)
    const notice = await call('POST', '/api/v1/public-notices', s.city.headers, {
      callId: s.callId,
      startOn: '2026-03-02',
    })
    expect(notice.body.endOn).toBe('2026-03-06')
    const early = await call('POST', `/api/v1/accreditation/applications/${s.app.id}/accredit`, s.city.headers, {
      version: proposed.version + 1,
    })
    expect(early.status).toBe(422)
    expect(early.body.error.message).toContain('2026-03-06')
    const objector = await session(ctx.app(), 'enterpriseUser')
    const objection = await call('POST', `/api/v1/public-notices/${notice.body.id}/objections`, objector.headers, {
      applicationId: s.app.id,
      reason: '申报的落地转化项目中有 3 个并非该中心验证',
    })
    const upheld = await call('POST', `/api/v1/accreditation/objections/${objection.body.id}/resolve`, s.city.headers, {
      outcome: 'upheld',
      note: '经核查，落地转化项目不足 10 个',
    })
    expect(upheld.status).toBe(200)
    const after = await call('GET', `/api/v1/accreditation/applications/${s.app.id}`, s.operator.headers)
    expect(after.body.status).toBe('rejected')
    expect((await carrierOf(s.carrier.id)).accreditationStatus).toBe('none')
  }, 120_000)
})

describe('the application checks (指引 二、三(二))', () => {
  it('refuses a name outside “温州市xx(产业领域)概念验证中心”, writing nothing', async () => {
    setToday('2026-04-01')
    const city = await session(ctx.app(), 'cityOfficer')
    const { org, carrier } = await wenzhouCenter({ name: '瓯江眼科验证中心' })
    const operator = await session(ctx.app(), 'centerOperator', org.id)
    const opened = await call('POST', '/api/v1/accreditation/calls', city.headers, {
      carrierKind: 'pocCenter',
      title: '2026年度温州市概念验证中心认定（第二批）',
      deadline: '2026-06-30',
    })
    const before = await db.select({ n: count() }).from(accreditationApplications)
    const res = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      callId: opened.body.id,
      carrierId: carrier.id,
      centerName: '瓯江眼科概念验证中心',
      ...declaration([]),
    })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe(
      '名称应按“温州市xx(产业领域)概念验证中心”统一命名，例如“温州市智能电气概念验证中心”',
    )
    expect(res.body.error.details.fields[0].path).toBe('centerName')
    expect(await db.select({ n: count() }).from(accreditationApplications)).toEqual(before)
  })

  it('shows met / not met with evidence and refuses to submit while a condition fails', async () => {
    setToday('2026-04-02')
    const city = await session(ctx.app(), 'cityOfficer')
    const { org, carrier } = await wenzhouCenter()
    const operator = await session(ctx.app(), 'centerOperator', org.id)
    await fillPool(org.id, { admitted: 12, samples: 5, landed: 3 })
    const opened = await call('POST', '/api/v1/accreditation/calls', city.headers, {
      carrierKind: 'pocCenter',
      title: '2026年度温州市概念验证中心认定（第三批）',
      deadline: '2026-06-30',
    })
    const { declared, attachments } = declaration(await advisors(3))
    const body = { callId: opened.body.id, carrierId: carrier.id, centerName: '温州市眼脑健康概念验证中心', declared }
    const refused = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      ...body,
      attachments: attachments.slice(1),
      submit: true,
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('RULE_VIOLATION')
    // 其中 figures must nest: 50 full-time staff out of 5 is a typo, not a team.
    const tangled = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      ...body,
      declared: { ...declared, staff: { total: 5, fullTime: 50, fullTimeTechManagers: 80 } },
      attachments,
    })
    expect(tangled.status).toBe(400)
    expect(tangled.body.error.details.fields).toEqual(
      expect.arrayContaining([
        { path: 'declared.staff.fullTime', message: '专职服务人员数不能多于服务人员总数' },
        { path: 'declared.staff.fullTimeTechManagers', message: '专职技术经理人数不能多于专职服务人员数' },
      ]),
    )
    const draft = await call('POST', '/api/v1/accreditation/applications', operator.headers, { ...body, attachments })
    expect(draft.status).toBe(201)
    const byId = Object.fromEntries(draft.body.checks.results.map((r: { id: string }) => [r.id, r]))
    expect(byId.pool).toMatchObject({ status: 'notMet', because: '累计入库项目 12，要求不少于 40' })
    expect(byId.landings).toMatchObject({ status: 'notMet', because: '落地转化项目 3，要求不少于 10' })
    expect(byId.advisory.status).toBe('notMet')
    expect(byId.advisory.because).toContain('要求不少于 5 人')
    expect(byId.subject).toMatchObject({ status: 'met', source: 'platform' })
    expect(byId.director.because).toBe('已聘任行政主任与技术主任（双主任制）')
    expect(byId.staff).toMatchObject({ status: 'met', source: 'declared' })
    const noFiles = await call('PATCH', `/api/v1/accreditation/applications/${draft.body.id}`, operator.headers, {
      version: draft.body.version,
      attachments: [],
    })
    const fund = noFiles.body.checks.results.find((r: { id: string }) => r.id === 'fund')
    expect(fund).toMatchObject({ status: 'evidenceMissing', statusLabel: '缺少佐证材料' })
  }, 120_000)
})
