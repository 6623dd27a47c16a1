import { count } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization, validUscc } from '../../test/factories'
import { organizations } from '../organizations/schema'
import { enterpriseProfiles } from './schema'

const ctx = withTestApp()

const profile = (overrides: Record<string, unknown> = {}) => ({
  name: '温州瓯江智能装备有限公司',
  uscc: validUscc(),
  jurisdictionCode: '330304',
  tiers: [
    { tier: 'highTech', year: 2023, level: 'national' },
    { tier: 'techSme', year: 2024 },
  ],
  gbtSection: 'C',
  gbtDivision: '34',
  industryCodes: ['wenzhou-5n:WZ-4'],
  yearly: [{ year: 2024, rdSpendingFen: 12_600_000_00, revenueFen: 186_000_000_00, employees: 230 }],
  mainProducts: ['工业机器人', '数控机床'],
  keywords: ['运动控制'],
  description: '专注于中小型工业机器人与智能产线集成，服务鞋服、电气等温州传统产业的数字化改造。',
  address: '温州市瓯海区东方南路 38 号',
  longitude: 120.64,
  latitude: 27.95,
  contactName: '陈经理',
  contactPhone: '0577-88001234',
  contactEmail: 'rd@example.com',
  confidentiality: 'public',
  ...overrides,
})

const inject = (session: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app().inject({ method, url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}) })
const post = (session: Session, payload: object) => inject(session, 'POST', '/api/v1/enterprises', payload)
const list = async (session: Session | null, query: string) =>
  (await inject(session, 'GET', `/api/v1/enterprises?${query}`)).json()
const counts = async () => ({
  organizations: Number((await db.select({ n: count() }).from(organizations))[0]!.n),
  profiles: Number((await db.select({ n: count() }).from(enterpriseProfiles))[0]!.n),
})

async function exportedRows(session: Session, query = '') {
  const res = await inject(session, 'GET', `/api/v1/enterprises/export?${query}`)
  expect(res.statusCode).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const rows: string[][] = []
  book.getWorksheet('企业')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}

