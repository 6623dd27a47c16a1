import { afterEach, describe, expect, it } from 'vitest'
import { resetClock } from '../../platform/clock/clock'
import { withTestApp } from '../../test/app'
import { createOrganization } from '../../test/factories'
import { advisors, declaration, fillPool, session, setToday, wenzhouCenter } from './test-support'

const ctx = withTestApp()
afterEach(() => resetClock())

type Headers = Record<string, string>
type Todo = { key: string; title: string; link?: string }
const call = async (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) => {
  const res = await ctx.app().inject({ method, url, headers, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: res.json() }
}
const todos = async (who: { headers: Headers }) =>
  ((await call('GET', '/api/v1/home/summary', who.headers)).body.todos as Todo[]).filter((t) =>
    t.key.startsWith('accreditation-'),
  )
const officer = async (role: 'cityOfficer' | 'districtOfficer', area: string) =>
  session(ctx.app(), role, (await createOrganization({ kind: 'scienceBureau', jurisdictionCode: area })).id)

describe('待办 of accreditation officers (指引 三)', () => {
  it('follows an application from the district’s review to the city’s list, notice, objection and 认定', async () => {
    setToday('2026-03-02')
    const city = await officer('cityOfficer', '330300')
    const district = await officer('districtOfficer', '330302')
    const otherDistrict = await officer('districtOfficer', '330303')
    const otherCity = await officer('cityOfficer', '330500')
    const { org, carrier } = await wenzhouCenter()
    const operator = await session(ctx.app(), 'centerOperator', org.id)
    await fillPool(org.id, { admitted: 40, samples: 20, landed: 10 })
    const opened = await call('POST', '/api/v1/accreditation/calls', city.headers, {
      carrierKind: 'pocCenter',
      title: '2026年度温州市概念验证中心认定',
      deadline: '2026-12-31',
    })
    expect(opened.status).toBe(201)
    const applied = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      callId: opened.body.id,
      carrierId: carrier.id,
      centerName: '温州市眼脑健康概念验证中心',
      ...declaration(await advisors()),
      submit: true,
    })
    expect(applied.status, JSON.stringify(applied.body)).toBe(201)

    // 审核推荐 is the applicant's district's alone; the city and other areas have nothing to do yet.
    expect(await todos(district)).toEqual([
      { key: 'accreditation-review', title: '有 1 个认定申报待审核推荐', link: '/accreditation?status=submitted' },
    ])
    expect(await todos(otherDistrict)).toEqual([])
    expect(await todos(city)).toEqual([])

    const recommended = await call(
      'POST',
      `/api/v1/accreditation/applications/${applied.body.id}/review`,
      district.headers,
      {
        decision: 'recommend',
        version: applied.body.version,
      },
    )
    expect(recommended.status, JSON.stringify(recommended.body)).toBe(200)
    expect(await todos(district)).toEqual([])
    expect(await todos(city)).toEqual([
      {
        key: 'accreditation-propose',
        title: '有 1 个认定申报已获区县推荐，待确定拟认定名单',
        link: '/accreditation?status=recommended',
      },
    ])
    expect(await todos(otherCity)).toEqual([])

    const proposed = await call('POST', `/api/v1/accreditation/applications/${applied.body.id}/propose`, city.headers, {
      decision: 'propose',
      version: recommended.body.version,
    })
    expect(proposed.body.status).toBe('proposed')
    expect((await todos(city)).map((t) => [t.key, t.title])).toEqual([
      ['accreditation-notice', '有 1 个认定申报已列入拟认定名单，待发布公示'],
    ])

    const notice = await call('POST', '/api/v1/public-notices', city.headers, {
      callId: opened.body.id,
      startOn: '2026-03-02',
    })
    expect(notice.body.endOn).toBe('2026-03-06')
    expect(await todos(city)).toEqual([])
    const objector = await session(ctx.app(), 'enterpriseUser')
    const objection = await call('POST', `/api/v1/public-notices/${notice.body.id}/objections`, objector.headers, {
      applicationId: applied.body.id,
      reason: '申报的落地转化项目中有 3 个并非该中心验证',
    })
    expect(objection.status).toBe(201)
    expect((await todos(city)).map((t) => [t.key, t.title])).toEqual([
      ['accreditation-objections', '公示期间收到 1 件异议，待核查处理'],
    ])
    expect(await todos(otherCity)).toEqual([])

    // The period is over, but an open objection still stands between the notice and 认定.
    setToday('2026-03-09')
    const later = await officer('cityOfficer', '330300')
    expect((await todos(later)).map((t) => t.key)).toEqual(['accreditation-objections'])
    const resolved = await call(
      'POST',
      `/api/v1/accreditation/objections/${objection.body.id}/resolve`,
      later.headers,
      {
        outcome: 'dismissed',
        note: '经核查，3 个项目均由该中心完成技术验证',
      },
    )
    expect(resolved.status).toBe(200)
    expect(await todos(later)).toEqual([
      {
        key: 'accreditation-accredit',
        title: '有 1 个认定申报公示期满，待正式认定',
        link: '/accreditation?tab=notices',
      },
    ])
    const accredited = await call(
      'POST',
      `/api/v1/accreditation/applications/${applied.body.id}/accredit`,
      later.headers,
      {
        version: proposed.body.version + 1,
      },
    )
    expect(accredited.status, JSON.stringify(accredited.body)).toBe(200)
    expect(await todos(later)).toEqual([])
  }, 120_000)

  it('gives the review of an applicant registered at the city itself to the city, not to a district', async () => {
    setToday('2026-03-02')
    const city = await officer('cityOfficer', '330300')
    const district = await officer('districtOfficer', '330302')
    const { org, carrier } = await wenzhouCenter({ area: '330300' })
    const operator = await session(ctx.app(), 'centerOperator', org.id)
    await fillPool(org.id, { admitted: 40, samples: 20, landed: 10 })
    const opened = await call('POST', '/api/v1/accreditation/calls', city.headers, {
      carrierKind: 'pocCenter',
      title: '2026年度温州市概念验证中心认定',
      deadline: '2026-12-31',
    })
    const applied = await call('POST', '/api/v1/accreditation/applications', operator.headers, {
      callId: opened.body.id,
      carrierId: carrier.id,
      centerName: '温州市眼脑健康概念验证中心',
      ...declaration(await advisors()),
      submit: true,
    })
    expect(applied.status, JSON.stringify(applied.body)).toBe(201)
    expect(await todos(city)).toEqual([
      { key: 'accreditation-review', title: '有 1 个认定申报待审核推荐', link: '/accreditation?status=submitted' },
    ])
    expect(await todos(district)).toEqual([])
    const returned = await call('POST', `/api/v1/accreditation/applications/${applied.body.id}/review`, city.headers, {
      decision: 'return',
      note: '请补充合作协议原件扫描件',
      version: applied.body.version,
    })
    expect(returned.body.status).toBe('returned')
    expect(await todos(city)).toEqual([])
  }, 120_000)
})
