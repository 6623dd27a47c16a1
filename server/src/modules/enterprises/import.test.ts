import { count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization, validUscc } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { organizations } from '../organizations/schema'
import { enterpriseProfiles } from './schema'

const ctx = withTestApp()

const HEADER =
  '企业名称*,统一社会信用代码*,所属地区代码,企业梯度,国民经济行业门类,国民经济行业大类,产业分类,主要产品,关键词,企业简介,数据年份,研发投入（万元）,营业收入（万元）,从业人数,联系人,联系电话,公开程度'

async function upload(session: Session, csv: string, mode: 'dryRun' | 'commit') {
  const body = multipartFile('enterprises.csv', csv)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/enterprises/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}
const counts = async () => ({
  organizations: Number((await db.select({ n: count() }).from(organizations))[0]!.n),
  profiles: Number((await db.select({ n: count() }).from(enterpriseProfiles))[0]!.n),
})

describe('enterprise bulk import', () => {
  it('reports every bad row in a dry run and writes nothing; a commit with bad rows writes nothing either', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const good = `温州瓯江激光科技有限公司,${validUscc()},330304,国家级高新技术企业 2023,C,34,智能激光,激光切割机,,,2024,860,,,,,公开`
    const bad = [
      '短,91330302MA2J0004X,,瞪羚企业 2023,A,39,不存在的产业,,,,,500,,,,,绝密',
      `温州某某有限公司,${validUscc()},350200,专精特新“小巨人”企业（市级）2022,,,,,,,2024,,,,,,`,
      `温州错门类有限公司,${validUscc()},,,A,39,,,,,,500,,,,,`,
    ]
    const before = await counts()
    const dry = await upload(officer, [HEADER, good, ...bad].join('\n'), 'dryRun')
    expect(dry.statusCode).toBe(200)
    const report = dry.json()
    expect(report).toMatchObject({ total: 4, valid: 1, committed: false })
    const columns = (row: number) =>
      report.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column)
    expect(columns(3)).toEqual(expect.arrayContaining(['企业名称', '统一社会信用代码', '企业梯度', '公开程度']))
    // Every problem of a row at once: a bad cell does not hide the rules across columns or the area check.
    expect(columns(4)).toEqual(['企业梯度', '研发投入（万元）', '所属地区代码'])
    expect(columns(5)).toEqual(['国民经济行业大类', '数据年份'])
    const commit = await upload(officer, [HEADER, good, ...bad].join('\n'), 'commit')
    expect(commit.statusCode).toBe(400)
    expect(commit.json().error.message).toContain('未导入任何数据')
    expect(await counts()).toEqual(before)
  })

  it('refuses rows outside the importer’s area and industries outside the area’s system, row by row', async () => {
    const officer = await signIn(ctx.app(), await createAccount('districtOfficer'))
    const rows = [
      `鹿城外的企业有限公司,${validUscc()},330304,,,,,,,,,,,,,,`,
      `鹿城智能电气有限公司,${validUscc()},,,,,具身智能机器人,,,,,,,,,,`,
    ]
    const report = (await upload(officer, [HEADER, ...rows].join('\n'), 'dryRun')).json()
    expect(report.errors).toEqual([
      { row: 2, column: '所属地区代码', reason: '地区 330304 不在您的管辖范围内' },
      { row: 3, column: '产业分类', reason: '“具身智能机器人”不属于本地区的产业体系' },
    ])
  })

  it('reports a bad cell, a region code that does not exist and a repeated 统一社会信用代码 in one dry run', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const uscc = validUscc()
    const rows = [
      `温州一码两行有限公司,${uscc},330304,,,,,,,,,,,,,,`,
      `温州一码两行科技有限公司,${uscc},999999,,,,,,,,,,,,,电话待定,`,
    ]
    const report = (await upload(officer, [HEADER, ...rows].join('\n'), 'dryRun')).json()
    expect(report.errors).toEqual([
      { row: 3, column: '联系电话', reason: '联系电话格式不正确' },
      { row: 3, column: '统一社会信用代码', reason: '与第 2 行重复' },
      { row: 3, column: '所属地区代码', reason: '行政区划代码 999999 不存在' },
    ])
    expect(report).toMatchObject({ total: 2, valid: 1, committed: false })
  })

  it('warns of a new enterprise whose name is nearly that of one on file, and not of the row matched by its code', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const [registered, another] = [validUscc(), validUscc()]
    const row = (name: string, uscc: string) => `${name},${uscc},330304,,,,,,,,,,,,,,`
    await upload(officer, [HEADER, row('温州瓯海精密模具有限公司', registered)].join('\n'), 'commit')
    const [org] = await db.select().from(organizations).where(eq(organizations.uscc, registered))
    const csv = [HEADER, row('温州瓯海精密模具有限公司', registered), row('温州瓯海精密模具股份有限公司', another)]
    const dry = (await upload(officer, csv.join('\n'), 'dryRun')).json()
    expect(dry).toMatchObject({ valid: 2, errors: [] })
    expect(dry.warnings).toEqual([
      {
        row: 3,
        similarTitle: '温州瓯海精密模具有限公司',
        similarId: org!.id,
        similarRow: null,
        similarity: 1,
        reason: '企业名称高度相似',
      },
    ])
  })

  it('commits all rows in one go, matches 统一社会信用代码 on re-import, and adds a year of figures without duplicates', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const registered = await createOrganization({
      kind: 'enterprise',
      jurisdictionCode: '330304',
      name: '温州已登记电气有限公司',
    })
    const newUscc = validUscc()
    const rows = [
      `温州瓯江激光科技有限公司,${newUscc},330304,国家级高新技术企业 2023、科技型中小企业 2024,C,34,智能激光,激光切割机、激光焊接机,,专注工业激光装备。,2023,860,12000,150,陈经理,0577-88001234,公开`,
      `温州已登记电气股份有限公司,${registered.uscc},,市级专精特新 2024,制造业,电气机械和器材制造业,智能电气,断路器,,,2024,320.5,,,,,内部`,
    ]
    const csv = `\uFEFF${[HEADER, ...rows].join('\r\n')}`
    const before = await counts()
    const first = (await upload(officer, csv, 'commit')).json()
    expect(first).toMatchObject({ committed: true, created: 2, updated: 0, unchanged: 0 })
    expect(await counts()).toEqual({ organizations: before.organizations + 1, profiles: before.profiles + 2 })
    const [renamed] = await db.select().from(organizations).where(eq(organizations.id, registered.id))
    expect(renamed!.name).toBe('温州已登记电气股份有限公司')
    const [profile] = await db.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.id, registered.id))
    expect(profile).toMatchObject({
      gbtSection: 'C',
      gbtDivision: '38',
      industryCodes: ['wenzhou-5n:WZ-4-1'],
      tiers: [{ tier: 'specialized', year: 2024, level: 'city' }],
      yearly: [{ year: 2024, rdSpendingFen: 320_500_000, revenueFen: null, employees: null }],
      confidentiality: 'internal',
    })
    const again = (await upload(officer, csv, 'commit')).json()
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const nextYear = [HEADER, `温州瓯江激光科技有限公司,${newUscc},,,,,,,,,2024,1020,15800,170,,,`].join('\n')
    expect((await upload(officer, nextYear, 'commit')).json()).toMatchObject({ created: 0, updated: 1 })
    const [laser] = await db
      .select()
      .from(enterpriseProfiles)
      .innerJoin(organizations, eq(organizations.id, enterpriseProfiles.id))
      .where(eq(organizations.uscc, newUscc))
    expect(laser!.enterprise_profiles.yearly.map((y) => [y.year, y.rdSpendingFen])).toEqual([
      [2023, 860_000_000],
      [2024, 1_020_000_000],
    ])
    expect(laser!.enterprise_profiles.tiers).toHaveLength(2)
    expect(await counts()).toEqual({ organizations: before.organizations + 1, profiles: before.profiles + 2 })
  })

  it('offers a template whose example row imports cleanly', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const template = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/enterprises/import-template', headers: officer.headers })
    expect(template.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet('数据')!.getRow(1).getCell(2).value).toBe('统一社会信用代码*')
    const body = multipartFile('filled.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/enterprises/import?mode=dryRun',
      headers: { ...officer.headers, 'content-type': body.contentType },
      payload: body.payload,
    })
    expect(res.json()).toMatchObject({ total: 1, valid: 1, errors: [] })
  })
})
