import { count } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { achievements } from './schema'

const ctx = withTestApp()

const base = {
  title: '具身智能机器人关节控制技术',
  summary: '面向人形机器人关节，提出基于力矩传感与模型预测的柔顺控制方法，已完成样机验证，关节响应时间小于五毫秒。',
  keywords: ['具身智能', '关节控制'],
  trl: 5,
  maturity: 'sample',
  transferModes: ['license'],
  confidentiality: 'public',
}

async function post(session: Session, payload: Record<string, unknown>) {
  return ctx.app().inject({ method: 'POST', url: '/api/v1/achievements', headers: session.headers, payload })
}
const rows = async () => Number((await db.select({ n: count() }).from(achievements))[0]!.n)
const list = async (session: Session | null, query: string) =>
  (
    await ctx.app().inject({ method: 'GET', url: `/api/v1/achievements?${query}`, headers: session?.headers ?? {} })
  ).json()

describe('achievements registry', () => {
  it('creates, edits with history, refuses a stale edit, archives', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const created = await post(researcher, base)
    expect(created.statusCode).toBe(201)
    const a = created.json().achievement
    expect(a).toMatchObject({
      maturityLabel: '样品',
      transferModeLabels: ['许可'],
      confidentialityLabel: '公开',
      canEdit: true,
      version: 1,
    })
    const edited = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/achievements/${a.id}`,
      headers: researcher.headers,
      payload: { trl: 6, version: 1, note: '完成中试' },
    })
    expect(edited.json()).toMatchObject({ trl: 6, version: 2 })
    const stale = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/achievements/${a.id}`,
      headers: researcher.headers,
      payload: { trl: 7, version: 1 },
    })
    expect(stale.statusCode).toBe(409)
    const history = (
      await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/achievements/${a.id}/history`, headers: researcher.headers })
    ).json()
    expect(
      history.items.map((h: { version: number; changedFields: string[] }) => [h.version, h.changedFields]),
    ).toEqual([
      [1, expect.arrayContaining(['title', 'trl'])],
      [2, ['trl']],
    ])
    const archived = await ctx
      .app()
      .inject({ method: 'POST', url: `/api/v1/achievements/${a.id}/archive`, headers: researcher.headers })
    expect(archived.json().archived).toBe(true)
    expect((await list(researcher, 'owner=mine')).items.map((i: { id: string }) => i.id)).not.toContain(a.id)
    expect((await list(researcher, 'owner=mine&status=archived')).items.map((i: { id: string }) => i.id)).toContain(
      a.id,
    )
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const before = await rows()
    const res = await post(researcher, {
      ...base,
      title: '短',
      trl: 12,
      maturity: 'idea',
      transferModes: [],
      priceMinFen: 500,
      priceMaxFen: 100,
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['title', 'trl', 'maturity', 'transferModes']))
    expect(res.json().error.message).toContain('成果名称至少 4 个字')
    expect(await rows()).toBe(before)
    const industry = await post(researcher, { ...base, industryCodes: ['nowhere:1'] })
    expect(industry.statusCode).toBe(400)
    expect(industry.json().error.details.fields[0].path).toBe('industryCodes')
  })

  it('keeps another organization out of edits, and warns of a near-duplicate from the same owner', async () => {
    const owner = await createAccount('researcher')
    const session = await signIn(ctx.app(), owner)
    const first = (await post(session, { ...base, title: '一种石墨烯散热膜的低温制备方法' })).json().achievement
    const again = (await post(session, { ...base, title: '一种石墨烯散热膜的低温制备工艺' })).json()
    expect(again.duplicates[0]).toMatchObject({ id: first.id, reason: '同一单位已有标题高度相似的成果' })
    const stranger = await signIn(ctx.app(), await createAccount('researcher'))
    const res = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/achievements/${first.id}`,
      headers: stranger.headers,
      payload: { trl: 9, version: 1 },
    })
    expect(res.statusCode).toBe(403)
  })

  it('finds 具身智能 in 具身智能机器人… first, and a one-character typo still finds results', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const other = {
      ...base,
      keywords: ['智能制造'],
      summary: '针对离散制造车间，提出基于强化学习的调度优化方法，提高设备利用率与交付准时率，已在多家企业试用。',
    }
    await post(researcher, { ...other, title: '智能制造车间调度优化系统' })
    await post(researcher, { ...other, title: '工业机器人视觉分拣系统', keywords: ['机器人', '智能'] })
    await post(researcher, { ...base, title: '具身智能机器人关节控制', keywords: ['机器人'] })
    const hits = await list(researcher, `owner=mine&q=${encodeURIComponent('具身智能')}`)
    expect(hits.items[0].title).toBe('具身智能机器人关节控制')
    expect(
      hits.items[0].titleMarked.some((m: { hit: boolean; text: string }) => m.hit && m.text.includes('具身智能')),
    ).toBe(true)
    const typo = await list(researcher, `owner=mine&q=${encodeURIComponent('具身智慧')}`)
    expect(typo.total).toBeGreaterThan(0)
  })

  it('keeps a 保密 record invisible to another organization in detail, list, search, facets and export', async () => {
    const owner = await createAccount('researcher')
    const ownerSession = await signIn(ctx.app(), owner)
    const secret = (
      await post(ownerSession, {
        ...base,
        title: '保密的量子密钥分发芯片方案',
        confidentiality: 'secret',
        keywords: ['量子通信'],
        category: '工学',
        discipline: '信息与通信工程',
      })
    ).json().achievement
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const q = `q=${encodeURIComponent('量子密钥')}`
    for (const [who, session, sees] of [
      ['owner', ownerSession, true],
      ['other organization', other, false],
      ['visitor', null, false],
      ['city officer over the area', city, true],
    ] as const) {
      const detail = await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/achievements/${secret.id}`, headers: session?.headers ?? {} })
      expect(detail.statusCode, who).toBe(sees ? 200 : 404)
      for (const query of [q, 'discipline=信息与通信工程']) {
        const page = await list(session, query)
        expect(
          page.items.some((i: { id: string }) => i.id === secret.id),
          `${who} ${query}`,
        ).toBe(sees)
        const facetCount =
          (page.facets.category as { value: string; count: number }[]).find((f) => f.value === '工学')?.count ?? 0
        expect(facetCount > 0, `${who} facet ${query}`).toBe(sees)
      }
    }
    const exported = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/achievements/export', headers: other.headers })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const titles: string[] = []
    book.getWorksheet('科技成果')!.eachRow((row) => titles.push(String(row.getCell(1).value)))
    expect(titles).not.toContain('保密的量子密钥分发芯片方案')
  })

  it('exports what a person reads on the page: Beijing time to the minute, and 平台录入 as the source', async () => {
    const owner = await signIn(ctx.app(), await createAccount('researcher'))
    const saved = (await post(owner, { ...base, title: '导出时间核对用的柔性传感成果' })).json().achievement
    const exported = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/achievements/export?owner=mine', headers: owner.headers })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('科技成果')!
    const headers = (sheet.getRow(1).values as unknown[]).map(String)
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === saved.title)!
    const cell = (header: string) => String(row.getCell(headers.indexOf(header)).value)
    const beijing = new Date(Date.parse(saved.updatedAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
    expect(cell('更新时间')).toBe(beijing)
    expect(cell('来源')).toBe('平台录入')
  })
})
