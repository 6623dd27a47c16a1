import { describe, expect, it } from 'vitest'
import { withTestApp } from '../../test/app'
import { evaluationFixtures } from './test-fixtures'

const ctx = withTestApp()
const fx = evaluationFixtures(ctx.app)

type Assignment = { id: string; projectId: string; expertId: string; status: string; source: string }
type Expert = Awaited<ReturnType<typeof fx.expert>>

const invitationOf = async (e: Expert, projectId: string) => {
  const list = (await fx.ok(e.session, 'GET', '/api/v1/evaluation-invitations')).items
  return list.find((i: { project: { id: string } }) => i.project.id === projectId) as { id: string } | undefined
}

describe('入库评价: a full round', () => {
  it('creates, assigns without conflicts, replaces a conflicted expert, scores, normalizes, flags an outlier and admits', async () => {
    const { org, operator } = await fx.center()
    const other = await fx.center()
    const applicant = await fx.researcher()
    const p1 = await fx.project(applicant.session, org.id)
    const p2 = await fx.project(applicant.session, org.id, { requestedTypes: ['technical', 'productScenario'] })
    const experts = [
      await fx.expert(operator, ['technical']),
      await fx.expert(operator, ['technical']),
      await fx.expert(operator, ['product']),
      await fx.expert(operator, ['commercial']),
      await fx.expert(operator, ['technical', 'product', 'commercial']),
      await fx.expert(operator, ['technical', 'commercial']),
    ]
    // Left the applicant's university two years ago: same organization within 3 years.
    const left = fx.deadline(-730)
    const conflicted = await fx.expert(operator, ['technical'], {
      keywords: ['柔性', '触觉传感', '固态电池', '电子皮肤', '液态金属'],
      affiliations: [{ organizationId: applicant.account.orgId, from: '2010-01-01', to: left }],
    })
    const byId = new Map([...experts, conflicted].map((e) => [e.id, e]))

    const created = await fx.call(operator, 'POST', '/api/v1/evaluation-rounds', {
      title: '2026 年第一批入库评价',
      projectIds: [p1.id, p2.id],
      deadline: fx.deadline(20),
    })
    expect(created.statusCode, created.body).toBe(201)
    const round = created.json()
    expect(round.criteria.map((c: { name: string; weight: number }) => [c.name, c.weight])).toEqual([
      ['理论创新性', 25],
      ['技术可行性', 25],
      ['市场潜力', 25],
      ['知识产权完整性', 25],
    ])
    expect(round.items.map((i: { tankLabels: string[] }) => i.tankLabels)).toEqual([
      ['技术验证', '商业验证'],
      ['技术验证', '产品验证'],
    ])
    expect((await fx.ok(applicant.session, 'GET', `/api/v1/projects/${p1.id}`)).status).toBe('underEvaluation')

    const assigned = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/assign`, {})
    expect(assigned.run.objective).toMatchObject({ reviews: 6, seats: 6 })
    expect(assigned.run.certified).toBe(true)
    expect(assigned.run.shortProjects).toEqual([])
    expect(assigned.assignments.map((a: Assignment) => a.expertId)).not.toContain(conflicted.id)
    const exclusion = assigned.run.exclusions.find((x: { expertId: string }) => x.expertId === conflicted.id)
    expect(exclusion.reasons[0]).toMatchObject({ kind: 'same-organization' })
    expect(exclusion.reasons[0].detail).toContain(`${left} 结束，未满 3 年`)
    const candidates = await fx.ok(
      operator,
      'GET',
      `/api/v1/evaluation-rounds/${round.id}/candidates?projectId=${p1.id}`,
    )
    const listed = candidates.items.find((c: { expertId: string }) => c.expertId === conflicted.id)
    expect(listed.conflicts[0].detail).toContain('与项目同单位')
    expect(candidates.items[0].reasons.length).toBeGreaterThan(0)

    // An expert sees only the parties before confirming; the project's content after.
    const first = assigned.assignments.find((a: Assignment) => a.projectId === p1.id)!
    const reviewer = byId.get(first.expertId)!
    const invitation = await invitationOf(reviewer, p1.id)
    expect((await fx.call(reviewer.session, 'GET', `/api/v1/projects/${p1.id}`)).statusCode).toBe(404)
    const before = await fx.ok(reviewer.session, 'GET', `/api/v1/evaluation-invitations/${invitation!.id}`)
    expect(before.detail).toBeNull()
    expect(
      (await fx.call(reviewer.session, 'POST', `/api/v1/evaluation-invitations/${invitation!.id}/accept`, {}))
        .statusCode,
    ).toBe(422)
    const confirmed = await fx.ok(
      reviewer.session,
      'POST',
      `/api/v1/evaluation-invitations/${invitation!.id}/confirm-no-conflict`,
      {},
    )
    expect(confirmed.detail.summary).toContain('液态金属')
    expect((await fx.call(reviewer.session, 'GET', `/api/v1/projects/${p1.id}`)).statusCode).toBe(200)

    // Another expert declares a conflict on P2: excluded for good, a replacement invited at once.
    const onP2 = assigned.assignments.find((a: Assignment) => a.projectId === p2.id && a.expertId !== reviewer.id)!
    const leaving = byId.get(onP2.expertId)!
    const leavingInvitation = await invitationOf(leaving, p2.id)
    const declared = await fx.ok(
      leaving.session,
      'POST',
      `/api/v1/evaluation-invitations/${leavingInvitation!.id}/declare-conflict`,
      {
        note: '与项目负责人曾有合作',
      },
    )
    expect(declared.statusLabel).toBe('申报回避')
    const after = await fx.ok(operator, 'GET', `/api/v1/evaluation-rounds/${round.id}/assignment`)
    expect(after.run.triggerLabel).toBe('专家申报回避后自动补选')
    expect(after.run.objective.reviews).toBe(6)
    const onP2Now = after.assignments.filter((a: Assignment) => a.projectId === p2.id)
    expect(onP2Now.map((a: Assignment) => a.expertId)).not.toContain(leaving.id)
    expect(onP2Now).toHaveLength(3)
    expect(
      after.run.exclusions.find(
        (x: { expertId: string; projectId: string }) => x.expertId === leaving.id && x.projectId === p2.id,
      ).reasons[0].detail,
    ).toContain('与项目负责人曾有合作')

    // Everyone on the round confirms, accepts and scores; on P1 one reviewer is far below the others.
    const seats: Assignment[] = after.assignments
    const p1Seats = seats.filter((a) => a.projectId === p1.id)
    const low = p1Seats.find((a) => a.expertId !== reviewer.id)!
    for (const seat of seats) {
      const e = byId.get(seat.expertId)!
      const inv = await invitationOf(e, seat.projectId)
      if (seat.status === 'invited')
        await fx.ok(e.session, 'POST', `/api/v1/evaluation-invitations/${inv!.id}/confirm-no-conflict`, {})
      await fx.ok(e.session, 'POST', `/api/v1/evaluation-invitations/${inv!.id}/accept`, {})
      const score = seat.projectId === p2.id ? 70 : seat.id === low.id ? 25 : 85
      const scores = { innovation: score, feasibility: score, market: score, ip: score }
      await fx.ok(e.session, 'PUT', `/api/v1/evaluation-invitations/${inv!.id}/review`, {
        scores,
        comments: { innovation: '创新性意见：传感结构新颖' },
        overallComment: '技术路线清晰，建议补充中试工艺与成本测算。',
        submit: true,
      })
    }
    const detail = await fx.ok(operator, 'GET', `/api/v1/evaluation-rounds/${round.id}`)
    expect(detail.criteriaLocked).toBe(true)
    expect(detail.progress.submitted).toBe(6)

    const results = await fx.ok(operator, 'GET', `/api/v1/evaluation-rounds/${round.id}/results`)
    const r1 = results.items.find((i: { projectId: string }) => i.projectId === p1.id)
    expect(r1.rawMean).toBe(65)
    const outlier = r1.reviews.find((r: { assignmentId: string }) => r.assignmentId === low.id)
    expect(outlier).toMatchObject({ raw: 25, outlier: true })
    expect(outlier.outlierWhy).toContain('低')
    expect(results.items.flatMap((i: { reviews: { method: string }[] }) => i.reviews.map((r) => r.method))).toContain(
      'zScore',
    )
    expect(results.items.map((i: { rank: number }) => i.rank).sort()).toEqual([1, 2])

    // Admission with reasons (no threshold this round) moves the projects.
    const noReason = await fx.call(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/decisions`, {
      projectId: p1.id,
      decision: 'admitted',
    })
    expect(noReason.statusCode).toBe(400)
    const admitted = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/decisions`, {
      projectId: p1.id,
      decision: 'admitted',
      reason: '技术新颖，团队完整',
    })
    expect(admitted.explanation).toMatch(/^准予入库：综合得分 .*排名第 \d\/2.*理由：技术新颖，团队完整/)
    const otherCenter = await fx.call(other.operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/decisions`, {
      projectId: p2.id,
      decision: 'rejected',
      reason: '越权',
    })
    expect(otherCenter.statusCode).toBe(404)
    const rejected = await fx.ok(operator, 'POST', `/api/v1/evaluation-rounds/${round.id}/decisions`, {
      projectId: p2.id,
      decision: 'rejected',
      reason: '市场规模有限',
    })
    expect(rejected.roundStatus).toBe('closed')
    expect((await fx.ok(applicant.session, 'GET', `/api/v1/projects/${p1.id}`)).statusLabel).toBe('已入库')
    expect((await fx.ok(applicant.session, 'GET', `/api/v1/projects/${p2.id}`)).status).toBe('rejected')

    // The applicant reads the comments as 评审专家 A/B/C, never who wrote them.
    const feedback = await fx.call(applicant.session, 'GET', `/api/v1/projects/${p1.id}/evaluation-feedback`)
    expect(feedback.statusCode).toBe(200)
    const round1 = feedback.json().rounds[0]
    expect(round1.reviewers.map((r: { label: string }) => r.label)).toEqual(['评审专家 A', '评审专家 B', '评审专家 C'])
    expect(round1.explanation).toContain('准予入库')
    for (const e of [...experts, conflicted]) {
      expect(feedback.body).not.toContain(e.id)
      expect(feedback.body).not.toContain(e.account.id)
      expect(feedback.body).not.toContain(e.name)
    }
    expect(feedback.body).toContain('创新性意见：传感结构新颖')
  })
})
