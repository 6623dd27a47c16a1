import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { advanceClock, resetClock } from '../../platform/clock/clock'
import { signIn, withTestApp } from '../../test/app'
import { evaluationRounds } from './schema'
import { evaluationFixtures } from './test-fixtures'

const ctx = withTestApp()
const fx = evaluationFixtures(ctx.app)

type Assignment = { id: string; projectId: string; expertId: string; status: string; source: string }

const topics = [
  '钙钛矿光伏',
  '海水淡化膜',
  '微流控芯片',
  '骨科植入物',
  '氢燃料电池',
  '工业视觉检测',
  '量子点显示',
  '生物降解塑料',
]
let roundCount = 0

/** A round over one project on its own topic, with experts who match that topic only (tests share a database). */
async function roundWith(experts: number, tanks: string[][] = []) {
  const topic = topics[roundCount++ % topics.length]!
  const { org, operator, account } = await fx.center()
  const applicant = await fx.researcher()
  const project = await fx.project(applicant.session, org.id, {
    title: `${topic}关键工艺验证`,
    summary: `面向${topic}的新型工艺与器件，已完成实验室原理样件，需要开展技术可行性验证与商业评估。`,
    requestedTypes: ['technical'],
  })
  const pool = []
  for (let i = 0; i < experts; i++)
    pool.push(await fx.expert(operator, tanks[i] ?? ['technical'], { keywords: [topic] }))
  const round = await fx.ok(operator, 'POST', '/api/v1/evaluation-rounds', {
    title: '入库评价规则测试轮次',
    projectIds: [project.id],
    deadline: fx.deadline(3),
  })
  return { org, operator, account, applicant, project, pool, round }
}

const invitation = async (session: Parameters<typeof fx.ok>[0]) =>
  (await fx.ok(session, 'GET', '/api/v1/evaluation-invitations')).items[0] as { id: string }

