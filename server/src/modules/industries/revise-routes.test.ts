import { describe, expect, it } from 'vitest'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'

const ctx = withTestApp()

type Node = {
  code: string
  name: string
  parentCode: string | null
  level: number
  kind: 'group' | 'industry' | 'segment'
  keywords: string[]
  toBeCompleted: boolean
  note?: string
}
type System = { code: string; name: string; version: number; versionLabel: string; status: string; nodes: Node[] }

const history = async (code: string) =>
  (await ctx.app().inject({ method: 'GET', url: `/api/v1/industry-systems/${code}/history` })).json().items as System[]
const put = (session: Session | null, code: string, payload: unknown) =>
  ctx.app().inject({
    method: 'PUT',
    url: `/api/v1/industry-systems/${code}`,
    headers: session?.headers ?? {},
    payload: payload as Record<string, unknown>,
  })

/** The current 温州 system as an edit body, with `change` applied to its nodes. */
async function wenzhouEdit(change: (nodes: Node[]) => Node[], versionLabel = '2026.1') {
  const [current] = await history('wenzhou-5n')
  return {
    name: '温州市“5+5+N”产业体系',
    versionLabel,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    source: '温州市科技局 2026 年 1 月调整（测试）',
    nodes: change(current!.nodes.map((n) => ({ ...n, keywords: n.keywords ?? [] }))),
  }
}

describe('PUT /api/v1/industry-systems/:code', () => {
  it('saves a city officer’s edit as a new version and keeps the old one in the history', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const before = await history('wenzhou-5n')
    const body = await wenzhouEdit((nodes) => [
      ...nodes.map((n) => (n.code === 'WZ-1-1' ? { ...n, name: '云计算与大数据服务' } : n)),
      {
        code: 'WZ-1-9',
        name: '数据要素',
        parentCode: 'WZ-1',
        level: 3,
        kind: 'segment',
        keywords: ['数据要素', '数据交易'],
        toBeCompleted: false,
      },
    ])
    const res = await put(officer, 'wenzhou-5n', body)
    expect(res.statusCode).toBe(200)
    const [latest, previous] = res.json().items as System[]
    expect(latest).toMatchObject({ version: before[0]!.version + 1, versionLabel: '2026.1', status: 'active' })
    expect(latest!.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['云计算与大数据服务', '数据要素']))
    expect(previous).toMatchObject({ version: before[0]!.version, status: 'retired' })
    expect(previous!.nodes.map((n) => n.name)).toContain('云计算与大数据')
    const listed = (
      await ctx.app().inject({ method: 'GET', url: '/api/v1/industry-systems?jurisdiction=330300' })
    ).json().items as System[]
    expect(listed.find((s) => s.code === 'wenzhou-5n')?.versionLabel).toBe('2026.1')
  })

  it('refuses a tree whose node has no parent, with a Chinese message, and writes nothing', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const before = await history('wenzhou-5n')
    const body = await wenzhouEdit((nodes) => [
      ...nodes,
      {
        code: 'WZ-X-1',
        name: '孤立节点',
        parentCode: 'WZ-X',
        level: 3,
        kind: 'segment',
        keywords: ['孤立'],
        toBeCompleted: false,
      },
    ])
    const res = await put(officer, 'wenzhou-5n', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain('上级代码 WZ-X 不存在')
    expect(await history('wenzhou-5n')).toHaveLength(before.length)
  })

  it.each<[string, (nodes: Node[]) => Node[], string]>([
    ['a wrong level', (nodes) => nodes.map((n) => (n.code === 'WZ-1-1' ? { ...n, level: 4 } : n)), '层级应为 3'],
    [
      'a leaf without keywords',
      (nodes) => nodes.map((n) => (n.code === 'WZ-1-1' ? { ...n, keywords: [] } : n)),
      '需要关键词',
    ],
    [
      'a slot to be completed without its reason',
      (nodes) => nodes.map((n) => (n.code === 'WZ-1-1' ? { ...n, toBeCompleted: true, note: undefined } : n)),
      '需要填写说明',
    ],
    [
      'an industry group under a segment',
      (nodes) => [
        ...nodes,
        {
          code: 'WZ-G',
          name: '新类别',
          parentCode: 'WZ-1-1',
          level: 4,
          kind: 'group',
          keywords: [],
          toBeCompleted: false,
        },
      ],
      '不能位于细分领域',
    ],
    ['a repeated code', (nodes) => [...nodes, { ...nodes[2]!, name: '重复节点' }], '重复'],
  ])('refuses %s', async (_, change, message) => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const res = await put(officer, 'wenzhou-5n', await wenzhouEdit(change))
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(res.json().error.message).toContain(message)
  })

  it('lets a city officer edit only their own city’s system', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const [huzhou] = await history('huzhou-1366')
    const res = await put(officer, 'huzhou-1366', {
      name: huzhou!.name,
      versionLabel: '9.9',
      source: '不属于本市的修改（测试）',
      nodes: huzhou!.nodes.map((n) => ({ ...n, keywords: n.keywords ?? [] })),
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.message).toContain('本辖区')
    expect((await history('huzhou-1366'))[0]!.version).toBe(huzhou!.version)
  })

  it.each(['districtOfficer', 'centerOperator', 'enterpriseUser', 'expert'] as const)('refuses a %s', async (role) => {
    const session = await signIn(ctx.app(), await createAccount(role))
    const res = await put(session, 'wenzhou-5n', await wenzhouEdit((nodes) => nodes))
    expect(res.statusCode).toBe(403)
  })

  it('asks an anonymous caller to sign in and answers 404 for an unknown system', async () => {
    expect((await put(null, 'wenzhou-5n', await wenzhouEdit((nodes) => nodes))).statusCode).toBe(401)
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const body = await wenzhouEdit((nodes) => nodes)
    expect((await put(officer, 'no-such-system', body)).statusCode).toBe(404)
    expect(
      (await ctx.app().inject({ method: 'GET', url: '/api/v1/industry-systems/no-such/history' })).statusCode,
    ).toBe(404)
  })
})
