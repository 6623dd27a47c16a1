import { describe, expect, it } from 'vitest'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'

const ctx = withTestApp()

const ROBOT = 'wenzhou-5n:WZ-4-3'
const achievement = (title: string, summary: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary,
  trl: 5,
  maturity: 'sample',
  transferModes: ['license'],
  confidentiality: 'public',
  ...extra,
})
const demand = (title: string, description: string, extra: Record<string, unknown> = {}) => ({
  title,
  description,
  keywords: [],
  industryCodes: [ROBOT],
  budgetNegotiable: true,
  deadline: addDays(todayInShanghai(now()), 60),
  cooperationModes: ['jointDevelopment'],
  confidentiality: 'public',
  ...extra,
})

async function create(session: Session, url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await ctx.app().inject({ method: 'POST', url, headers: session.headers, payload })
  if (res.statusCode !== 201) throw new Error(res.body)
  const body = res.json()
  return (body.achievement ?? body.demand ?? body).id
}

describe('matching', () => {
  it('answers free text over the achievements the caller may see, each with reasons', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const open = await create(
      researcher,
      '/api/v1/achievements',
      achievement(
        '焊缝缺陷视觉检测算法',
        '基于深度学习的焊缝表面缺陷视觉检测算法，适用于钢结构与管道焊接质量在线检测，检出率百分之九十九。',
      ),
    )
    const hidden = await create(
      researcher,
      '/api/v1/achievements',
      achievement(
        '保密的焊缝检测改进',
        '焊缝缺陷视觉检测的保密改进方案，仅限本单位内部评估使用，包含未公开的工艺参数与数据集。',
        { confidentiality: 'secret' },
      ),
    )
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/match/achievements',
      payload: { text: '我们需要焊缝缺陷的视觉检测', limit: 10 },
    })
    expect(res.statusCode).toBe(200)
    const results = res.json().results as { id: string; reasons: string[]; why: { matchedTerms: { word: string }[] } }[]
    expect(results[0]!.id).toBe(open)
    expect(results.map((r) => r.id)).not.toContain(hidden)
    expect(results[0]!.reasons.length).toBeGreaterThan(0)
    expect(results[0]!.why.matchedTerms.map((t) => t.word)).toEqual(expect.arrayContaining(['焊缝']))
    expect(
      (await ctx.app().inject({ method: 'POST', url: '/api/v1/match/achievements', payload: { text: '', limit: 10 } }))
        .statusCode,
    ).toBe(400)
  })

  it('finds achievements for a demand and explains the shared industry chain', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const match = await create(
      researcher,
      '/api/v1/achievements',
      achievement(
        '协作机器人柔性抓取末端执行器',
        '面向工业机器人装配场景的柔性抓取末端执行器，集成力觉反馈，可抓取易碎与异形零件，节拍提升百分之二十。',
        { industryCodes: [ROBOT] },
      ),
    )
    const need = await create(
      enterprise,
      '/api/v1/demands',
      demand(
        '装配线机器人柔性抓取易碎零件',
        '装配线需要工业机器人抓取玻璃与陶瓷易碎零件，现有夹爪破损率高，希望采用柔性抓取与力觉反馈方案。',
      ),
    )
    const res = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/match/demand/${need}/achievement?limit=5`, headers: enterprise.headers })
    expect(res.statusCode).toBe(200)
    const top = res.json().results[0]
    expect(top.id).toBe(match)
    expect(top.why.shared).toEqual(
      expect.arrayContaining([expect.objectContaining({ attribute: 'industry', values: [ROBOT] })]),
    )
    const unsupported = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/match/demand/${need}/demand`, headers: enterprise.headers })
    expect(unsupported.statusCode).toBe(400)
  })

  it('never matches records on the connectives of technical prose (用于, 面向, 达到, 要求)', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const electrode = await create(
      researcher,
      '/api/v1/achievements',
      achievement(
        '镍铁基析氧催化电极',
        '面向碱性电解水制氢，用于大电流密度析氧反应的镍铁基催化电极，过电位达到两百毫伏以下，满足工业要求。',
      ),
    )
    await create(
      enterprise,
      '/api/v1/demands',
      demand(
        '可降解运动鞋底配方',
        '面向运动鞋品牌，寻求用于鞋底的生物基可降解弹性配方，耐磨达到国家标准要求，成本可控。',
        { industryCodes: [] },
      ),
    )
    const res = await ctx.app().inject({
      method: 'GET',
      url: `/api/v1/match/achievement/${electrode}/demand?limit=20`,
      headers: researcher.headers,
    })
    expect(res.statusCode).toBe(200)
    const results = res.json().results as { title: string; why: { matchedTerms: { word: string }[] } }[]
    expect(results.map((r) => r.title)).not.toContain('可降解运动鞋底配方')
    for (const r of results)
      for (const word of ['用于', '面向', '达到', '要求'])
        expect(r.why.matchedTerms.map((t) => t.word)).not.toContain(word)
  })

  it('learns from 有意向 / 不相关: feedback on some demands reorders the results of another', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const text = (topic: string) => `${topic}的激光切割工艺参数优化，提升切割速度与断面质量，减少挂渣与热影响区。`
    // Per topic: one achievement with the words but another industry, one with fewer words in the demand's chain.
    const topics = ['不锈钢薄板', '铝合金型材', '碳纤维复合材料', '铜箔']
    const pairs: { need: string; wordy: string; inChain: string }[] = []
    for (const topic of topics) {
      const wordy = await create(
        researcher,
        '/api/v1/achievements',
        achievement(`${topic}激光切割工艺参数优化`, text(topic), { industryCodes: ['wenzhou-5n:WZ-1-2'] }),
      )
      const inChain = await create(
        researcher,
        '/api/v1/achievements',
        achievement(`${topic}智能切割机器人工作站`, `面向${topic}加工的机器人切割工作站，集成视觉定位与激光切割头。`, {
          industryCodes: [ROBOT],
        }),
      )
      const need = await create(enterprise, '/api/v1/demands', demand(`${topic}激光切割质量提升`, text(topic)))
      pairs.push({ need, wordy, inChain })
    }
    const order = async (need: string) =>
      (
        (
          await ctx.app().inject({
            method: 'GET',
            url: `/api/v1/match/demand/${need}/achievement?limit=20`,
            headers: enterprise.headers,
          })
        ).json().results as { id: string }[]
      ).map((r) => r.id)
    const heldOut = pairs.at(-1)!
    const before = await order(heldOut.need)
    expect(before.indexOf(heldOut.wordy)).toBeLessThan(before.indexOf(heldOut.inChain))
    for (const p of pairs.slice(0, -1)) {
      for (const [toId, kind] of [
        [p.inChain, 'interested'],
        [p.wordy, 'irrelevant'],
      ] as const) {
        const res = await ctx.app().inject({
          method: 'POST',
          url: '/api/v1/match/feedback',
          headers: enterprise.headers,
          payload: { fromType: 'demand', fromId: p.need, toType: 'achievement', toId, kind },
        })
        expect(res.statusCode, res.body).toBe(200)
      }
    }
    const after = await order(heldOut.need)
    expect(after.indexOf(heldOut.inChain)).toBeLessThan(after.indexOf(heldOut.wordy))
  })

  it('refuses feedback from a visitor and on a result that is not in the match', async () => {
    const visitor = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/match/feedback',
      payload: {
        fromType: 'text',
        text: '焊缝',
        toType: 'achievement',
        toId: '01a20000-0000-7000-8000-000000000000',
        kind: 'interested',
      },
    })
    expect(visitor.statusCode).toBe(401)
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const stray = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/match/feedback',
      headers: enterprise.headers,
      payload: {
        fromType: 'text',
        text: '焊缝',
        toType: 'achievement',
        toId: '01a20000-0000-7000-8000-000000000000',
        kind: 'interested',
      },
    })
    expect(stray.statusCode).toBe(422)
  })
})
