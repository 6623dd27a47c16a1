import { and, count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { demands } from './schema'

const ctx = withTestApp()
const inDays = (n: number) => addDays(todayInShanghai(now()), n)

const base = {
  title: '注塑件表面缺陷在线视觉检测',
  description: '注塑产线日产外壳件约三万件，目前依靠人工目检，漏检率约百分之二，希望引入机器视觉实现在线全检。',
  keywords: ['机器视觉', '缺陷检测'],
  industryCodes: ['wenzhou-5n:WZ-4-3'],
  budgetNegotiable: false,
  budgetMinFen: 30_000_000,
  budgetMaxFen: 80_000_000,
  deadline: inDays(60),
  cooperationModes: ['jointDevelopment', 'commissioned'],
  contactName: '陈工',
  contactPhone: '13800000000',
  confidentiality: 'public',
}

const inject = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  session: Session | null,
  payload?: Record<string, unknown>,
) => ctx.app().inject({ method, url, headers: session?.headers ?? {}, payload })
const post = (session: Session, payload: Record<string, unknown>) => inject('POST', '/api/v1/demands', session, payload)
const list = async (session: Session | null, query: string) =>
  (await inject('GET', `/api/v1/demands?${query}`, session)).json()
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id)
const rows = async () => Number((await db.select({ n: count() }).from(demands))[0]!.n)

