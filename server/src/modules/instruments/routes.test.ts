import { count } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { instruments } from './schema'

const ctx = withTestApp()

const carrier = {
  name: '温州市新材料检测概念验证中心',
  kind: 'pocCenter',
  subtype: 'specialized',
  industryCodes: ['wenzhou-5n:WZ-5-2'],
  address: '温州市鹿城区科技路 1 号',
  introduction: '面向功能材料与先进高分子材料，提供成分分析、微观形貌与力学性能测试等验证服务。',
}
const microscope = {
  name: '场发射扫描电子显微镜',
  assetNumber: 'ZC-2024-0031',
  category: 'analysis',
  model: 'SU8010',
  manufacturer: '日立高新技术公司',
  specifications: '二次电子分辨率 1.0 nm（15 kV），放大倍数 20–800000 倍，配能谱仪可做元素面分布分析。',
  hasCma: true,
  hasCnas: true,
  openHours: '工作日 9:00–17:00',
  bookingMethod: '平台在线预约，提前 2 个工作日',
  priceFen: 60_000,
  feeUnit: '小时',
  location: '检测楼 2 层 203 室',
}

let owner: Session
let carrierId: string
let secretCarrierId: string

const postCarrier = async (session: Session, payload: Record<string, unknown>) =>
  (await ctx.app().inject({ method: 'POST', url: '/api/v1/carriers', headers: session.headers, payload })).json()
    .carrier.id as string
const post = (session: Session, payload: Record<string, unknown>) =>
  ctx.app().inject({ method: 'POST', url: '/api/v1/instruments', headers: session.headers, payload })
const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  ctx.app().inject({ method: 'PATCH', url: `/api/v1/instruments/${id}`, headers: session.headers, payload })
const rows = async () => Number((await db.select({ n: count() }).from(instruments))[0]!.n)
const list = async (session: Session | null, query: string) =>
  (
    await ctx.app().inject({ method: 'GET', url: `/api/v1/instruments?${query}`, headers: session?.headers ?? {} })
  ).json()
const q = (text: string) => `q=${encodeURIComponent(text)}`

beforeAll(async () => {
  owner = await signIn(ctx.app(), await createAccount('centerOperator'))
  carrierId = await postCarrier(owner, carrier)
  secretCarrierId = await postCarrier(owner, {
    ...carrier,
    name: '保密的固态电池验证中心',
    industryCodes: ['wenzhou-5n:WZ-2-1'],
    confidentiality: 'secret',
  })
})

