import { count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { demands } from './schema'

const ctx = withTestApp()
const inDays = (n: number) => addDays(todayInShanghai(now()), n)

const HEADER =
  '需求名称*,需求描述*,需求企业统一社会信用代码,技术领域关键词,产业分类,预算下限（万元）,预算上限（万元）,截止日期*,合作方式*,期望技术就绪度,期望成熟度,联系人,联系电话,公开程度'
const good = (uscc = '') => [
  `电机定子绕组缺陷自动检测,"电机定子绕组人工检测效率低、一致性差，希望开发基于机器视觉的绕组缺陷自动检测装置，检出率不低于百分之九十九。",${uscc},机器视觉、电机检测,工业机器人,30,60,${inDays(90)},合作开发、委托开发,6,中试,陈工,0577-88886666,公开`,
  `"鞋材胶粘工序VOC减排技术","制鞋胶粘工序挥发性有机物排放高，寻求水性胶替代或末端高效治理技术，满足最新排放标准，希望一年内完成改造。",${uscc},VOC治理、水性胶,,,,${inDays(120)},技术转让,,,,,内部`,
]
const BAD = [
  `短,太短,,,不存在的产业,80,20,${inDays(-3)},出售,12,成品,,12345,绝密`,
  `一个没有描述的技术需求,,,,,,,${inDays(30)},技术咨询,,,,,`,
]

const rowCount = async () => Number((await db.select({ n: count() }).from(demands))[0]!.n)

async function upload(session: Session, csv: string, mode: 'dryRun' | 'commit', filename = 'demands.csv') {
  const body = multipartFile(filename, csv)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/demands/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}

describe('demand bulk import', () => {
  it('reports every bad row in a dry run and writes nothing; a commit with bad rows writes nothing either', async () => {
    const session = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const csv = [HEADER, ...good(), ...BAD].join('\r\n')
    const before = await rowCount()
    const report = (await upload(session, csv, 'dryRun')).json()
    expect(report).toMatchObject({ total: 4, valid: 2, committed: false })
    const row4 = report.errors.filter((e: { row: number }) => e.row === 4).map((e: { column: string }) => e.column)
    expect(row4).toEqual(
      expect.arrayContaining([
        '需求名称',
        '需求描述',
        '预算上限（万元）',
        '截止日期',
        '合作方式',
        '期望技术就绪度',
        '期望成熟度',
        '联系电话',
        '公开程度',
      ]),
    )
    expect(
      report.errors.find((e: { row: number; column: string }) => e.row === 5 && e.column === '需求描述'),
    ).toBeTruthy()
    const commit = await upload(session, csv, 'commit')
    expect(commit.statusCode).toBe(400)
    expect(commit.json().error.message).toContain('未导入任何数据')
    expect(await rowCount()).toBe(before)
  })

  it('resolves industry names in the area’s own system and refuses unknown ones', async () => {
    const session = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const csv = [HEADER, good()[0]!.replace('工业机器人', '具身智能机器人')].join('\n')
    const report = (await upload(session, csv, 'dryRun')).json()
    expect(report.errors).toEqual([{ row: 2, column: '产业分类', reason: '“具身智能机器人”不属于本地区的产业体系' }])
  })

  it('commits all rows in one go, finds them by search, and importing the same file again creates no duplicates', async () => {
    const account = await createAccount('enterpriseUser')
    const session = await signIn(ctx.app(), account)
    const csv = `\uFEFF${[HEADER, ...good()].join('\r\n')}`
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ committed: true, created: 2, unchanged: 0 })
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const mine = await db.select().from(demands).where(eq(demands.ownerOrgId, account.orgId))
    expect(mine).toHaveLength(2)
    expect(mine.find((d) => d.title.startsWith('电机'))).toMatchObject({
      industryCodes: ['wenzhou-5n:WZ-4-3'],
      budgetNegotiable: false,
      budgetMinFen: 30_000_000n,
      budgetMaxFen: 60_000_000n,
      cooperationModes: ['jointDevelopment', 'commissioned'],
      maturityWanted: 'pilot',
      contactPhone: '0577-88886666',
      source: 'import',
    })
    expect(mine.find((d) => d.title.startsWith('鞋材'))).toMatchObject({
      budgetNegotiable: true,
      confidentiality: 'internal',
    })
    const found = await ctx.app().inject({
      method: 'GET',
      url: `/api/v1/demands?owner=mine&q=${encodeURIComponent('绕组缺陷')}`,
      headers: session.headers,
    })
    expect(found.json().items[0].title).toBe('电机定子绕组缺陷自动检测')
    const changed = await upload(session, csv.replace('一年内完成改造', '半年内完成改造'), 'commit')
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
  })

  it('lets an officer import for enterprises in the area named by 统一社会信用代码, and no others', async () => {
    const officer = await signIn(ctx.app(), await createAccount('districtOfficer'))
    const local = await createOrganization({ kind: 'enterprise', jurisdictionCode: '330302' })
    const faraway = await createOrganization({ kind: 'enterprise', jurisdictionCode: '330502' })
    const university = await createOrganization({ kind: 'university', jurisdictionCode: '330302' })
    const rows = [
      good(local.uscc!)[0]!,
      good(faraway.uscc!)[1]!,
      good(university.uscc!)[1]!.replace('鞋材', '高校'),
      good()[1]!.replace('鞋材', '本局'),
    ]
    const report = (await upload(officer, [HEADER, ...rows].join('\n'), 'dryRun')).json()
    expect(report.errors).toEqual([
      { row: 3, column: '需求企业统一社会信用代码', reason: '只能导入本企业或本辖区内企业的需求' },
      { row: 4, column: '需求企业统一社会信用代码', reason: expect.stringContaining('不是企业') },
      { row: 5, column: '需求企业统一社会信用代码', reason: '请填写需求企业的统一社会信用代码' },
    ])
    const committed = (await upload(officer, [HEADER, rows[0]].join('\n'), 'commit')).json()
    expect(committed).toMatchObject({ created: 1 })
    const [row] = await db.select().from(demands).where(eq(demands.ownerOrgId, local.id))
    expect(row).toMatchObject({ jurisdictionCode: '330302', source: 'import' })
  })

  it('serves a template whose example row imports cleanly', async () => {
    const session = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const template = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/demands/import-template', headers: session.headers })
    expect(template.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet('数据')!.getRow(1).getCell(1).value).toBe('需求名称*')
    expect(book.getWorksheet('说明')).toBeTruthy()
    const body = multipartFile('filled.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/demands/import?mode=dryRun',
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    })
    expect(res.json()).toMatchObject({ total: 1, valid: 1, errors: [] })
  })
})
