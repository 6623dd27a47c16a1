import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { experts } from './schema'

const ctx = withTestApp()

const HEADER = '姓名*,职称,工作单位,专家智库,学科,产业分类,关键词,任职经历,状态,忙碌至,联系电话,电子邮箱,公开程度'

async function upload(session: Session, csv: string, mode: 'dryRun' | 'commit') {
  const body = multipartFile('experts.csv', csv)
  return ctx.app().inject({
    method: 'POST',
    url: `/api/v1/experts/import?mode=${mode}`,
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  })
}
const total = async () => Number((await db.select({ n: count() }).from(experts))[0]!.n)

describe('expert bulk import', () => {
  it('reports every bad row in a dry run and writes nothing; a commit with bad rows writes nothing either', async () => {
    const center = await signIn(ctx.app(), await createAccount('centerOperator'))
    const csv = [
      HEADER,
      '陈立群,教授,瓯越理工大学,技术验证,控制科学与工程,工业机器人,机器人控制,浙江大学（2012-09至2018-06）,可参与评审,,13900001234,,内部',
      '王1,,,法律验证,炼金术,不存在的产业,,浙江大学,休假,,123,not-an-email,绝密',
      '李娜,,,,,,,,忙碌,,,,',
    ].join('\n')
    const before = await total()
    const report = (await upload(center, csv, 'dryRun')).json()
    expect(report).toMatchObject({ total: 3, valid: 1, committed: false })
    const columns = (row: number) =>
      report.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column)
    expect(columns(3)).toEqual(
      expect.arrayContaining(['姓名', '专家智库', '学科', '任职经历', '状态', '联系电话', '电子邮箱', '公开程度']),
    )
    expect(report.errors.find((e: { row: number }) => e.row === 4)).toEqual({
      row: 4,
      column: '忙碌至',
      reason: '忙碌状态请填写忙碌至日期',
    })
    expect((await upload(center, csv, 'commit')).statusCode).toBe(400)
    expect(await total()).toBe(before)
  })

  it('commits in one go, links registered organizations, and re-imports without duplicates or touching declarations', async () => {
    const account = await createAccount('centerOperator')
    const center = await signIn(ctx.app(), account)
    const university = await createOrganization({ kind: 'university', name: '瓯海理工学院' })
    const csv = `\uFEFF${[
      HEADER,
      '陈立群,教授,瓯海理工学院,技术验证、产品验证,控制科学与工程、机械工程,工业机器人,机器人控制,浙江大学（2012-09至2018-06）,可参与评审,,13900001234,chen@example.edu.cn,内部',
      '周敏,高级经济师,温州创投有限公司,商业验证,工商管理,,投融资,,忙碌,2099-06-30,,,公开',
    ].join('\r\n')}`
    const first = (await upload(center, csv, 'commit')).json()
    expect(first).toMatchObject({ committed: true, created: 2, updated: 0, unchanged: 0 })
    const [chen] = await db
      .select()
      .from(experts)
      .where(and(eq(experts.ownerOrgId, account.orgId), eq(experts.name, '陈立群')))
    expect(chen).toMatchObject({
      currentOrgId: university.id,
      thinkTanks: ['technical', 'product'],
      industryCodes: ['wenzhou-5n:WZ-4-3'],
      affiliations: [{ organizationName: '浙江大学', organizationId: null, from: '2012-09-01', to: '2018-06-30' }],
      contactPhone: '13900001234',
    })
    // The expert's own declaration survives a re-import, which carries no relationships.
    const declared = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/experts/${chen!.id}`,
      headers: center.headers,
      payload: {
        relationships: [{ kind: 'family', personName: '陈小明', organizationName: '温州某科技有限公司' }],
        version: chen!.version,
      },
    })
    expect(declared.statusCode, declared.body).toBe(200)
    expect((await upload(center, csv, 'commit')).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const changed = (await upload(center, csv.replace('机器人控制', '机器人控制、灵巧操作'), 'commit')).json()
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const [after] = await db.select().from(experts).where(eq(experts.id, chen!.id))
    expect(after!.keywords).toEqual(['机器人控制', '灵巧操作'])
    expect(after!.relationships).toEqual([
      { kind: 'family', personName: '陈小明', organizationName: '温州某科技有限公司' },
    ])
    expect(
      Number((await db.select({ n: count() }).from(experts).where(eq(experts.ownerOrgId, account.orgId)))[0]!.n),
    ).toBe(2)
    const found = (
      await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/experts?q=${encodeURIComponent('灵巧操作')}`, headers: center.headers })
    ).json()
    expect(found.items.map((i: { name: string }) => i.name)).toEqual(['陈立群'])
  })
})