describe('instruments registry', () => {
  it('creates under the own carrier, edits with history, refuses a stale edit, archives', async () => {
    const created = await post(owner, { ...microscope, carrierId })
    expect(created.statusCode).toBe(201)
    const i = created.json().instrument
    expect(i).toMatchObject({
      carrierName: '温州市新材料检测概念验证中心',
      categoryLabel: '分析测试',
      priceLabel: '600 元/小时',
      availabilityLabel: '可预约',
      jurisdictionCode: '330302',
      canEdit: true,
      version: 1,
    })
    const edited = await patch(owner, i.id, { availability: 'maintenance', priceFen: null, version: 1, note: '年检' })
    expect(edited.json()).toMatchObject({ availabilityLabel: '维护中', priceLabel: '面议', version: 2 })
    expect((await patch(owner, i.id, { location: '3 楼', version: 1 })).statusCode).toBe(409)
    const history = (
      await ctx.app().inject({ method: 'GET', url: `/api/v1/instruments/${i.id}/history`, headers: owner.headers })
    ).json()
    expect(history.items.map((h: { changedFields: string[] }) => h.changedFields)[1]).toEqual([
      'availability',
      'priceFen',
    ])
    const archived = await ctx
      .app()
      .inject({ method: 'POST', url: `/api/v1/instruments/${i.id}/archive`, headers: owner.headers })
    expect(archived.json().archived).toBe(true)
    expect((await list(owner, 'owner=mine&status=archived')).items.map((x: { id: string }) => x.id)).toContain(i.id)
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const before = await rows()
    const bad = await post(owner, {
      ...microscope,
      carrierId,
      name: '镜',
      category: 'optics',
      specifications: '短',
      priceFen: -1,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['name', 'category', 'specifications', 'priceFen']),
    )
    expect(bad.json().error.message).toContain('仪器名称至少 2 个字')
    const noUnit = await post(owner, { ...microscope, carrierId, assetNumber: null, feeUnit: null })
    expect(noUnit.json().error).toMatchObject({ details: { fields: [{ path: 'feeUnit' }] } })
    await post(owner, { ...microscope, carrierId, assetNumber: 'ZC-1' })
    const clash = await post(owner, { ...microscope, carrierId, assetNumber: 'ZC-1', name: '另一台显微镜' })
    expect(clash.statusCode).toBe(409)
    expect(clash.json().error.message).toBe('资产编号 ZC-1 已登记为“场发射扫描电子显微镜”')
    expect(await rows()).toBe(before + 1)
  })

  it('lets only the carrier organization and officers over its area register and edit, and warns of a twin', async () => {
    const stranger = await signIn(ctx.app(), await createAccount('centerOperator'))
    expect((await post(stranger, { ...microscope, carrierId, assetNumber: 'X-1' })).statusCode).toBe(403)
    const hidden = await post(stranger, { ...microscope, carrierId: secretCarrierId, assetNumber: 'X-2' })
    expect(hidden.json().error.details.fields[0]).toMatchObject({ path: 'carrierId' })
    const i = (await post(owner, { ...microscope, carrierId, assetNumber: 'ZC-9' })).json()
    expect(i.duplicates[0]).toMatchObject({ reason: '同一载体已有名称相似、型号相同的仪器' })
    const id = i.instrument.id
    expect((await patch(stranger, id, { location: '1 楼', version: 1 })).statusCode).toBe(403)
    const district = await signIn(ctx.app(), await createAccount('districtOfficer'))
    expect((await patch(district, id, { location: '1 楼', version: 1 })).json()).toMatchObject({ version: 2 })
    const visitor = await ctx.app().inject({ method: 'GET', url: `/api/v1/instruments/${id}` })
    expect(visitor.json()).toMatchObject({ canEdit: false, location: '1 楼' })
  })

  it('searches names and specifications with filters and facet counts', async () => {
    const mine = await signIn(ctx.app(), await createAccount('pilotPlatformOperator'))
    const platform = await postCarrier(mine, {
      ...carrier,
      name: '温州电气检测中试平台',
      kind: 'pilotPlatform',
      subtype: 'thirdPartyLed',
      industryCodes: ['wenzhou-5n:WZ-4-1'],
    })
    const add = (payload: Record<string, unknown>) => post(mine, { carrierId: platform, ...payload })
    await add({
      name: '高低温湿热试验箱',
      category: 'environmental',
      specifications: '温度范围 -70℃ 至 150℃，湿度 20%–98% RH，内容积 1000 升，可编程循环。',
      hasCnas: true,
    })
    await add({
      name: '数字存储示波器',
      category: 'electronic',
      specifications: '带宽 1 GHz，采样率 5 GSa/s，四通道，支持协议解码与抖动分析。',
      availability: 'retired',
    })
    const byName = await list(null, q('示波器'))
    expect(byName.items[0].name).toBe('数字存储示波器')
    const bySpecs = await list(null, q('湿度'))
    expect(bySpecs.items.map((x: { name: string }) => x.name)).toEqual(['高低温湿热试验箱'])
    const withCnas = await list(null, `carrier=${platform}&cnas=true`)
    expect(withCnas.items.map((x: { name: string }) => x.name)).toEqual(['高低温湿热试验箱'])
    const facets = (await list(null, `carrier=${platform}`)).facets
    expect(facets.cnas).toEqual(
      expect.arrayContaining([
        { value: 'yes', label: '有', count: 1 },
        { value: 'no', label: '无', count: 1 },
      ]),
    )
    expect(facets.availability).toEqual(expect.arrayContaining([{ value: 'retired', label: '停用', count: 1 }]))
    const searched = await list(null, `${q('试验箱 示波器')}&availability=available`)
    expect(searched.items.map((x: { name: string }) => x.name)).toEqual(['高低温湿热试验箱'])
    expect(searched.facets.category).toEqual([{ value: 'environmental', label: '环境试验', count: 1 }])
    expect((await list(null, `carrier=${platform}&updatedTo=2000-01-01`)).total).toBe(0)
    expect((await list(null, `${q('示波器')}&updatedFrom=2000-01-01`)).total).toBe(1)
    const sorted = await list(null, `carrier=${platform}&sort=name`)
    // gao (高低温) < shu (数字)
    expect(sorted.items.map((x: { name: string }) => x.name)).toEqual(['高低温湿热试验箱', '数字存储示波器'])
  })

  it('keeps a 保密 instrument invisible to another organization in detail, list, search, facets and export', async () => {
    const secret = (
      await post(owner, {
        ...microscope,
        carrierId,
        name: '保密的同步辐射光源样机',
        assetNumber: 'S-1',
        category: 'physicalProperty',
        confidentiality: 'secret',
      })
    ).json().instrument
    // A public instrument of a 保密 carrier does not reveal the carrier's name.
    const underSecret = (
      await post(owner, { ...microscope, carrierId: secretCarrierId, name: '手套箱', assetNumber: 'G-1' })
    ).json().instrument
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    for (const [who, session, sees] of [
      ['owner', owner, true],
      ['other organization', other, false],
      ['visitor', null, false],
      ['city officer over the area', city, true],
    ] as const) {
      const detail = await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/instruments/${secret.id}`, headers: session?.headers ?? {} })
      expect(detail.statusCode, who).toBe(sees ? 200 : 404)
      for (const query of [q('同步辐射'), 'category=physicalProperty']) {
        const page = await list(session, query)
        expect(
          page.items.some((x: { id: string }) => x.id === secret.id),
          `${who} ${query}`,
        ).toBe(sees)
        const facet = page.facets.category.find((f: { value: string }) => f.value === 'physicalProperty')
        expect((facet?.count ?? 0) > 0, `${who} facet ${query}`).toBe(sees)
      }
      const glovebox = await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/instruments/${underSecret.id}`, headers: session?.headers ?? {} })
      expect(glovebox.json().carrierName, who).toBe(sees ? '保密的固态电池验证中心' : null)
    }
    const exported = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/instruments/export', headers: other.headers })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const names: string[] = []
    const carriers: string[] = []
    book.getWorksheet('仪器设备')!.eachRow((row) => {
      names.push(String(row.getCell(1).value))
      carriers.push(String(row.getCell(2).value))
    })
    expect(names).toContain('手套箱')
    expect(names).not.toContain('保密的同步辐射光源样机')
    expect(carriers).not.toContain('保密的固态电池验证中心')
  })
})

