import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'

const ctx = withTestApp()

const base = {
  address: '温州市鹿城区五马街道科创路 8 号',
  longitude: 120.65,
  latitude: 28.02,
  confidentiality: 'public',
}
const post = async (session: Session, payload: Record<string, unknown>) => {
  const res = await ctx.app().inject({ method: 'POST', url: '/api/v1/carriers', headers: session.headers, payload })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().carrier as { id: string; name: string }
}
const list = async (session: Session | null, query: string) =>
  (await ctx.app().inject({ method: 'GET', url: `/api/v1/carriers?${query}`, headers: session?.headers ?? {} })).json()
const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name)
const q = (text: string) => `q=${encodeURIComponent(text)}`

let centerOperator: Session
let platformOperator: Session
let secretId: string

beforeAll(async () => {
  centerOperator = await signIn(ctx.app(), await createAccount('centerOperator'))
  platformOperator = await signIn(ctx.app(), await createAccount('pilotPlatformOperator'))
  await post(centerOperator, {
    ...base,
    name: '温州市人形机器人概念验证中心',
    kind: 'pocCenter',
    subtype: 'specialized',
    industryCodes: ['wenzhou-5n:WZ-F-2'],
    capabilities: [{ name: '灵巧手抓取验证', category: 'technical' }],
    introduction: '聚焦人形机器人关节与灵巧手，提供原理样机验证、性能测评与场景联调服务，开放共享测试平台。',
  })
  await post(centerOperator, {
    ...base,
    name: '温州市数字经济综合概念验证中心',
    kind: 'pocCenter',
    subtype: 'comprehensive',
    industryCodes: ['wenzhou-5n:WZ-1', 'wenzhou-5n:WZ-F-1'],
    capabilities: [{ name: '商业模式评估', category: 'commercial' }],
    introduction: '依托高校多学科优势，围绕数字经济与人工智能开展技术可行性、产品与场景、商业前景等概念验证服务。',
  })
  await post(platformOperator, {
    ...base,
    name: '温州瓯江智能电气中试平台',
    kind: 'pilotPlatform',
    subtype: 'enterpriseLed',
    industryCodes: ['wenzhou-5n:WZ-4-1'],
    capabilities: [
      { name: '低压电器型式试验', description: 'CNAS 认可的短路分断与温升试验', category: 'testing' },
      { name: '小批量试制', category: 'pilot' },
    ],
    introduction: '面向智能电气产业链上下游，提供工艺验证、样品试制、批量中试与检测认证一站式服务。',
  })
  secretId = (
    await post(centerOperator, {
      ...base,
      name: '保密的脑机接口概念验证中心',
      kind: 'pocCenter',
      subtype: 'specialized',
      industryCodes: ['wenzhou-5n:WZ-F-3'],
      capabilities: [{ name: '脑电信号解码验证', category: 'principle' }],
      introduction: '围绕脑机接口与神经调控开展原理验证，涉及尚未公开的医院合作项目，仅限本单位与主管部门查看。',
      confidentiality: 'secret',
    })
  ).id
})

describe('carrier search', () => {
  it('finds a carrier by Chinese words in its name first, with the words marked', async () => {
    const page = await list(null, q('人形机器人'))
    expect(page.items[0].name).toBe('温州市人形机器人概念验证中心')
    expect(
      page.items[0].nameMarked.some((m: { hit: boolean; text: string }) => m.hit && m.text.includes('人形机器人')),
    ).toBe(true)
    expect(page.understood.map((w: { word: string }) => w.word)).toContain('人形机器人')
  })

  it('searches the capability list and filters by kind and capability category, with facet counts', async () => {
    const byCapability = await list(null, q('型式试验'))
    expect(names(byCapability)).toEqual(['温州瓯江智能电气中试平台'])
    const platforms = await list(null, `${q('验证')}&kind=pilotPlatform`)
    expect(names(platforms).every((n: string) => n.includes('中试平台'))).toBe(true)
    const all = await list(null, q('概念验证'))
    expect(all.facets.kind.find((f: { value: string }) => f.value === 'pocCenter')).toEqual({
      value: 'pocCenter',
      label: '概念验证中心',
      count: 2,
    })
    const testing = await list(null, 'capability=testing')
    expect(names(testing)).toEqual(['温州瓯江智能电气中试平台'])
    expect((await list(null, `${q('概念验证')}&updatedTo=2000-01-01`)).total).toBe(0)
    expect((await list(null, 'updatedFrom=2000-01-01&updatedTo=2999-12-31')).total).toBe(3)
    const subtypes = (await list(null, 'kind=pocCenter')).facets.subtype.map((f: { label: string }) => f.label)
    expect(subtypes.sort()).toEqual(['专业型', '综合类'])
  })

  it('sorts by the pinyin of the name, with words and without', async () => {
    const viaIndex = await list(centerOperator, `${q('概念验证中心')}&sort=name&owner=mine`)
    const viaDatabase = await list(centerOperator, 'sort=name&owner=mine')
    // bao (保密) < ren (人形) < shu (数字)
    const expected = ['保密的脑机接口概念验证中心', '温州市人形机器人概念验证中心', '温州市数字经济综合概念验证中心']
    expect(names(viaIndex)).toEqual(expected)
    expect(names(viaDatabase)).toEqual(expected)
  })

  it('keeps a 保密 carrier invisible to another organization in detail, list, search, facets and export', async () => {
    const other = await signIn(ctx.app(), await createAccount('centerOperator'))
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    for (const [who, session, sees] of [
      ['owner', centerOperator, true],
      ['other organization', other, false],
      ['visitor', null, false],
      ['city officer over the area', city, true],
    ] as const) {
      const detail = await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/carriers/${secretId}`, headers: session?.headers ?? {} })
      expect(detail.statusCode, who).toBe(sees ? 200 : 404)
      for (const query of [q('脑机接口'), 'industry=wenzhou-5n:WZ-F-3', 'capability=principle']) {
        const page = await list(session, query)
        expect(
          page.items.some((i: { id: string }) => i.id === secretId),
          `${who} ${query}`,
        ).toBe(sees)
        const facet = page.facets.industry.find((f: { value: string }) => f.value === 'wenzhou-5n:WZ-F-3')
        expect((facet?.count ?? 0) > 0, `${who} facet ${query}`).toBe(sees)
      }
    }
    const exported = await ctx.app().inject({ method: 'GET', url: '/api/v1/carriers/export', headers: other.headers })
    expect(exported.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const exportedNames: string[] = []
    book.getWorksheet('载体')!.eachRow((row) => exportedNames.push(String(row.getCell(1).value)))
    expect(exportedNames).toContain('温州市人形机器人概念验证中心')
    expect(exportedNames).not.toContain('保密的脑机接口概念验证中心')
  })
})