describe('demands registry', () => {
  it('creates, edits with history, refuses a stale edit, archives and restores', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const created = await post(enterprise, base)
    expect(created.statusCode).toBe(201)
    const d = created.json().demand
    expect(d).toMatchObject({
      status: 'open',
      statusLabel: '征集中',
      budgetLabel: '30 万元 – 80 万元',
      cooperationModeLabels: ['合作开发', '委托开发'],
      industries: [{ code: 'wenzhou-5n:WZ-4-3', name: '工业机器人' }],
      contact: { name: '陈工', phone: '13800000000', email: null },
      nextStatuses: ['matched', 'closed'],
      canEdit: true,
      version: 1,
    })
    const edited = await inject('PATCH', `/api/v1/demands/${d.id}`, enterprise, {
      budgetNegotiable: true,
      version: 1,
      note: '预算改为面议',
    })
    expect(edited.json()).toMatchObject({ budgetLabel: '面议', budgetMinFen: null, version: 2 })
    const stale = await inject('PATCH', `/api/v1/demands/${d.id}`, enterprise, { title: '新的需求名称', version: 1 })
    expect(stale.statusCode).toBe(409)
    const history = (await inject('GET', `/api/v1/demands/${d.id}/history`, enterprise)).json()
    expect(history.items.map((h: { version: number; note: string }) => [h.version, h.note])).toEqual([
      [1, '创建'],
      [2, '预算改为面议'],
    ])
    expect(history.items[1].changedFields).toEqual(['budgetMaxFen', 'budgetMinFen', 'budgetNegotiable'])
    expect((await inject('POST', `/api/v1/demands/${d.id}/archive`, enterprise)).json().archived).toBe(true)
    expect(ids(await list(enterprise, 'owner=mine'))).not.toContain(d.id)
    expect(ids(await list(enterprise, 'owner=mine&lifecycle=archived'))).toContain(d.id)
    const whileArchived = await inject('PATCH', `/api/v1/demands/${d.id}`, enterprise, {
      title: '归档后修改',
      version: 3,
    })
    expect(whileArchived.statusCode).toBe(422)
    expect((await inject('POST', `/api/v1/demands/${d.id}/restore`, enterprise)).json().archived).toBe(false)
    expect(ids(await list(enterprise, 'owner=mine'))).toContain(d.id)
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const before = await rows()
    const res = await post(enterprise, {
      ...base,
      title: '短',
      cooperationModes: [],
      budgetMinFen: 900,
      budgetMaxFen: 100,
      contactPhone: '12345',
      trlWanted: 10,
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'cooperationModes', 'budgetMaxFen', 'contactPhone', 'trlWanted']),
    )
    expect(res.json().error.message).toContain('需求名称至少 4 个字')
    const cases: [Record<string, unknown>, string, string][] = [
      [{ deadline: inDays(-1) }, 'deadline', '截止日期不能早于今天'],
      [{ deadline: '2031-02-30' }, 'deadline', '日期格式应为 YYYY-MM-DD'],
      [
        { budgetNegotiable: false, budgetMinFen: null, budgetMaxFen: null },
        'budgetMinFen',
        '请填写预算金额，或选择面议',
      ],
      [{ budgetNegotiable: true }, 'budgetNegotiable', '选择面议时请不要填写预算金额'],
      [{ industryCodes: ['huzhou-1366:HZ-1-1'] }, 'industryCodes', '不属于本地区的产业体系'],
    ]
    for (const [change, path, message] of cases) {
      const bad = await post(enterprise, { ...base, ...change })
      expect(bad.statusCode, path).toBe(400)
      const field = bad.json().error.details.fields.find((f: { path: string }) => f.path === path)
      expect(field?.message, path).toContain(message)
    }
    expect((await post(enterprise, { ...base, deadline: todayInShanghai(now()) })).statusCode).toBe(201)
    expect(await rows()).toBe(before + 1)
  })

  it('lets an officer record for an enterprise in their area only, and keeps other organizations out of edits', async () => {
    const enterprise = await createOrganization({ kind: 'enterprise', jurisdictionCode: '330302' })
    const faraway = await createOrganization({ kind: 'enterprise', jurisdictionCode: '350206' })
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const forEnterprise = await post(officer, { ...base, ownerOrgId: enterprise.id })
    expect(forEnterprise.statusCode).toBe(201)
    expect(forEnterprise.json().demand).toMatchObject({ ownerOrgId: enterprise.id, jurisdictionCode: '330302' })
    const outside = await post(officer, { ...base, industryCodes: [], ownerOrgId: faraway.id })
    expect(outside.statusCode).toBe(403)
    const ownBureau = await post(officer, base)
    expect(ownBureau.statusCode).toBe(400)
    expect(ownBureau.json().error.message).toBe('请选择提出需求的企业')
    const enterpriseUser = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    expect((await post(enterpriseUser, { ...base, ownerOrgId: enterprise.id })).statusCode).toBe(403)
    const id = forEnterprise.json().demand.id
    const stranger = await inject('PATCH', `/api/v1/demands/${id}`, enterpriseUser, { title: '别人的需求', version: 1 })
    expect(stranger.statusCode).toBe(403)
    const member = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: enterprise.id }))
    const own = await inject('PATCH', `/api/v1/demands/${id}`, member, { title: '本企业修改后的需求', version: 1 })
    expect(own.json()).toMatchObject({ title: '本企业修改后的需求', canEdit: true })
  })

  it('moves open → matched → closed, refuses other moves, reopens only with a reason, and audits each change', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const d = (await post(enterprise, { ...base, title: '锂电池极片涂布厚度在线测量' })).json().demand
    const move = (status: string, version: number, reason?: string) =>
      inject('POST', `/api/v1/demands/${d.id}/status`, enterprise, { status, version, ...(reason ? { reason } : {}) })
    expect((await move('matched', 1)).json()).toMatchObject({ status: 'matched', nextStatuses: ['closed'] })
    expect((await move('open', 2)).statusCode).toBe(422)
    expect((await move('closed', 2)).json()).toMatchObject({ status: 'closed', nextStatuses: ['open'] })
    expect((await move('matched', 3)).statusCode).toBe(422)
    const silent = await move('open', 3)
    expect(silent.statusCode).toBe(400)
    expect(silent.json().error.details.fields[0]).toMatchObject({ path: 'reason' })
    expect((await move('open', 2, '版本过旧')).statusCode).toBe(409)
    const reopened = (await move('open', 3, '原对接方案未通过验收，重新征集')).json()
    expect(reopened).toMatchObject({ status: 'open', statusReason: '原对接方案未通过验收，重新征集', version: 4 })
    const history = (await inject('GET', `/api/v1/demands/${d.id}/history`, enterprise)).json()
    expect(history.items.map((h: { note: string }) => h.note)).toEqual([
      '创建',
      '征集中 → 已对接',
      '已对接 → 已关闭',
      '已关闭 → 征集中：原对接方案未通过验收，重新征集',
    ])
    const audited = await db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'demand.status'), eq(auditLog.targetId, d.id)))
    expect(audited.map((a) => (a.detail as { to: string }).to)).toEqual(['matched', 'closed', 'open'])
    const closedOnly = await list(enterprise, 'owner=mine&status=closed')
    expect(ids(closedOnly)).not.toContain(d.id)
  })

  it('shows the contact person to signed-in users only, never to visitors', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const d = (await post(enterprise, { ...base, title: '纺织印染废水深度处理与回用' })).json().demand
    const visitor = (await inject('GET', `/api/v1/demands/${d.id}`, null)).json()
    expect(visitor.title).toBe('纺织印染废水深度处理与回用')
    expect(visitor.contact).toBeNull()
    const investor = await signIn(ctx.app(), await createAccount('investor'))
    expect((await inject('GET', `/api/v1/demands/${d.id}`, investor)).json().contact).toMatchObject({ name: '陈工' })
    const history = await inject('GET', `/api/v1/demands/${d.id}/history`, null)
    expect(history.body).not.toContain('13800000000')
    expect(history.json().items[0].data.title).toBe('纺织印染废水深度处理与回用')
    const found = await inject('GET', `/api/v1/demands?q=${encodeURIComponent('13800000000')}`, null)
    expect(found.json().total).toBe(0)
  })

  it('keeps a 保密 demand invisible to another organization in detail, list, search, facets and export', async () => {
    const owner = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const secret = (
      await post(owner, {
        ...base,
        title: '保密的新型储能电芯热失控预警需求',
        keywords: ['热失控'],
        industryCodes: ['wenzhou-5n:WZ-2-3'],
        confidentiality: 'secret',
      })
    ).json().demand
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    for (const [who, session, sees] of [
      ['owner', owner, true],
      ['other organization', other, false],
      ['visitor', null, false],
      ['city officer over the area', city, true],
    ] as const) {
      expect((await inject('GET', `/api/v1/demands/${secret.id}`, session)).statusCode, who).toBe(sees ? 200 : 404)
      for (const query of [`q=${encodeURIComponent('热失控预警')}`, 'industry=wenzhou-5n:WZ-2-3']) {
        const page = await list(session, query)
        expect(ids(page).includes(secret.id), `${who} ${query}`).toBe(sees)
        const facet = page.facets.industry.find((f: { value: string }) => f.value === 'wenzhou-5n:WZ-2-3')
        expect((facet?.count ?? 0) > 0, `${who} facet ${query}`).toBe(sees)
      }
    }
    const exported = await inject('GET', '/api/v1/demands/export', other)
    expect(exported.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const titles: string[] = []
    book.getWorksheet('技术需求')!.eachRow((row) => titles.push(String(row.getCell(1).value)))
    expect(titles[0]).toBe('需求名称')
    expect(titles).not.toContain('保密的新型储能电芯热失控预警需求')
    const ownExport = await inject('GET', '/api/v1/demands/export?owner=mine', owner)
    const ownBook = new ExcelJS.Workbook()
    await ownBook.xlsx.load(ownExport.rawPayload as unknown as ArrayBuffer)
    expect(ownBook.getWorksheet('技术需求')!.getRow(2).getCell(1).value).toBe('保密的新型储能电芯热失控预警需求')
  })

  it('searches Chinese words with filters (status, mode, deadline, budget, jurisdiction with districts) and facets', async () => {
    const wenzhou = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const huzhouOrg = await createOrganization({ kind: 'enterprise', jurisdictionCode: '330502' })
    const huzhou = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: huzhouOrg.id }))
    const robot = (
      await post(wenzhou, {
        ...base,
        title: '具身智能机器人灵巧手触觉反馈',
        keywords: ['具身智能'],
        deadline: inDays(20),
      })
    ).json().demand
    await post(wenzhou, {
      ...base,
      title: '智能仓储机器人调度算法优化',
      keywords: ['调度'],
      cooperationModes: ['consulting'],
      budgetNegotiable: true,
      budgetMinFen: null,
      budgetMaxFen: null,
      deadline: inDays(200),
    })
    const hz = (
      await post(huzhou, {
        ...base,
        title: '具身智能机器人关节减速器寿命测试',
        keywords: ['具身智能'],
        industryCodes: ['huzhou-1366:HZ-1-1'],
        budgetMinFen: 200_000_000,
        budgetMaxFen: 300_000_000,
      })
    ).json().demand
    const q = `q=${encodeURIComponent('具身智能')}`
    const all = await list(null, q)
    expect(ids(all).slice(0, 2).sort()).toEqual([robot.id, hz.id].sort())
    expect(
      all.items[0].titleMarked.some((m: { hit: boolean; text: string }) => m.hit && m.text.includes('具身智能')),
    ).toBe(true)
    for (const withWords of [true, false]) {
      const words = withWords ? `${q}&` : ''
      expect(ids(await list(null, `${words}jurisdiction=330300`))).toContain(robot.id)
      expect(ids(await list(null, `${words}jurisdiction=330300`))).not.toContain(hz.id)
      expect(ids(await list(null, `${words}jurisdiction=330502`))).toContain(hz.id)
      const soon = await list(null, `${words}deadlineFrom=${inDays(10)}&deadlineTo=${inDays(30)}`)
      expect(ids(soon)).toContain(robot.id)
      expect(ids(soon)).not.toContain(hz.id)
      const rich = await list(null, `${words}budgetFrom=150000000`)
      expect(ids(rich)).toContain(hz.id)
      expect(ids(rich)).not.toContain(robot.id)
      expect(ids(await list(null, `${words}cooperationMode=consulting`))).not.toContain(robot.id)
      expect(ids(await list(null, `${words}status=open`))).toContain(robot.id)
      const faceted = await list(null, `${words}jurisdiction=330000`)
      const mode = faceted.facets.cooperationMode.find((f: { value: string }) => f.value === 'jointDevelopment')
      expect(mode.label).toBe('合作开发')
      expect(mode.count).toBeGreaterThanOrEqual(2)
      expect(faceted.facets.status.find((f: { value: string }) => f.value === 'open').label).toBe('征集中')
    }
    const typo = await list(null, `q=${encodeURIComponent('具身智慧')}`)
    expect(typo.total).toBeGreaterThan(0)
  })

  it('warns of a near-duplicate from the same enterprise with a link', async () => {
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const description = '冲压线模具磨损导致毛刺超差，希望通过振动与声发射信号在线监测模具状态，提前安排修模。'
    const first = (await post(enterprise, { ...base, description, title: '高速冲压模具磨损在线监测方法' })).json()
      .demand
    const again = (
      await post(enterprise, { ...base, description: `${description}（二期）`, title: '高速冲压模具磨损在线监测系统' })
    ).json()
    expect(again.duplicates[0]).toMatchObject({ id: first.id, reason: '同一企业已有标题高度相似的需求' })
    const check = await inject('POST', '/api/v1/demands/duplicates', enterprise, { title: '高速冲压模具磨损在线监测' })
    expect(check.json().items.map((i: { id: string }) => i.id)).toContain(first.id)
  })

  it('turns a signed-in person’s interest (我有意向) into a lead for the owner', async () => {
    const owner = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const record = (await post(owner, { ...base, title: '可行性验证需求的意向测试' })).json().demand
    const interested = await signIn(ctx.app(), await createAccount('researcher'))
    const lead = await inject('POST', '/api/v1/leads', interested, { recordType: 'demand', recordId: record.id })
    expect(lead.statusCode).toBe(201)
    const received = (await inject('GET', '/api/v1/leads?box=received', owner)).json()
    expect(received.items[0]).toMatchObject({ recordTitle: '可行性验证需求的意向测试', recordTypeLabel: '技术需求' })
  })
})
