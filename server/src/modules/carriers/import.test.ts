import { count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization, validUscc } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { organizations } from '../organizations/schema'
import { carriers } from './schema'

const ctx = withTestApp()

const HEADER =
  '载体名称*,载体类型*,细分类型,运营机构*,统一社会信用代码,所在地区*,产业领域,级别,认定状态,认定年份,地址*,经度,纬度,验证能力,主任,行政主任,技术主任,依托单位,联系人,联系电话,简介*,公开程度'
const INTRO = '围绕眼底影像与近视防控开展技术可行性与临床场景验证，联合医院与企业开放共享验证平台与数据。'
const good = (uscc: string) => [
  `温州市眼脑健康概念验证中心,概念验证中心,专业型,瓯江眼视光研究院,${uscc},鹿城区,眼脑健康,市级,已认定,2025,温州市鹿城区学院西路 270 号,120.66,28.01,"眼底影像算法验证（技术与工艺验证）、临床场景验证（产品与场景验证）",,陈明,刘洋,瓯越医科大学,王丽,0577-88000001,${INTRO},公开`,
  '温州乐清智能电气中试平台,中试平台,企业主导,乐清柳市电气中试服务有限公司,,乐清市,智能电气,,,,乐清市柳市镇电器城大道 1 号,120.98,28.13,"型式试验（检测）、小批量试制（中试）",张强,,,,,,面向低压电器企业提供型式试验、小批量试制与工艺验证服务，缩短新品上市周期。,内部',
  '温州龙湾青年创业孵化器,孵化器,,龙湾青创孵化管理有限公司,,330303,,,,,温州市龙湾区永中街道青创园 3 号,,,,,,,,,,为青年创业团队提供办公空间、创业辅导、投融资对接与概念验证转介服务。,',
]
const BAD = [
  '短,实验室,,某,123,火星区,,,,,地址,200,500,能力没有类别,,,,,,abc,太短,绝密',
  `湖州某专业型概念验证中心,概念验证中心,专业型,湖州某研究院,,吴兴区,人工智能、智能驾驶、智能穿戴设备,,已认定,,湖州市吴兴区某路 1 号,120.09,,,,,,,,,${INTRO},`,
]

async function upload(session: Session, content: string | Buffer, mode: 'dryRun' | 'commit', filename = 'c.csv') {
  const body = multipartFile(filename, content)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/carriers/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}
const carrierCount = async () => Number((await db.select({ n: count() }).from(carriers))[0]!.n)
const organizationCount = async () => Number((await db.select({ n: count() }).from(organizations))[0]!.n)

describe('carrier bulk import', () => {
  it('reports every bad row in a dry run and writes nothing; a commit with bad rows writes nothing either', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const csv = [HEADER, ...good(validUscc()), ...BAD].join('\r\n')
    const [carriersBefore, orgsBefore] = [await carrierCount(), await organizationCount()]
    const report = (await upload(officer, csv, 'dryRun')).json()
    expect(report).toMatchObject({ total: 5, valid: 3, committed: false })
    const columns = (row: number) =>
      report.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column)
    expect(columns(5)).toEqual(
      expect.arrayContaining([
        '载体名称',
        '载体类型',
        '统一社会信用代码',
        // The area is checked although other cells of the row failed: every problem in one dry run.
        '所在地区',
        '经度',
        '纬度',
        '验证能力',
        '联系电话',
        '简介',
        '公开程度',
      ]),
    )
    const row6 = report.errors.filter((e: { row: number }) => e.row === 6)
    expect(row6.map((e: { reason: string }) => e.reason)).toEqual(
      expect.arrayContaining([
        '“浙江省湖州市吴兴区”不在您的管辖范围内',
        '专业型概念验证中心聚焦 1–2 个产业领域，当前选择了 3 个',
        '经度和纬度应同时填写',
        '已认定的载体请选择级别（市级、省级或国家级）',
      ]),
    )
    const commit = await upload(officer, csv, 'commit')
    expect(commit.statusCode).toBe(400)
    expect(commit.json().error.message).toContain('未导入任何数据')
    expect([await carrierCount(), await organizationCount()]).toEqual([carriersBefore, orgsBefore])
  })

  it('commits all rows with their organizations, and importing the same file again creates no duplicates', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const existing = await createOrganization({
      name: '乐清柳市电气中试服务有限公司',
      kind: 'pilotPlatform',
      jurisdictionCode: '330382',
    })
    const uscc = validUscc()
    const csv = `\uFEFF${[HEADER, ...good(uscc)].join('\r\n')}`
    const orgsBefore = await organizationCount()
    expect((await upload(officer, csv, 'commit')).json()).toMatchObject({ committed: true, created: 3, updated: 0 })
    // Two organizations are new (the pilot platform's operator was found by name).
    expect(await organizationCount()).toBe(orgsBefore + 2)
    const [center] = await db.select().from(carriers).where(eq(carriers.name, '温州市眼脑健康概念验证中心'))
    expect(center).toMatchObject({
      kind: 'pocCenter',
      subtype: 'specialized',
      jurisdictionCode: '330302',
      industryCodes: ['wenzhou-5n:WZ-3-1'],
      level: 'municipal',
      accreditationStatus: 'accredited',
      accreditationYear: 2025,
      source: 'import',
    })
    expect(center!.capabilities).toEqual([
      { name: '眼底影像算法验证', description: null, category: 'technical' },
      { name: '临床场景验证', description: null, category: 'productScenario' },
    ])
    expect(center!.directors.map((d) => d.role)).toEqual(['administrative', 'technical'])
    const [org] = await db.select().from(organizations).where(eq(organizations.uscc, uscc))
    expect(org).toMatchObject({ id: center!.ownerOrgId, kind: 'pocCenter' })
    const [platform] = await db.select().from(carriers).where(eq(carriers.name, '温州乐清智能电气中试平台'))
    expect(platform).toMatchObject({ ownerOrgId: existing.id, confidentiality: 'internal' })
    const [incubator] = await db.select().from(carriers).where(eq(carriers.name, '温州龙湾青年创业孵化器'))
    expect(incubator).toMatchObject({ kind: 'incubator', jurisdictionCode: '330303', confidentiality: 'public' })

    expect((await upload(officer, csv, 'commit')).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    const changed = (await upload(officer, csv.replace('缩短新品上市周期', '缩短新品上市周期一半'), 'commit')).json()
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    expect(await organizationCount()).toBe(orgsBefore + 2)
  })

  it('serves a template whose example row imports for an officer of its city', async () => {
    const huzhou = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '330500' })
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: huzhou.id }))
    const template = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/carriers/import-template', headers: officer.headers })
    expect(template.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet('数据')!.getRow(1).getCell(1).value).toBe('载体名称*')
    expect(book.getWorksheet('说明')).toBeTruthy()
    const file = Buffer.from(await book.xlsx.writeBuffer())
    expect((await upload(officer, file, 'dryRun', 'filled.xlsx')).json()).toMatchObject({
      total: 1,
      valid: 1,
      errors: [],
    })
    const operator = await signIn(ctx.app(), await createAccount('centerOperator'))
    expect((await upload(operator, file, 'dryRun', 'filled.xlsx')).statusCode).toBe(403)
  })
})
