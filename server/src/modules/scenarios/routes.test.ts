import { and, count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { scenarios } from './schema'

const ctx = withTestApp()
const inDays = (n: number) => addDays(todayInShanghai(now()), n)

const base = {
  title: '智慧工地塔吊防碰撞预警场景',
  description:
    '在在建市政工地开放六台塔吊及其运行数据，征集基于视觉与毫米波雷达融合的防碰撞预警方案，验证通过后推广至全市工地。',
  keywords: ['毫米波雷达', '防碰撞预警'],
  industryCodes: ['wenzhou-5n:WZ-4-3'],
  address: '温州市鹿城区七都岛',
  longitude: 120.7,
  latitude: 28.02,
  offers: ['site', 'data', 'procurement'],
  deadline: inDays(45),
  confidentiality: 'public',
}

const inject = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  session: Session | null,
  payload?: Record<string, unknown>,
) => ctx.app().inject({ method, url, headers: session?.headers ?? {}, payload })
const post = (session: Session, payload: Record<string, unknown>) =>
  inject('POST', '/api/v1/scenarios', session, payload)
const list = async (session: Session | null, query: string) =>
  (await inject('GET', `/api/v1/scenarios?${query}`, session)).json()
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id)
const rows = async () => Number((await db.select({ n: count() }).from(scenarios))[0]!.n)