describe('入库评价: rules of a round', () => {
  it('edits criteria before scoring starts and locks them once the first score is saved', async () => {
    const { operator, pool, round } = await roundWith(3)
    const weights = [
      { name: '理论创新性', weight: 30 },
      { name: '技术可行性', weight: 30 },
      { name: '市场潜力', weight: 20 },
      { name: '知识产权布局', weight: 20 },
    ]
    const bad = await fx.call(operator, 'PATCH', `/api/v1/evaluation-rounds/${round.id}`, {
      criteria: weights.map((w) => ({ ...w, weight: 10 })),
      version: 1,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('权重之和应为 100')
    const edited = await fx.ok(operator, 'PATCH', `/api/v1/evaluation-rounds/${round.id}`, {
      criteria: weights,
      version: 1,
    })
    expect(edited.criteria.map((c: { key: string; weight: number }) => [c.key, c.weight])).toEqual([
      ['innovation', 30],
      ['feasibility', 30],
      ['market', 20],
      ['c1', 20],
    ])
    const assigned = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    const reviewer = pool.find((e) => e.id === assigned.assignments[0].expertId)!
    const inv = await invitation(reviewer.session)
    await fx.ok(reviewer.session, 'POST', `/api/v1/evaluation-invitations/${inv.id}/confirm-no-conflict`, {})
    await fx.ok(reviewer.session, 'POST', `/api/v1/evaluation-invitations/${inv.id}/accept`, {})
    const unknown = await fx.call(reviewer.session, 'PUT', `/api/v1/evaluation-invitations/${inv.id}/review`, {
      scores: { ip: 80 },
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.message).toBe('不是本轮的评价指标')
    const incomplete = await fx.call(reviewer.session, 'PUT', `/api/v1/evaluation-invitations/${inv.id}/review`, {
      scores: { c1: 80 },
      submit: true,
    })
    expect(incomplete.statusCode).toBe(400)
    const draft = await fx.ok(reviewer.session, 'PUT', `/api/v1/evaluation-invitations/${inv.id}/review`, {
      scores: { c1: 80 },
    })
    expect(draft).toMatchObject({ status: 'accepted', scores: { c1: 80 }, canScore: true })
    const locked = await fx.call(operator, 'PATCH', `/api/v1/evaluation-rounds/${round.id}`, {
      criteria: weights.map((w, i) => ({ ...w, weight: i === 0 ? 40 : i === 1 ? 20 : w.weight })),
      version: 2,
    })
    expect(locked.statusCode).toBe(422)
    expect(locked.json().error.message).toContain('评价指标与权重已锁定')
    // Other settings stay editable.
    const deadline = await fx.ok(operator, 'PATCH', `/api/v1/evaluation-rounds/${round.id}`, {
      deadline: fx.deadline(10),
      version: 2,
    })
    expect(deadline).toMatchObject({ criteriaLocked: true, version: 3 })
  })

  it('keeps pinned and accepted reviewers on a rerun, never assigns a forbidden pair, replaces a decline', async () => {
    const { operator, pool, round, project } = await roundWith(6)
    const first = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    const chosen = new Set(first.assignments.map((a: Assignment) => a.expertId))
    const outside = pool.filter((e) => !chosen.has(e.id))
    expect(outside).toHaveLength(3)
    const [pinned, forbidden] = [outside[0]!, outside[1]!]
    // One reviewer accepts; the organizer pins an expert who was not chosen and forbids another.
    const acceptedId = first.assignments[0].expertId as string
    const acceptor = pool.find((e) => e.id === acceptedId)!
    const inv = await invitation(acceptor.session)
    await fx.ok(acceptor.session, 'POST', `/api/v1/evaluation-invitations/${inv.id}/confirm-no-conflict`, {})
    await fx.ok(acceptor.session, 'POST', `/api/v1/evaluation-invitations/${inv.id}/accept`, {})
    await fx.ok(operator, 'PUT', `/api/v1/evaluation-rounds/${round.id}/pairs`, {
      projectId: project.id,
      expertId: pinned.id,
      kind: 'pin',
    })
    await fx.ok(operator, 'PUT', `/api/v1/evaluation-rounds/${round.id}/pairs`, {
      projectId: project.id,
      expertId: forbidden.id,
      kind: 'forbid',
      note: '近期与申报单位洽谈合作',
    })
    for (let run = 0; run < 2; run++) {
      const again = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
      const ids = again.assignments.map((a: Assignment) => a.expertId)
      expect(ids).toContain(acceptedId)
      expect(ids).toContain(pinned.id)
      expect(ids).not.toContain(forbidden.id)
      expect(again.assignments.find((a: Assignment) => a.expertId === pinned.id).source).toBe('pinned')
      expect(again.assignments.find((a: Assignment) => a.expertId === acceptedId).status).toBe('accepted')
      expect(again.run.exclusions.find((x: { expertId: string }) => x.expertId === forbidden.id)).toMatchObject({
        forbidden: true,
        note: '近期与申报单位洽谈合作',
      })
    }
    // Of the first run's two other reviewers one seat is left: the other invitation is withdrawn and disappears.
    const current = await fx.ok(operator, 'GET', `/api/v1/evaluation-rounds/${round.id}/assignment`)
    const others = first.assignments.filter((a: Assignment) => a.expertId !== acceptedId)
    const gone = others.filter(
      (o: Assignment) => !current.assignments.some((a: Assignment) => a.expertId === o.expertId),
    )
    expect(gone).toHaveLength(1)
    const goneExpert = pool.find((e) => e.id === gone[0].expertId)!
    expect((await fx.ok(goneExpert.session, 'GET', '/api/v1/evaluation-invitations')).items).toEqual([])

    // The pinned expert declines: the pin goes, a replacement is invited.
    const pinnedInv = await invitation(pinned.session)
    const declined = await fx.ok(pinned.session, 'POST', `/api/v1/evaluation-invitations/${pinnedInv.id}/decline`, {
      reason: '出差无法按期完成',
    })
    expect(declined.statusLabel).toBe('已谢绝')
    const after = await fx.ok(operator, 'GET', `/api/v1/evaluation-rounds/${round.id}`)
    expect(after.pairRules).toEqual([expect.objectContaining({ expertId: forbidden.id, kind: 'forbid' })])
    expect(after.lastRun.triggerLabel).toBe('专家谢绝后自动补选')
    const seats = after.items[0].assignments.filter((a: Assignment) =>
      ['invited', 'confirmed', 'accepted'].includes(a.status),
    )
    expect(seats).toHaveLength(3)
    expect(seats.map((a: Assignment) => a.expertId)).not.toContain(pinned.id)
    expect(seats.map((a: Assignment) => a.expertId)).not.toContain(forbidden.id)
  })

  it('refuses to pin an expert with a conflict of interest, saying why, and keeps no rule', async () => {
    const { operator, applicant, round, project } = await roundWith(3)
    const colleague = await fx.expert(operator, ['technical'], {
      affiliations: [{ organizationId: applicant.account.orgId, from: '2010-01-01' }],
    })
    const pin = await fx.call(operator, 'PUT', `/api/v1/evaluation-rounds/${round.id}/pairs`, {
      projectId: project.id,
      expertId: colleague.id,
      kind: 'pin',
    })
    expect(pin.statusCode).toBe(422)
    expect(pin.json().error.message).toMatch(/^不能固定该专家：存在利益冲突，必须回避（.+）$/)
    const after = await fx.ok(operator, 'GET', `/api/v1/evaluation-rounds/${round.id}`)
    expect(JSON.stringify(after)).not.toContain(colleague.id)
    // Forbidding the same pair is always allowed.
    await fx.ok(operator, 'PUT', `/api/v1/evaluation-rounds/${round.id}/pairs`, {
      projectId: project.id,
      expertId: colleague.id,
      kind: 'forbid',
      note: '与申报单位同属一个单位',
    })
  })

  it('shows who is short and why when there are not enough experts', async () => {
    const { operator, round } = await roundWith(2)
    const result = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    expect(result.run.objective).toMatchObject({ reviews: 2, seats: 3 })
    expect(result.run.shortProjects[0]).toMatchObject({ needed: 3, assigned: 2 })
    expect(result.run.shortProjects[0].reasons[0].message).toContain('席位')
  })

  it('refuses projects outside the center’s pool or not submitted, in Chinese, writing nothing', async () => {
    const { org, operator } = await fx.center()
    const other = await fx.center()
    const applicant = await fx.researcher()
    const elsewhere = await fx.project(applicant.session, other.org.id)
    const draft = await fx.project(applicant.session, org.id, { submit: false })
    const before = Number((await db.select({ n: count() }).from(evaluationRounds))[0]!.n)
    for (const projectId of [elsewhere.id, draft.id]) {
      const res = await fx.call(operator, 'POST', '/api/v1/evaluation-rounds', {
        title: '越权的评价轮次',
        projectIds: [projectId],
        deadline: fx.deadline(),
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.message).toMatch(/不在本中心的项目库中|只有已申报的项目可以纳入评价/)
    }
    const past = await fx.call(operator, 'POST', '/api/v1/evaluation-rounds', {
      title: '截止日期已过的轮次',
      projectIds: [draft.id],
      deadline: fx.deadline(-1),
    })
    expect(past.statusCode).toBe(400)
    expect(Number((await db.select({ n: count() }).from(evaluationRounds))[0]!.n)).toBe(before)
  })

  it('lets no other center see or run the round, and no other expert see an invitation', async () => {
    const { operator, round, pool } = await roundWith(3)
    const other = await fx.center()
    for (const [method, url, payload] of [
      ['GET', `/api/v1/evaluation-rounds/${round.id}`, undefined],
      ['POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {}],
      ['PATCH', `/api/v1/evaluation-rounds/${round.id}`, { title: '他人修改的名称', version: 1 }],
      ['GET', `/api/v1/evaluation-rounds/${round.id}/results`, undefined],
    ] as const) {
      expect((await fx.call(other.operator, method, url, payload)).statusCode, `${method} ${url}`).toBe(404)
    }
    expect((await fx.ok(other.operator, 'GET', '/api/v1/evaluation-rounds')).items).toEqual([])
    const assigned = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    const stranger = await fx.expert(operator, ['technical'], { keywords: ['水产养殖'] })
    expect(
      (await fx.call(stranger.session, 'GET', `/api/v1/evaluation-invitations/${assigned.assignments[0].id}`))
        .statusCode,
    ).toBe(404)
    expect(pool).toHaveLength(3)
  })

  it('lists a review to do on the expert’s home page, with a countdown once it is due within N working days', async () => {
    const { operator, round, pool } = await roundWith(3)
    await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    await fx.ok(operator, 'PATCH', `/api/v1/evaluation-rounds/${round.id}`, { reminderWorkdays: 10, version: 1 })
    const expert = pool[0]!.session
    const home = await fx.ok(expert, 'GET', '/api/v1/home/summary')
    expect(home.cards.find((c: { key: string }) => c.key === 'pendingReviews').value).toBe(1)
    expect(home.todos.find((t: { key: string }) => t.key === `review-${round.id}`).title).toMatch(
      /有 1 项评审待完成，剩 \d 个工作日截止/,
    )
    const centerHome = await fx.ok(operator, 'GET', '/api/v1/home/summary')
    expect(centerHome.cards.find((c: { key: string }) => c.key === 'pendingRoundReviews').value).toBe(3)
    expect(centerHome.todos.find((t: { key: string }) => t.key === `round-${round.id}`).title).toContain(
      '尚有 3 份评审未提交',
    )
    const due = await fx.ok(expert, 'GET', '/api/v1/evaluation-invitations?dueWithinWorkdays=10')
    expect(due.items).toHaveLength(1)
    expect(due.items[0].workdaysLeft).toBeGreaterThanOrEqual(1)
    // Forty calendar days away is more than ten working days: no reminder yet.
    await fx.ok(operator, 'PATCH', `/api/v1/evaluation-rounds/${round.id}`, { deadline: fx.deadline(40), version: 2 })
    expect((await fx.ok(expert, 'GET', '/api/v1/evaluation-invitations?dueWithinWorkdays=10')).items).toEqual([])
    // Still a 待办, with its date instead of a countdown.
    const quiet = await fx.ok(expert, 'GET', '/api/v1/home/summary')
    expect(quiet.todos.find((t: { key: string }) => t.key === `review-${round.id}`).title).toMatch(
      /有 1 项评审待完成，\d{4}-\d{2}-\d{2} 截止$/,
    )
  })

  it('decides only once every review is in or the deadline has passed; reviews still open are then withdrawn', async () => {
    const { operator, account, round, pool, project } = await roundWith(3)
    const assigned = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    const [first, ...rest] = assigned.assignments.map((a: Assignment) => pool.find((e) => e.id === a.expertId)!)
    const inv = await invitation(first!.session)
    await fx.ok(first!.session, 'POST', `/api/v1/evaluation-invitations/${inv.id}/confirm-no-conflict`, {})
    await fx.ok(first!.session, 'POST', `/api/v1/evaluation-invitations/${inv.id}/accept`, {})
    const scores = { innovation: 88, feasibility: 80, market: 76, ip: 70 }
    await fx.ok(first!.session, 'PUT', `/api/v1/evaluation-invitations/${inv.id}/review`, {
      scores,
      overallComment: '原理清楚，工艺窗口需进一步验证。',
      submit: true,
    })
    const decision = { projectId: project.id, decision: 'admitted', reason: '专家意见积极' }
    const early = await fx.call(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/decisions`, decision)
    expect(early.statusCode).toBe(422)
    expect(early.json().error.message).toContain('尚有 2 份评审未提交')
    advanceClock(5 * 86_400_000)
    try {
      const late = await fx.call(rest[0]!.session, 'GET', '/api/v1/evaluation-invitations')
      expect(late.statusCode).toBe(401)
      const organizer = await signIn(ctx.app(), account)
      const decided = await fx.ok(organizer, 'POST', `/api/v1/evaluation-rounds/${round.id}/decisions`, decision)
      expect(decided).toMatchObject({ projectStatus: '已入库', roundStatus: 'closed' })
      expect(decided.explanation).toContain('综合得分 78.5')
      for (const expert of rest) {
        const session = await signIn(ctx.app(), expert.account)
        expect((await fx.ok(session, 'GET', '/api/v1/evaluation-invitations')).items).toEqual([])
      }
      const detail = await fx.ok(organizer, 'GET', `/api/v1/evaluation-rounds/${round.id}`)
      expect(detail.items[0].assignments.map((a: Assignment) => a.status)).toEqual(['submitted'])
    } finally {
      resetClock()
    }
  })
})
