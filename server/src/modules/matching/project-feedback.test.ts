import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { evaluationFixtures } from '../evaluations/test-fixtures'
import { client, newCenter, verifiedProject } from '../verification/testing'
import { matchFeedback } from './schema'

const ctx = withTestApp()
const api = () => client(ctx.app())
const fx = evaluationFixtures(ctx.app)

type Listed = { id: string; judgement?: string }

const judge = (session: Session | null, projectId: string, toType: string, toId: string, kind: string) =>
  api().post(session, '/api/v1/match/feedback', { fromType: 'project', fromId: projectId, toType, toId, kind })

const listed = async (session: Session, projectId: string, toType: string) => {
  const res = await api().get(session, `/api/v1/match/project/${projectId}/${toType}?limit=20`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().results as Listed[]
}

const storedFor = (projectId: string) =>
  db
    .select()
    .from(matchFeedback)
    .where(and(eq(matchFeedback.fromType, 'project'), eq(matchFeedback.fromKey, projectId)))

describe('有意向 / 不相关 on a project’s matches', () => {
  it('stores a judgement on an expert with its features, audits it, and shows it to its author only', async () => {
    const { org, operator } = await fx.center()
    const applicant = await fx.researcher()
    const project = await fx.project(applicant.session, org.id)
    const expert = await fx.expert(operator, ['technical'])

    const res = await judge(operator, project.id, 'expert', expert.id, 'interested')
    expect(res.statusCode, res.body).toBe(200)
    const [row] = await storedFor(project.id)
    expect(row).toMatchObject({ toType: 'expert', toId: expert.id, kind: 'interested' })
    expect(row!.features.bm25).toBeGreaterThan(0)
    const audited = await db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'match.feedback'), eq(auditLog.targetId, expert.id)))
    expect(audited).toEqual([{ detail: { from: 'project', projectId: project.id, kind: 'interested' } }])
    expect((await listed(operator, project.id, 'expert')).find((r) => r.id === expert.id)?.judgement).toBe('interested')

    // Changing one's mind replaces the judgement; an officer who also sees the matches does not see it.
    expect((await judge(operator, project.id, 'expert', expert.id, 'irrelevant')).statusCode).toBe(200)
    expect((await storedFor(project.id)).map((r) => r.kind)).toEqual(['irrelevant'])
    expect((await listed(operator, project.id, 'expert')).find((r) => r.id === expert.id)?.judgement).toBe('irrelevant')
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    expect((await listed(officer, project.id, 'expert')).find((r) => r.id === expert.id)?.judgement).toBeUndefined()
  })

  it('refuses whoever may not see the project’s matches, a conflicted expert and bad input, writing nothing', async () => {
    const { org, operator } = await fx.center()
    const applicant = await fx.researcher()
    const project = await fx.project(applicant.session, org.id)
    const expert = await fx.expert(operator, ['technical'])
    const conflicted = await fx.expert(operator, ['technical'], {
      affiliations: [{ organizationId: applicant.account.orgId, from: '2010-01-01' }],
    })

    const stranger = await fx.researcher()
    expect((await judge(stranger.session, project.id, 'expert', expert.id, 'interested')).statusCode).toBe(404)
    const otherCenter = await fx.center()
    const hidden = await judge(otherCenter.operator, project.id, 'expert', expert.id, 'irrelevant')
    expect(hidden.statusCode).toBe(403)
    expect(hidden.json().error.message).toContain('评审回避')
    expect((await judge(applicant.session, project.id, 'expert', expert.id, 'interested')).statusCode).toBe(403)
    expect((await judge(null, project.id, 'expert', expert.id, 'interested')).statusCode).toBe(401)

    const withdrawn = await judge(operator, project.id, 'expert', conflicted.id, 'interested')
    expect(withdrawn.statusCode).toBe(422)
    expect(withdrawn.json().error.message).toContain('利益冲突')
    const noProject = await api().post(operator, '/api/v1/match/feedback', {
      fromType: 'project',
      toType: 'expert',
      toId: expert.id,
      kind: 'interested',
    })
    expect(noProject.statusCode).toBe(400)
    expect(noProject.json().error.message).toBe('请提供项目编号')
    const wrongTarget = await judge(operator, project.id, 'achievement', expert.id, 'interested')
    expect(wrongTarget.statusCode).toBe(400)
    expect(wrongTarget.json().error.message).toContain('项目可匹配评审专家')
    const wrongKind = await judge(operator, project.id, 'expert', expert.id, 'maybe')
    expect(wrongKind.statusCode).toBe(400)
    expect(wrongKind.body).toContain('反馈应为“有意向”或“不相关”')

    expect(await storedFor(project.id)).toEqual([])
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'match.feedback'), eq(auditLog.outcome, 'success')))
    expect(audited.filter((a) => a.targetId === expert.id || a.targetId === conflicted.id)).toEqual([])
    // The conflicted expert stays withdrawn.
    const res = await api().get(operator, `/api/v1/match/project/${project.id}/expert?limit=20`)
    expect(res.json().excluded.map((e: { id: string }) => e.id)).toContain(conflicted.id)
  })

  it('ranks investors by the re-ranker trained from judgements', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const investor = async (profile: Record<string, unknown>) => {
      const org = await createOrganization({ kind: 'investor', jurisdictionCode: '330302' })
      const session = await signIn(ctx.app(), await createAccount('investor', { orgId: org.id }))
      const saved = await ctx.app().inject({
        method: 'PUT',
        url: '/api/v1/investors/me/profile',
        headers: session.headers,
        payload: {
          kind: 'ventureCapital',
          stages: ['seed'],
          industryCodes: ['huzhou-1366:HZ-1-1'],
          focusKeywords: ['电子皮肤'],
          ticketMinFen: 50_000_000,
          ticketMaxFen: 500_000_000,
          jurisdictionCodes: [],
          introduction: '硬科技投资',
          confidentiality: 'public',
          ...profile,
        },
      })
      expect(saved.statusCode, saved.body).toBe(200)
      return org.id
    }
    // By the fit's weights the exact stage and ticket come first; the center judges the ticket does not matter.
    const exact = await investor({})
    const adjacent = await investor({ stages: ['angel'], ticketMinFen: 1_000_000_000, ticketMaxFen: 2_000_000_000 })
    const order = async () => (await listed(center.session, project.id, 'investor')).map((r) => r.id)
    const before = await order()
    expect(before.indexOf(exact)).toBeLessThan(before.indexOf(adjacent))
    expect((await judge(center.session, project.id, 'investor', exact, 'irrelevant')).statusCode).toBe(200)
    expect((await judge(center.session, project.id, 'investor', adjacent, 'interested')).statusCode).toBe(200)
    const after = await order()
    expect(after.indexOf(adjacent)).toBeLessThan(after.indexOf(exact))
  })

  it('learns from judgements on some projects’ experts and reorders the experts of another', async () => {
    const { org, operator } = await fx.center()
    const applicant = await fx.researcher()
    // Per topic: one expert naming every word of the project, one naming its topic only.
    const topics = ['钠离子电池正极', '氢燃料电池膜电极', '钙钛矿光伏组件', '固态锂电池电解质']
    const cases: { projectId: string; wordy: string; focused: string }[] = []
    for (const topic of topics) {
      const project = await fx.project(applicant.session, org.id, {
        title: `${topic}中试放大验证`,
        summary: `${topic}的制备工艺优化与性能验证，开展${topic}循环寿命评估、成本核算与量产可行性分析。`,
      })
      const wordy = await fx.expert(operator, ['technical'], {
        keywords: [topic, '制备工艺', '性能验证', '循环寿命', '成本核算', '量产可行性', '中试放大'],
      })
      const focused = await fx.expert(operator, ['technical'], { keywords: [topic] })
      cases.push({ projectId: project.id, wordy: wordy.id, focused: focused.id })
    }
    const order = async (projectId: string) => (await listed(operator, projectId, 'expert')).map((r) => r.id)
    const heldOut = cases.at(-1)!
    const before = await order(heldOut.projectId)
    expect(before.indexOf(heldOut.wordy)).toBeLessThan(before.indexOf(heldOut.focused))
    for (const c of cases.slice(0, -1)) {
      expect((await judge(operator, c.projectId, 'expert', c.wordy, 'irrelevant')).statusCode).toBe(200)
      expect((await judge(operator, c.projectId, 'expert', c.focused, 'interested')).statusCode).toBe(200)
    }
    const after = await order(heldOut.projectId)
    expect(after.indexOf(heldOut.focused)).toBeGreaterThanOrEqual(0)
    expect(after.indexOf(heldOut.focused)).toBeLessThan(after.indexOf(heldOut.wordy))

    // A judged result stays listed, marked, however far the re-ranker moved it.
    const judged = cases[0]!
    const top = await api().get(operator, `/api/v1/match/project/${judged.projectId}/expert?limit=1`)
    expect(top.json().results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: judged.wordy, judgement: 'irrelevant' }),
        expect.objectContaining({ id: judged.focused, judgement: 'interested' }),
      ]),
    )
  })
})