describe('scenarios registry', () => {
  it('publishes, edits with history, refuses a stale edit, closes, reopens with a reason, archives', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const created = await post(enterprise, base)
    expect(created.statusCode).toBe(201)
    const s = created.json().scenario
    expect(s).toMatchObject({
      status: 'open',
      statusLabel: '征集中',
      publisherKind: 'enterprise',
      publisherKindLabel: '企业',
      offerLabels: ['场地', '数据', '采购意向'],
      industries: [{ code: 'wenzhou-5n:WZ-4-3', name: '工业机器人' }],
      longitude: 120.7,
      latitude: 28.02,
      canEdit: true,
      version: 1,
    })
    const edited = await inject('PATCH', `/api/v1/scenarios/${s.id}`, enterprise, {
      offers: ['site', 'data', 'procurement', 'demonstration'],
      version: 1,
      note: '增加示范应用',
    })
    expect(edited.json()).toMatchObject({ offerLabels: ['场地', '数据', '采购意向', '示范应用'], version: 2 })
    expect(
      (await inject('PATCH', `/api/v1/scenarios/${s.id}`, enterprise, { title: '旧版本的标题', version: 1 }))
        .statusCode,
    ).toBe(409)
    const move = (status: string, version: number, reason?: string) =>
      inject('POST', `/api/v1/scenarios/${s.id}/status`, enterprise, { status, version, ...(reason ? { reason } : {}) })
    expect((await move('closed', 2)).json()).toMatchObject({
      status: 'closed',
      statusLabel: '已截止',
      nextStatuses: ['open'],
    })
    expect((await move('closed', 3)).statusCode).toBe(422)
    expect((await move('open', 3)).statusCode).toBe(400)
    expect((await move('open', 3, '延长征集期')).json()).toMatchObject({ status: 'open', statusReason: '延长征集期' })
    const history = (await inject('GET', `/api/v1/scenarios/${s.id}/history`, enterprise)).json()
    expect(history.items.map((h: { note: string }) => h.note)).toEqual([
      '发布',
      '增加示范应用',
      '征集中 → 已截止',
      '已截止 → 征集中：延长征集期',
    ])
    const audited = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'scenario'), eq(auditLog.targetId, s.id)))
    expect(audited.map((a) => a.action)).toEqual([
      'scenario.create',
      'scenario.update',
      'scenario.status',
      'scenario.status',
    ])
    expect((await inject('POST', `/api/v1/scenarios/${s.id}/archive`, enterprise)).json().archived).toBe(true)
    expect(ids(await list(enterprise, 'owner=mine'))).not.toContain(s.id)
    expect(ids(await list(enterprise, 'owner=mine&lifecycle=archived'))).toContain(s.id)
    expect((await move('closed', 5)).statusCode).toBe(422)
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const before = await rows()
    const res = await post(enterprise, { ...base, title: '短', offers: [], address: '', latitude: 100 })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['title', 'offers', 'address', 'latitude']))
    expect(res.json().error.message).toContain('场景名称至少 4 个字')
    const cases: [Record<string, unknown>, string, string][] = [
      [{ deadline: inDays(-1) }, 'deadline', '申报截止日期不能早于今天'],
      [{ latitude: null }, 'latitude', '经度和纬度需同时填写'],
      [{ offers: ['land'] }, 'offers.0', '提供条件应为'],
      [{ industryCodes: ['xiamen-4-4-6:XM-F-1'] }, 'industryCodes', '不属于本地区的产业体系'],
    ]
    for (const [change, path, message] of cases) {
      const bad = await post(enterprise, { ...base, ...change })
      expect(bad.statusCode, path).toBe(400)
      const field = bad.json().error.details.fields.find((f: { path: string }) => f.path === path)
      expect(field?.message, path).toContain(message)
    }
    const created = (await post(enterprise, { ...base, title: '无坐标的场景', longitude: null, latitude: null })).json()
    const s = created.scenario
    const half = await inject('PATCH', `/api/v1/scenarios/${s.id}`, enterprise, { longitude: 120.1, version: 1 })
    expect(half.statusCode).toBe(400)
    expect(await rows()).toBe(before + 1)
  })

  it('takes publishers of the four kinds, lets officers publish within their area, and keeps others out of edits', async () => {
    const center = await signIn(ctx.app(), await createAccount('centerOperator'))
    expect((await post(center, base)).json().scenario.publisherKindLabel).toBe('概念验证中心')
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    expect((await post(officer, base)).json().scenario.publisherKindLabel).toBe('政府部门')
    const enterprise = await createOrganization({ kind: 'enterprise', jurisdictionCode: '330304' })
    const forEnterprise = await post(officer, { ...base, ownerOrgId: enterprise.id })
    expect(forEnterprise.json().scenario).toMatchObject({ ownerOrgId: enterprise.id, publisherKind: 'enterprise' })
    const university = await createOrganization({ kind: 'university', jurisdictionCode: '330304' })
    const wrongKind = await post(officer, { ...base, ownerOrgId: university.id })
    expect(wrongKind.statusCode).toBe(400)
    expect(wrongKind.json().error.message).toBe('应用场景由企业、政府部门、概念验证中心、中试平台发布')
    const faraway = await createOrganization({ kind: 'enterprise', jurisdictionCode: '350206' })
    expect((await post(officer, { ...base, industryCodes: [], ownerOrgId: faraway.id })).statusCode).toBe(403)
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    expect((await post(researcher, base)).statusCode).toBe(403)
    const stranger = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const id = forEnterprise.json().scenario.id
    expect(
      (await inject('PATCH', `/api/v1/scenarios/${id}`, stranger, { title: '他人修改', version: 1 })).statusCode,
    ).toBe(403)
    expect(
      (await inject('PATCH', `/api/v1/scenarios/${id}`, officer, { title: '辖区管理人员修改', version: 1 })).statusCode,
    ).toBe(200)
  })

  it('keeps a 保密 scenario invisible to another organization in detail, list, search, facets and export', async () => {
    const owner = await signIn(ctx.app(), await createAccount('pilotPlatformOperator'))
    const secret = (
      await post(owner, {
        ...base,
        title: '保密的变电站巡检机器人试点场景',
        keywords: ['变电站巡检'],
        offers: ['funding'],
        confidentiality: 'secret',
      })
    ).json().scenario
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    for (const [who, session, sees] of [
      ['owner', owner, true],
      ['other organization', other, false],
      ['visitor', null, false],
      ['city officer over the area', city, true],
    ] as const) {
      expect((await inject('GET', `/api/v1/scenarios/${secret.id}`, session)).statusCode, who).toBe(sees ? 200 : 404)
      for (const query of [`q=${encodeURIComponent('变电站巡检')}`, 'offer=funding']) {
        const page = await list(session, query)
        expect(ids(page).includes(secret.id), `${who} ${query}`).toBe(sees)
        const facet = page.facets.offer.find((f: { value: string }) => f.value === 'funding')
        expect((facet?.count ?? 0) > 0, `${who} facet ${query}`).toBe(sees)
      }
    }
    const exported = await inject('GET', '/api/v1/scenarios/export', other)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const titles: string[] = []
    book.getWorksheet('应用场景')!.eachRow((row) => titles.push(String(row.getCell(1).value)))
    expect(titles[0]).toBe('场景名称')
    expect(titles).not.toContain('保密的变电站巡检机器人试点场景')
  })

  it('searches Chinese words with filters (offer, publisher kind, status, deadline, jurisdiction) and facets', async () => {
    const wenzhou = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const huliOrg = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '350206' })
    const huli = await signIn(ctx.app(), await createAccount('districtOfficer', { orgId: huliOrg.id }))
    const port = (
      await post(wenzhou, {
        ...base,
        title: '港口集装箱无人驾驶集卡测试场景',
        keywords: ['无人驾驶', '智能驾驶'],
        offers: ['site', 'demonstration'],
        deadline: inDays(15),
      })
    ).json().scenario
    const airport = (
      await post(huli, {
        ...base,
        title: '航空维修车间无人驾驶牵引车示范场景',
        keywords: ['无人驾驶'],
        industryCodes: ['huli-3-8:HL-1-1'],
        address: '厦门市湖里区高崎',
        offers: ['data', 'funding'],
        deadline: inDays(100),
      })
    ).json().scenario
    const q = `q=${encodeURIComponent('无人驾驶')}`
    expect(
      ids(await list(null, q))
        .slice(0, 2)
        .sort(),
    ).toEqual([port.id, airport.id].sort())
    for (const words of [`${q}&`, '']) {
      expect(ids(await list(null, `${words}jurisdiction=350200`))).toContain(airport.id)
      expect(ids(await list(null, `${words}jurisdiction=350200`))).not.toContain(port.id)
      expect(ids(await list(null, `${words}offer=demonstration`))).toContain(port.id)
      expect(ids(await list(null, `${words}offer=demonstration`))).not.toContain(airport.id)
      expect(ids(await list(null, `${words}publisherKind=scienceBureau`))).toEqual(expect.arrayContaining([airport.id]))
      expect(ids(await list(null, `${words}publisherKind=scienceBureau`))).not.toContain(port.id)
      const soon = await list(null, `${words}deadlineTo=${inDays(30)}&status=open`)
      expect(ids(soon)).toContain(port.id)
      expect(ids(soon)).not.toContain(airport.id)
      const page = await list(null, `${words}jurisdiction=350206`)
      expect(page.facets.publisherKind.find((f: { value: string }) => f.value === 'scienceBureau').label).toBe(
        '政府部门',
      )
      expect(page.facets.offer.find((f: { value: string }) => f.value === 'funding').label).toBe('资金')
      expect(page.facets.industry.find((f: { value: string }) => f.value === 'huli-3-8:HL-1-1').label).toBe(
        '航空维修制造',
      )
    }
    const byDeadline = await list(null, `${q}&sort=deadline`)
    expect(byDeadline.items.findIndex((i: { id: string }) => i.id === port.id)).toBeLessThan(
      byDeadline.items.findIndex((i: { id: string }) => i.id === airport.id),
    )
  })

  it('warns of a near-duplicate from the same publisher with a link', async () => {
    const publisher = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const description = '在园区食堂开放后厨视频与能耗数据，征集油烟与燃气泄漏智能识别方案，要求误报率低于百分之一。'
    const first = (await post(publisher, { ...base, description, title: '园区食堂后厨安全智能识别场景' })).json()
      .scenario
    const again = (
      await post(publisher, {
        ...base,
        description: `${description}（扩大范围）`,
        title: '园区食堂后厨安全智能识别试点',
      })
    ).json()
    expect(again.duplicates[0]).toMatchObject({ id: first.id, reason: '同一单位已发布标题高度相似的场景' })
  })

  it('turns a signed-in person’s interest (我有意向) into a lead for the owner', async () => {
    const owner = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const record = (await post(owner, { ...base, title: '意向测试用的应用场景' })).json().scenario
    const interested = await signIn(ctx.app(), await createAccount('centerOperator'))
    const lead = await inject('POST', '/api/v1/leads', interested, { recordType: 'scenario', recordId: record.id })
    expect(lead.statusCode).toBe(201)
    const received = (await inject('GET', '/api/v1/leads?box=received', owner)).json()
    expect(received.items[0]).toMatchObject({ recordTitle: '意向测试用的应用场景', recordTypeLabel: '应用场景' })
  })
})