describe('enterprises registry', () => {
  it('registers the organization and its profile together, edits with history, refuses a stale edit, archives', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const before = await counts()
    const created = await post(officer, profile())
    expect(created.statusCode, created.body).toBe(201)
    const e = created.json().enterprise
    expect(e).toMatchObject({
      name: '温州瓯江智能装备有限公司',
      gbtSectionName: '制造业',
      gbtDivisionName: '通用设备制造业',
      jurisdictionCode: '330304',
      canEdit: true,
      version: 1,
      contact: { name: '陈经理', phone: '0577-88001234' },
    })
    expect(e.tiers.map((t: { label: string }) => t.label)).toEqual(['科技型中小企业', '国家级高新技术企业'])
    expect(e.industries[0].name).toBe('智能装备')
    expect(await counts()).toEqual({ organizations: before.organizations + 1, profiles: before.profiles + 1 })

    const renamed = await inject(officer, 'PATCH', `/api/v1/enterprises/${e.id}`, {
      name: '温州瓯江智能科技股份有限公司',
      tiers: [
        ...e.tiers.map(({ tier, year, level }: Record<string, unknown>) => ({ tier, year, level })),
        { tier: 'specialized', year: 2025, level: 'city' },
      ],
      version: 1,
      note: '更名并获评市级专精特新',
    })
    expect(renamed.statusCode, renamed.body).toBe(200)
    expect(renamed.json()).toMatchObject({ name: '温州瓯江智能科技股份有限公司', version: 2 })
    const stale = await inject(officer, 'PATCH', `/api/v1/enterprises/${e.id}`, { description: '改', version: 1 })
    expect(stale.statusCode).toBe(409)
    const history = (await inject(officer, 'GET', `/api/v1/enterprises/${e.id}/history`)).json()
    expect(
      history.items.map((h: { version: number; changedFields: string[] }) => [h.version, h.changedFields]),
    ).toEqual([
      [1, expect.arrayContaining(['name', 'uscc', 'tiers'])],
      [2, ['name', 'tiers']],
    ])
    const archived = await inject(officer, 'POST', `/api/v1/enterprises/${e.id}/archive`)
    expect(archived.json().archived).toBe(true)
    expect((await list(officer, 'jurisdiction=330304')).items.map((i: { id: string }) => i.id)).not.toContain(e.id)
    expect(
      (await list(officer, 'jurisdiction=330304&status=archived')).items.map((i: { id: string }) => i.id),
    ).toContain(e.id)
  })

  it('refuses the same 统一社会信用代码 with 409 and warns of a nearly identical name', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const uscc = validUscc()
    expect((await post(officer, profile({ name: '温州鹿城光电材料有限公司', uscc }))).statusCode).toBe(201)
    const before = await counts()
    const again = await post(officer, profile({ name: '另一个名字的公司', uscc }))
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toContain('已登记为“温州鹿城光电材料有限公司”')
    expect(await counts()).toEqual(before)
    const similar = await post(officer, profile({ name: '温州鹿城光电材料股份有限公司', uscc: validUscc() }))
    expect(similar.statusCode).toBe(201)
    expect(similar.json().duplicates[0]).toMatchObject({ name: '温州鹿城光电材料有限公司', reason: '企业名称高度相似' })
    const check = await inject(officer, 'POST', '/api/v1/enterprises/duplicates', { name: '随便', uscc })
    expect(check.json().items[0].reason).toBe('统一社会信用代码已登记，不能重复创建')
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const before = await counts()
    const res = await post(
      officer,
      profile({
        uscc: '91330302MA2J0004X',
        tiers: [
          { tier: 'littleGiant', year: 2023, level: 'city' },
          { tier: 'highTech', year: 2099, level: 'national' },
        ],
        gbtSection: 'A',
        gbtDivision: '39',
        latitude: undefined,
        contactEmail: '不是邮箱',
      }),
    )
    expect(res.statusCode).toBe(400)
    const fields = res.json().error.details.fields as { path: string; message: string }[]
    const byPath = Object.fromEntries(fields.map((f) => [f.path, f.message]))
    expect(byPath).toMatchObject({
      uscc: expect.stringContaining('统一社会信用代码'),
      'tiers.0.level': '专精特新“小巨人”企业的级别应为：国家级',
      'tiers.1.year': '年份不能晚于今年',
      gbtDivision: expect.stringContaining('不属于门类 A'),
      latitude: '经度和纬度应同时填写',
      contactEmail: '电子邮箱格式不正确',
    })
    const industry = await post(officer, profile({ industryCodes: ['huzhou-1366:HZ-1'] }))
    expect(industry.statusCode).toBe(400)
    expect(industry.json().error.details.fields[0].path).toBe('industryCodes')
    expect(await counts()).toEqual(before)
  })

  it('lets an enterprise keep its own profile and keeps everyone else out', async () => {
    const owner = await createAccount('enterpriseUser')
    const session = await signIn(ctx.app(), owner)
    const created = await post(session, { ...profile(), name: undefined, uscc: undefined, jurisdictionCode: undefined })
    expect(created.statusCode, created.body).toBe(201)
    const e = created.json().enterprise
    expect(e.id).toBe(owner.orgId)
    expect((await post(session, { tiers: [] })).statusCode).toBe(409)
    const other = await createAccount('enterpriseUser')
    const foreign = await post(session, { organizationId: other.orgId })
    expect(foreign.statusCode).toBe(403)
    const patch = (payload: object) => inject(session, 'PATCH', `/api/v1/enterprises/${e.id}`, payload)
    // A 大类 alone brings its 门类; a 门类 that does not hold the stored 大类 is refused.
    const moved = await patch({ keywords: ['精密减速器'], gbtDivision: '39', version: 1 })
    expect(moved.json()).toMatchObject({
      gbtSection: 'C',
      gbtDivision: '39',
      gbtDivisionName: '计算机、通信和其他电子设备制造业',
    })
    expect((await patch({ gbtSection: 'I', version: 2 })).json().error.details.fields[0].path).toBe('gbtDivision')
    const stranger = await signIn(ctx.app(), other)
    expect(
      (await inject(stranger, 'PATCH', `/api/v1/enterprises/${e.id}`, { keywords: [], version: 2 })).statusCode,
    ).toBe(403)
    const xiamen = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '350200' })
    const farOfficer = await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: xiamen.id }))
    expect(
      (await inject(farOfficer, 'PATCH', `/api/v1/enterprises/${e.id}`, { keywords: [], version: 2 })).statusCode,
    ).toBe(403)
    expect((await post(farOfficer, profile({ jurisdictionCode: '330304' }))).statusCode).toBe(403)
    const districtOfficer = await signIn(ctx.app(), await createAccount('districtOfficer'))
    expect(
      (await inject(districtOfficer, 'PATCH', `/api/v1/enterprises/${e.id}`, { keywords: ['伺服'], version: 2 }))
        .statusCode,
    ).toBe(200)
  })

  it('keeps a 保密 profile and every contact away from other organizations in detail, list, search, facets, history and export', async () => {
    const owner = await createAccount('enterpriseUser')
    const ownerSession = await signIn(ctx.app(), owner)
    const secret = (
      await post(ownerSession, {
        ...profile({
          confidentiality: 'secret',
          gbtSection: 'M',
          gbtDivision: '73',
          keywords: ['量子精密测量'],
          industryCodes: [],
        }),
        name: undefined,
        uscc: undefined,
        jurisdictionCode: undefined,
      })
    ).json().enterprise
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const open = (
      await post(
        officer,
        profile({ name: '温州公开光学仪器有限公司', keywords: ['量子精密测量'], contactPhone: '13800001111' }),
      )
    ).json().enterprise
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const q = `q=${encodeURIComponent('量子精密测量')}`
    for (const [who, session, sees] of [
      ['owner', ownerSession, true],
      ['other organization', other, false],
      ['visitor', null, false],
      ['city officer over the area', officer, true],
    ] as const) {
      const detail = await inject(session, 'GET', `/api/v1/enterprises/${secret.id}`)
      expect(detail.statusCode, who).toBe(sees ? 200 : 404)
      for (const query of [q, 'gbtSection=M']) {
        const page = await list(session, query)
        expect(
          page.items.some((i: { id: string }) => i.id === secret.id),
          `${who} ${query}`,
        ).toBe(sees)
        const facet = (page.facets.gbtSection as { value: string; count: number }[]).find((f) => f.value === 'M')
        expect((facet?.count ?? 0) > 0, `${who} facet ${query}`).toBe(sees)
      }
      const openDetail = (await inject(session, 'GET', `/api/v1/enterprises/${open.id}`)).json()
      expect(openDetail.contact === null, `${who} contact`).toBe(
        who === 'other organization' || who === 'visitor' || who === 'owner',
      )
      const history = (await inject(session, 'GET', `/api/v1/enterprises/${open.id}/history`)).json()
      expect(JSON.stringify(history).includes('13800001111'), `${who} history`).toBe(
        who === 'city officer over the area',
      )
      const found = await list(session, q)
      expect(JSON.stringify(found)).not.toContain('13800001111')
    }
    const otherExport = await exportedRows(other, q)
    expect(otherExport.map((r) => r[0])).toContain('温州公开光学仪器有限公司')
    expect(JSON.stringify(otherExport)).not.toContain('13800001111')
    expect(otherExport.flat()).not.toContain(secret.name)
    const officerExport = await exportedRows(officer, q)
    expect(JSON.stringify(officerExport)).toContain('13800001111')
  })

  it('searches Chinese words with tier and 门类 filters, and counts facets', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const base = { keywords: ['灵巧手'], industryCodes: [] }
    await post(
      officer,
      profile({
        ...base,
        name: '温州具身智能机器人科技有限公司',
        mainProducts: ['人形机器人关节模组'],
        keywords: ['具身智能', '灵巧手'],
      }),
    )
    await post(
      officer,
      profile({
        ...base,
        name: '温州智造电气有限公司',
        mainProducts: ['低压电器'],
        tiers: [{ tier: 'techSme', year: 2024 }],
      }),
    )
    await post(
      officer,
      profile({
        ...base,
        name: '瓯海软件信息服务有限公司',
        gbtSection: 'I',
        gbtDivision: '65',
        mainProducts: ['工业软件'],
        tiers: [],
      }),
    )
    const hits = await list(officer, `q=${encodeURIComponent('具身智能')}`)
    expect(hits.items[0].name).toBe('温州具身智能机器人科技有限公司')
    expect(
      hits.items[0].nameMarked.some((m: { hit: boolean; text: string }) => m.hit && m.text.includes('具身智能')),
    ).toBe(true)
    const word = `q=${encodeURIComponent('灵巧手')}`
    const national = await list(officer, `${word}&tier=highTech:national`)
    expect(national.items.map((i: { name: string }) => i.name)).toEqual(['温州具身智能机器人科技有限公司'])
    const software = await list(officer, `${word}&gbtSection=I`)
    expect(software.items.map((i: { name: string }) => i.name)).toEqual(['瓯海软件信息服务有限公司'])
    const byName = await list(officer, `${word}&sort=name`)
    expect(byName.items.map((i: { name: string }) => i.name)).toEqual([
      '瓯海软件信息服务有限公司',
      '温州具身智能机器人科技有限公司',
      '温州智造电气有限公司',
    ])
    const all = await list(officer, word)
    expect(all.total).toBe(3)
    expect(all.facets.tier).toEqual(
      expect.arrayContaining([
        { value: 'highTech:national', label: '高新技术企业（国家级）', count: 1 },
        { value: 'techSme', label: '科技型中小企业', count: 2 },
      ]),
    )
    expect(all.facets.gbtSection.map((f: { label: string }) => f.label)).toEqual(
      expect.arrayContaining(['C 制造业', 'I 信息传输、软件和信息技术服务业']),
    )
    const sql = await list(officer, 'tier=techSme&sort=name')
    expect(sql.facets.tier.find((f: { value: string }) => f.value === 'techSme').count).toBe(sql.total)
    const names = sql.items.map((i: { name: string }) => i.name)
    expect(names.indexOf('温州智造电气有限公司')).toBeGreaterThan(-1)
  })
})
