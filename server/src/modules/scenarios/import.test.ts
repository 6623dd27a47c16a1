import { count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { scenarios } from './schema'

const ctx = withTestApp()
const inDays = (n: number) => addDays(todayInShanghai(now()), n)

const HEADER =
  '场景名称*,场景描述*,发布单位统一社会信用代码,所需技术,产业分类,场景地址*,经度,纬度,提供条件*,申报截止日期*,公开程度'
const good = (uscc = '') => [
  `城市道路积水智能感知与预警,"在主城区二十处易涝点开放路侧杆件与排水管网数据，征集低功耗积水感知与短临预警方案，验证通过后纳入采购计划。",${uscc},物联网感知、短临预警,云计算与大数据,温州市鹿城区车站大道,120.672,28.0006,场地、数据、采购意向,${inDays(60)},公开`,
  `"社区养老智能跌倒监测试点","在三个社区养老服务中心试点毫米波跌倒监测，开放场地与运营数据，优秀方案给予示范应用推荐与资金支持。",${uscc},毫米波雷达,,温州市瓯海区娄桥街道,,,场地、资金、示范应用,${inDays(90)},`,
]
const BAD = [
  `短,太短,,,不存在的产业,,120.5,,土地,${inDays(-1)},绝密`,
  `一个没有地址的应用场景,"这是一个缺少地址的应用场景描述，用于检验导入时的必填校验是否生效。",,,,,,,数据,${inDays(10)},`,
]
const rowCount = async () => Number((await db.select({ n: count() }).from(scenarios))[0]!.n)

async function upload(session: Session, csv: string, mode: 'dryRun' | 'commit', filename = 'scenarios.csv') {
  const body = multipartFile(filename, csv)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/scenarios/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}

describe('scenario bulk import', () => {
  it('reports every bad row in a dry run and writes nothing; a commit with bad rows writes nothing either', async () => {
    const session = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const csv = [HEADER, ...good(), ...BAD].join('\r\n')
    const before = await rowCount()
    const report = (await upload(session, csv, 'dryRun')).json()
    expect(report).toMatchObject({ total: 4, valid: 2, committed: false })
    const row4 = report.errors.filter((e: { row: number }) => e.row === 4).map((e: { column: string }) => e.column)
    expect(row4).toEqual(
      expect.arrayContaining(['场景名称', '场景描述', '场景地址', '纬度', '提供条件', '申报截止日期', '公开程度']),
    )
    expect(
      report.errors.find((e: { row: number; column: string }) => e.row === 5 && e.column === '场景地址'),
    ).toBeTruthy()
    const commit = await upload(session, csv, 'commit')
    expect(commit.statusCode).toBe(400)
    expect(await rowCount()).toBe(before)
  })

  it('commits all rows, finds them by search, and importing the same file again creates no duplicates', async () => {
    const account = await createAccount('enterpriseUser')
    const session = await signIn(ctx.app(), account)
    const csv = `\uFEFF${[HEADER, ...good()].join('\r\n')}`
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ committed: true, created: 2 })
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const mine = await db.select().from(scenarios).where(eq(scenarios.ownerOrgId, account.orgId))
    expect(mine).toHaveLength(2)
    expect(mine.find((s) => s.title.startsWith('城市道路'))).toMatchObject({
      industryCodes: ['wenzhou-5n:WZ-1-1'],
      offers: ['site', 'data', 'procurement'],
      longitude: 120.672,
      latitude: 28.0006,
      publisherKind: 'enterprise',
      confidentiality: 'public',
    })
    const found = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/scenarios?q=${encodeURIComponent('跌倒监测')}` })
    expect(found.json().items[0].title).toBe('社区养老智能跌倒监测试点')
    const changed = await upload(session, csv.replace('三个社区', '五个社区'), 'commit')
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
  })

  it('lets an officer import for publishers in the area named by 统一社会信用代码', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const pilot = await createOrganization({ kind: 'pilotPlatform', jurisdictionCode: '330303' })
    const faraway = await createOrganization({ kind: 'enterprise', jurisdictionCode: '350206' })
    const hospital = await createOrganization({ kind: 'hospital', jurisdictionCode: '330302' })
    const rows = [
      good(pilot.uscc!)[0]!,
      good(faraway.uscc!)[1]!,
      good(hospital.uscc!)[0]!.replace('城市道路', '医院'),
      good()[1]!,
    ]
    const report = (await upload(officer, [HEADER, ...rows].join('\n'), 'dryRun')).json()
    expect(report.errors).toEqual([
      { row: 3, column: '发布单位统一社会信用代码', reason: '只能导入本单位或本辖区内单位的场景' },
      { row: 4, column: '发布单位统一社会信用代码', reason: '应用场景由企业、政府部门、概念验证中心、中试平台发布' },
    ])
    const template = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/scenarios/import-template', headers: officer.headers })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet('数据')!.getRow(1).getCell(1).value).toBe('场景名称*')
    const body = multipartFile('filled.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    const filled = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/scenarios/import?mode=dryRun',
      headers: { ...officer.headers, 'content-type': body.contentType },
      payload: body.payload,
    })
    expect(filled.json()).toMatchObject({ total: 1, valid: 1, errors: [] })
  })
})
