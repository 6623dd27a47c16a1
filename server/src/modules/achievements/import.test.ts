import { count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { achievements } from './schema'

const ctx = withTestApp()

const HEADER =
  '成果名称*,成果简介*,关键词,团队成员,学科门类,一级学科,技术就绪度*,成熟度*,转化方式*,公开程度,期望价格（万元）'
const GOOD = [
  '高效钙钛矿叠层太阳电池制备技术,采用溶液法制备宽带隙钙钛矿顶电池并与晶硅底电池叠层，实验室效率超过百分之二十八，具备中试放大条件。,钙钛矿、叠层电池,王五、赵六,工学,材料科学与工程,4,小试,许可、合作开发,公开,120',
  '"低空无人机集群协同巡检系统","基于多机协同路径规划与边缘计算，实现电力线路的自主巡检，已在两个地市开展示范应用，巡检效率提升三倍。","低空经济,无人机",,工学,控制科学与工程,7,产品,转让,内部,',
]
const BAD = ['短,太短,,,,,12,成品,出售,绝密,-1', '一种没有简介的成果名称,,,,,,5,样品,许可,,']

async function upload(
  session: { headers: Record<string, string> },
  csv: string,
  mode: 'dryRun' | 'commit',
  filename = 'achievements.csv',
) {
  const body = multipartFile(filename, csv)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/achievements/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}

describe('achievement bulk import', () => {
  it('reports every bad row in a dry run and writes nothing; a commit with bad rows writes nothing either', async () => {
    const account = await createAccount('researcher')
    const session = await signIn(ctx.app(), account)
    const csv = [HEADER, ...GOOD, ...BAD].join('\r\n')
    const before = Number((await db.select({ n: count() }).from(achievements))[0]!.n)
    const dry = await upload(session, csv, 'dryRun')
    expect(dry.statusCode).toBe(200)
    const report = dry.json()
    expect(report).toMatchObject({ total: 4, valid: 2, committed: false })
    const row4 = report.errors.filter((e: { row: number }) => e.row === 4).map((e: { column: string }) => e.column)
    expect(row4).toEqual(
      expect.arrayContaining([
        '成果名称',
        '成果简介',
        '技术就绪度',
        '成熟度',
        '转化方式',
        '公开程度',
        '期望价格（万元）',
      ]),
    )
    // An empty required cell is said to be required, not in zod's words about types.
    expect(
      report.errors.find((e: { row: number; column: string }) => e.row === 5 && e.column === '成果简介'),
    ).toMatchObject({ reason: '必填项，不能为空' })
    const commit = await upload(session, csv, 'commit')
    expect(commit.statusCode).toBe(400)
    expect(commit.json().error.message).toContain('未导入任何数据')
    expect(Number((await db.select({ n: count() }).from(achievements))[0]!.n)).toBe(before)
  })

  it('commits all rows in one go, and importing the same file again creates no duplicates', async () => {
    const account = await createAccount('researcher')
    const session = await signIn(ctx.app(), account)
    const csv = `\uFEFF${[HEADER, ...GOOD].join('\r\n')}`
    const first = (await upload(session, csv, 'commit')).json()
    expect(first).toMatchObject({ committed: true, created: 2, updated: 0, unchanged: 0 })
    const again = (await upload(session, csv, 'commit')).json()
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 })
    const mine = await db.select().from(achievements).where(eq(achievements.ownerOrgId, account.orgId))
    expect(mine).toHaveLength(2)
    expect(mine.find((a) => a.title.startsWith('高效钙钛矿'))).toMatchObject({
      maturity: 'smallTrial',
      transferModes: ['license', 'cooperation'],
      priceMinFen: 120_000_000n,
    })
    const changed = (
      await upload(session, csv.replace('实验室效率超过百分之二十八', '实验室效率超过百分之三十'), 'commit')
    ).json()
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
  })

  it('warns of a row nearly the same as an achievement on file; the dry run writes nothing and the commit still imports it', async () => {
    const account = await createAccount('researcher')
    const session = await signIn(ctx.app(), account)
    const summary =
      '采用等离子喷涂制备梯度聚氨酯复合涂层，叶片前缘抗雨蚀寿命提升三倍，已在两台海上风电机组挂片试验一年。'
    const onFile = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/achievements',
      headers: session.headers,
      payload: {
        title: '海上风电叶片前缘防护涂层技术',
        summary,
        keywords: [],
        trl: 5,
        maturity: 'sample',
        transferModes: ['license'],
        confidentiality: 'public',
      },
    })
    const existing = onFile.json().achievement
    const csv = [HEADER, `海上风电叶片前缘防护涂层制备技术,${summary},,,,,6,样品,许可,公开,`].join('\r\n')
    const mine = async () =>
      Number(
        (await db.select({ n: count() }).from(achievements).where(eq(achievements.ownerOrgId, account.orgId)))[0]!.n,
      )

    const dry = (await upload(session, csv, 'dryRun')).json()
    expect(dry).toMatchObject({ total: 1, valid: 1, errors: [], committed: false })
    expect(dry.warnings).toEqual([
      {
        row: 2,
        similarTitle: '海上风电叶片前缘防护涂层技术',
        similarId: existing.id,
        similarRow: null,
        similarity: expect.any(Number),
        reason: '同一单位已有标题高度相似的成果',
      },
    ])
    expect(await mine()).toBe(1)

    const commit = (await upload(session, csv, 'commit')).json()
    expect(commit).toMatchObject({ committed: true, created: 1, warnings: [{ row: 2, similarId: existing.id }] })
    expect(await mine()).toBe(2)
  })

  it('does not warn of a row matched by its natural key to the achievement it updates', async () => {
    const session = await signIn(ctx.app(), await createAccount('researcher'))
    const summary = '以秸秆为原料低温热解制备多孔生物炭电极材料，比电容达到三百法拉每克，原料成本低于活性炭的三成。'
    const csv = [HEADER, `秸秆基多孔生物炭电极材料,${summary},,,,,4,小试,许可,公开,`].join('\r\n')
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ created: 1, warnings: [] })
    // The same row again updates the record it created: it is not its own near-duplicate.
    const again = (await upload(session, csv.replace('成本低于活性炭的三成', '成本低于活性炭的四成'), 'dryRun')).json()
    expect(again).toMatchObject({ valid: 1, errors: [], warnings: [] })
  })

  it('warns of a row nearly the same as an earlier row of the same file, pointing at that row', async () => {
    const session = await signIn(ctx.app(), await createAccount('researcher'))
    const summary = '利用深度学习识别茶园病虫害叶片图像，识别准确率超过百分之九十五，可部署在低成本边缘设备上运行。'
    const csv = [
      HEADER,
      `茶园病虫害图像智能识别系统,${summary},,,,,5,样品,许可,公开,`,
      `基于边缘计算的茶叶病害诊断终端,${summary},,,,,5,样品,许可,公开,`,
    ].join('\r\n')
    const dry = (await upload(session, csv, 'dryRun')).json()
    expect(dry.warnings).toEqual([
      {
        row: 3,
        similarTitle: '茶园病虫害图像智能识别系统',
        similarId: null,
        similarRow: 2,
        similarity: 1,
        reason: '简介内容几乎相同',
      },
    ])
    expect((await upload(session, csv, 'commit')).json()).toMatchObject({ committed: true, created: 2 })
  })

  it('reads a GB18030 CSV saved by Excel and an .xlsx made from the downloaded template', async () => {
    const session = await signIn(ctx.app(), await createAccount('researcher'))
    // Excel on a Chinese Windows saves CSV in GB18030; these bytes are such a file.
    const gb18030 = Buffer.from(
      'b3c9b9fbc3fbb3c62a2cb3c9b9fbbcf2bde92a2cbcbccaf5becdd0f7b6c82a2cb3c9caecb6c82a2cd7aabbafb7bdcabd2a0d0ac4c6c0ebd7d3b5e7b3d8d5fdbcabb2c4c1cfb9e6c4a3bbafd6c6b1b82cd2d4b2e3d7b4d1f5bbafceefceaad5fdbcaba3acb2c9d3c3b9b2b3c1b5edb7a8cab5cfd6b9abbdefbcb6d6c6b1b8a3acd1adbbb7cad9c3fcb3acb9fdc8fdc7a7b4cea3acb3c9b1bebdcfefaeb5e7bdb5b5cdc8fdb3c9a1a32c352cd0a1cad42cd0edbfc90d0a',
      'hex',
    )
    const legacy = multipartFile('legacy.csv', gb18030)
    const read = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/achievements/import?mode=dryRun',
      headers: { ...session.headers, 'content-type': legacy.contentType },
      payload: legacy.payload,
    })
    expect(read.json()).toMatchObject({ total: 1, valid: 1, errors: [] })
    const template = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/achievements/import-template', headers: session.headers })
    expect(template.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('数据')!
    expect(sheet.getRow(1).getCell(1).value).toBe('成果名称*')
    expect(book.getWorksheet('说明')).toBeTruthy()
    // Fill the template's example row as a person would and import it.
    const file = Buffer.from(await book.xlsx.writeBuffer())
    const body = multipartFile('filled.xlsx', file)
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/achievements/import?mode=dryRun',
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    })
    expect(res.json()).toMatchObject({ total: 1, valid: 1, errors: [] })
  })

  it('refuses files that are not .xlsx or .csv, and unknown columns', async () => {
    const session = await signIn(ctx.app(), await createAccount('researcher'))
    const pdf = await upload(session, '%PDF-1.4', 'dryRun', 'scan.pdf')
    expect(pdf.statusCode).toBe(400)
    const wrong = (await upload(session, '名称,价格\n甲,1', 'dryRun')).json()
    expect(wrong.errors.map((e: { column: string; reason: string }) => e.column)).toEqual(
      expect.arrayContaining(['成果名称', '名称']),
    )
  })
})
