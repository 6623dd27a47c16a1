import { count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { instruments } from './schema'

const ctx = withTestApp()

const HEADER =
  '仪器名称*,所属载体,资产编号,仪器类别*,型号,生产厂家,主要技术指标*,CMA,CNAS,开放时间,预约方式,收费标准（元）,计费单位,放置地点,状态,公开程度'
const GOOD = [
  'X 射线衍射仪,,XRD-01,分析测试,D8 ADVANCE,布鲁克,角度范围 -110°至 168°，测角仪精度 0.0001°，可做物相定性与定量分析。,是,是,工作日 9:00–17:00,电话预约,350.5,样,检测楼 101,可预约,公开',
  '万能材料试验机,,,物理性能测试,,,最大试验力 100 kN，力值精度 ±0.5%，可做拉伸、压缩、弯曲试验。,否,,,,,,,维护中,内部',
]
const BAD = [
  '镜,,,光学,,,短,也许,,,,-5,,,报废,绝密',
  '紫外可见分光光度计,,,分析测试,,,波长范围 190–1100 nm，带宽 1 nm，光度准确度 ±0.002 Abs。,,,,,120,,,,',
]

const carrier = {
  name: '温州市新材料检测概念验证中心',
  kind: 'pocCenter',
  subtype: 'specialized',
  industryCodes: ['wenzhou-5n:WZ-5-2'],
  address: '温州市鹿城区科技路 1 号',
  introduction: '面向功能材料与先进高分子材料，提供成分分析、微观形貌与力学性能测试等验证服务。',
}

async function upload(session: Session, content: string | Buffer, mode: 'dryRun' | 'commit', filename = 'i.csv') {
  const body = multipartFile(filename, content)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/instruments/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}
const total = async () => Number((await db.select({ n: count() }).from(instruments))[0]!.n)

async function operatorWithCarrier(): Promise<{ session: Session; carrierId: string }> {
  const session = await signIn(ctx.app(), await createAccount('centerOperator'))
  const res = await ctx
    .app()
    .inject({ method: 'POST', url: '/api/v1/carriers', headers: session.headers, payload: carrier })
  return { session, carrierId: res.json().carrier.id }
}

describe('instrument bulk import', () => {
  it('reports every bad row in a dry run and writes nothing', async () => {
    const { session } = await operatorWithCarrier()
    const before = await total()
    const report = (await upload(session, [HEADER, ...GOOD, ...BAD].join('\n'), 'dryRun')).json()
    expect(report).toMatchObject({ total: 4, valid: 2, committed: false })
    const row4 = report.errors.filter((e: { row: number }) => e.row === 4).map((e: { column: string }) => e.column)
    expect(row4).toEqual(
      expect.arrayContaining(['仪器名称', '仪器类别', '主要技术指标', 'CMA', '收费标准（元）', '状态', '公开程度']),
    )
    expect(report.errors).toContainEqual({
      row: 5,
      column: '计费单位',
      reason: '填写收费标准时请填写计费单位（如：小时、样）',
    })
    expect((await upload(session, [HEADER, ...GOOD, ...BAD].join('\n'), 'commit')).statusCode).toBe(400)
    expect(await total()).toBe(before)
  })

  it('warns of a new instrument like one of its carrier, and not of the row that updates that one', async () => {
    const { session, carrierId } = await operatorWithCarrier()
    await upload(session, [HEADER, GOOD[0]].join('\n'), 'commit')
    const [xrd] = await db.select().from(instruments).where(eq(instruments.carrierId, carrierId))
    const csv = [HEADER, GOOD[0], GOOD[0]!.replace('XRD-01', 'XRD-02')].join('\n')
    const dry = (await upload(session, csv, 'dryRun')).json()
    expect(dry).toMatchObject({ valid: 2, errors: [] })
    expect(dry.warnings).toEqual([
      {
        row: 3,
        similarTitle: 'X 射线衍射仪',
        similarId: xrd!.id,
        similarRow: null,
        similarity: 1,
        reason: '同一载体已有名称相似、型号相同的仪器',
      },
    ])
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ created: 1, unchanged: 1 })
  })

  it('puts rows under the operator’s only carrier, and importing again creates no duplicates', async () => {
    const { session, carrierId } = await operatorWithCarrier()
    const csv = [HEADER, ...GOOD].join('\n')
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ committed: true, created: 2 })
    const mine = await db.select().from(instruments).where(eq(instruments.carrierId, carrierId))
    expect(mine.find((i) => i.assetNumber === 'XRD-01')).toMatchObject({
      hasCma: true,
      hasCnas: true,
      priceFen: 35_050n,
      feeUnit: '样',
      source: 'import',
    })
    expect(mine.find((i) => i.name === '万能材料试验机')).toMatchObject({
      availability: 'maintenance',
      confidentiality: 'internal',
      priceFen: null,
    })
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const changed = (await upload(session, csv.replace('电话预约', '平台预约'), 'commit')).json()
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    expect(await db.select().from(instruments).where(eq(instruments.carrierId, carrierId))).toHaveLength(2)
  })

  it('lets an officer name the carrier, refuses a carrier out of reach, and serves a template', async () => {
    const { session: operator, carrierId } = await operatorWithCarrier()
    await operatorWithCarrier()
    const officer = await signIn(ctx.app(), await createAccount('districtOfficer'))
    const named = [HEADER, GOOD[0]!.replace(',,XRD-01', `,${carrier.name},XRD-02`)].join('\n')
    // Two operators registered carriers with this name in the district: the officer must tell them apart.
    const ambiguous = (await upload(officer, named, 'dryRun')).json()
    expect(ambiguous.errors[0].reason).toMatch(/^有 \d+ 个同名载体/)
    const unique = named.replace(carrier.name, '温州市独一无二检测中心')
    const renamed = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/carriers/${carrierId}`,
      headers: operator.headers,
      payload: { name: '温州市独一无二检测中心', version: 1 },
    })
    expect(renamed.statusCode).toBe(200)
    expect((await upload(officer, unique, 'commit')).json()).toMatchObject({ created: 1 })
    const stranger = await signIn(ctx.app(), await createAccount('pilotPlatformOperator'))
    const refused = (await upload(stranger, unique, 'dryRun')).json()
    expect(refused.errors[0]).toMatchObject({
      column: '所属载体',
      reason: '未找到您可管理的载体“温州市独一无二检测中心”',
    })
    const template = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/instruments/import-template', headers: officer.headers })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet('数据')!.getRow(1).getCell(1).value).toBe('仪器名称*')
    const { session } = await operatorWithCarrier()
    const file = Buffer.from(await book.xlsx.writeBuffer())
    expect((await upload(session, file, 'dryRun', 't.xlsx')).json()).toMatchObject({ total: 1, valid: 1, errors: [] })
  })
})