describe('instruments follow their carrier into the archive', () => {
  it('archives the carrier’s active instruments with it, restores only those, and refuses restoring one alone', async () => {
    const lab = await postCarrier(owner, { ...carrier, name: '温州市高分子材料中试基地（归档测试）' })
    const create = async (name: string, assetNumber: string) =>
      (await post(owner, { ...microscope, carrierId: lab, name, assetNumber })).json().instrument.id as string
    const rheometer = await create('旋转流变仪', 'ZC-2024-0101')
    const old = await create('老式万能材料试验机', 'ZC-2010-0007')
    const archive = (type: 'carriers' | 'instruments', id: string, action: 'archive' | 'restore') =>
      ctx.app().inject({ method: 'POST', url: `/api/v1/${type}/${id}/${action}`, headers: owner.headers })
    // Retired before the carrier was: it stays archived when the carrier comes back.
    expect((await archive('instruments', old, 'archive')).statusCode).toBe(200)
    const active = async () => (await list(owner, `owner=mine&${q('流变仪')}`)).items.map((x: { id: string }) => x.id)
    expect(await active()).toContain(rheometer)

    expect((await archive('carriers', lab, 'archive')).statusCode).toBe(200)
    expect(await active()).not.toContain(rheometer)
    const detail = async (id: string) =>
      (await ctx.app().inject({ method: 'GET', url: `/api/v1/instruments/${id}`, headers: owner.headers })).json()
    expect((await detail(rheometer)).archived).toBe(true)
    const history = (
      await ctx.app().inject({ method: 'GET', url: `/api/v1/instruments/${rheometer}/history`, headers: owner.headers })
    ).json()
    expect(JSON.stringify(history.items)).toContain('随所属载体归档')

    const alone = await archive('instruments', rheometer, 'restore')
    expect(alone.statusCode).toBe(422)
    expect(alone.json().error.message).toBe('所属载体已归档，请先恢复载体')
    expect((await detail(rheometer)).archived).toBe(true)

    expect((await archive('carriers', lab, 'restore')).statusCode).toBe(200)
    expect((await detail(rheometer)).archived).toBe(false)
    expect((await detail(old)).archived).toBe(true)
    expect(await active()).toContain(rheometer)
  })
})
