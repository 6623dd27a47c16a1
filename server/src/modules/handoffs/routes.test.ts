import { describe, expect, it } from 'vitest'
import { withTestApp } from '../../test/app'
import { admittedProject, client, newCenter, newPilotPlatform, verifiedProject } from '../verification/testing'

const ctx = withTestApp()
const api = () => client(ctx.app())

describe('验证-中试 hand-off', () => {
  it('suggests pilot platforms by capability, field and distance, and gives sight only to those offered', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const near = await newPilotPlatform(ctx.app(), {
      area: '330502',
      name: '湖州具身智能机器人中试平台',
      capability: '机器人电子皮肤与触觉传感器中试线',
      level: 'provincial',
    })
    const far = await newPilotPlatform(ctx.app(), {
      area: '350206',
      name: '厦门食品发酵中试平台',
      at: [118.15, 24.5],
      capability: '食品发酵工艺放大',
    })
    const other = await newPilotPlatform(ctx.app(), { area: '330302', at: [120.65, 28.02] })
    const suggestions = await api().get(center.session, `/api/v1/projects/${project.id}/pilot-suggestions?limit=20`)
    expect(suggestions.statusCode, suggestions.body).toBe(200)
    const ranked = suggestions.json().items.map((s: { carrierId: string }) => s.carrierId)
    expect(ranked).toContain(near.carrierId)
    expect(ranked.indexOf(near.carrierId)).toBeLessThan(ranked.indexOf(far.carrierId))
    const best = suggestions.json().items[ranked.indexOf(near.carrierId)]
    expect(best).toMatchObject({ levelLabel: '省级', offerStatus: null, distanceKm: expect.any(Number) })
    expect(best.reasons.length).toBeGreaterThan(0)
    // Reasons are Chinese throughout: the index's attribute codes (相同capability：pilot) never reach a person.
    expect(best.reasons).toContain('已认定级别：省级')
    expect(best.reasons.join('\n')).toMatch(/具备所需能力：.*中试/)
    for (const line of best.reasons) expect(line).not.toMatch(/[A-Za-z]{3,}/)

    expect((await api().get(near.session, `/api/v1/projects/${project.id}`)).statusCode).toBe(404)
    const offer = { carrierIds: [near.carrierId, far.carrierId], message: '项目已完成概念验证，拟开展小批量试制' }
    const offered = await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, offer)
    expect(offered.statusCode, offered.body).toBe(201)
    const [toNear, toFar] = offered.json().items
    expect(toNear).toMatchObject({ status: 'offered', statusLabel: '待中试平台答复', canManage: true })
    expect((await api().get(near.session, `/api/v1/projects/${project.id}`)).statusCode).toBe(200)
    expect((await api().get(near.session, `/api/v1/projects/${project.id}/verification`)).statusCode).toBe(200)
    expect((await api().get(other.session, `/api/v1/projects/${project.id}`)).statusCode).toBe(404)
    expect((await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, offer)).statusCode).toBe(409)

    expect(
      (await api().post(far.session, `/api/v1/handoffs/${toFar.id}/respond`, { decision: 'decline' })).statusCode,
    ).toBe(400)
    const declined = await api().post(far.session, `/api/v1/handoffs/${toFar.id}/respond`, {
      decision: 'decline',
      reason: '本平台不具备电子皮肤产线',
    })
    expect(declined.json()).toMatchObject({ status: 'declined', responseReason: '本平台不具备电子皮肤产线' })
    expect((await api().get(far.session, `/api/v1/projects/${project.id}`)).statusCode).toBe(404)
    expect(
      (await api().post(other.session, `/api/v1/handoffs/${toNear.id}/respond`, { decision: 'accept' })).statusCode,
    ).toBe(404)
    expect(
      (await api().post(center.session, `/api/v1/handoffs/${toNear.id}/respond`, { decision: 'accept' })).statusCode,
    ).toBe(403)

    const accepted = await api().post(near.session, `/api/v1/handoffs/${toNear.id}/respond`, { decision: 'accept' })
    expect(accepted.json()).toMatchObject({ status: 'accepted', canRespond: true })
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('handedOff')
    expect(
      (await api().post(near.session, `/api/v1/handoffs/${toNear.id}/respond`, { decision: 'accept' })).statusCode,
    ).toBe(422)
    const withdraw = await api().post(center.session, `/api/v1/handoffs/${toNear.id}/withdraw`, {
      reason: '改派其他平台',
    })
    expect(withdraw.statusCode).toBe(422)

    expect((await api().get(near.session, `/api/v1/projects/${project.id}/handoffs`)).json().items).toHaveLength(1)
    expect((await api().get(center.session, `/api/v1/projects/${project.id}/handoffs`)).json().items).toHaveLength(2)
    expect((await api().get(near.session, '/api/v1/handoffs')).json().items.map((h: { id: string }) => h.id)).toEqual([
      toNear.id,
    ])
    expect((await api().get(other.session, '/api/v1/handoffs')).json().items).toEqual([])
  })

  it('offers only verified projects, and only the center in charge offers', async () => {
    const center = await newCenter(ctx.app())
    const platform = await newPilotPlatform(ctx.app())
    const admitted = await admittedProject(ctx.app(), center.orgId)
    const offer = { carrierIds: [platform.carrierId], message: '请评估中试可行性' }
    expect((await api().post(center.session, `/api/v1/projects/${admitted.id}/handoffs`, offer)).statusCode).toBe(422)
    const project = await verifiedProject(ctx.app(), center)
    const sameCity = await newCenter(ctx.app(), '330302')
    expect((await api().post(sameCity.session, `/api/v1/projects/${project.id}/handoffs`, offer)).statusCode).toBe(403)
    const notPlatform = { ...offer, carrierIds: [sameCity.carrierId] }
    expect((await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, notPlatform)).statusCode).toBe(
      400,
    )
    const offered = (await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, offer)).json().items[0]
    const withdrawn = await api().post(center.session, `/api/v1/handoffs/${offered.id}/withdraw`, {
      reason: '申报单位另有安排',
    })
    expect(withdrawn.json().status).toBe('withdrawn')
    expect((await api().get(platform.session, `/api/v1/projects/${project.id}`)).statusCode).toBe(404)
  })

  it('takes pilot milestones and findings about the project’s own stages; a reopened finding closes only after its stage passes again', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const otherProject = await verifiedProject(ctx.app(), center)
    const platform = await newPilotPlatform(ctx.app())
    const offer = { carrierIds: [platform.carrierId], message: '请开展工程化开发' }
    const handoff = (await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, offer)).json().items[0]
    const early = await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/milestones`, {
      title: '首批试制',
      dueDate: '2030-01-01',
    })
    expect(early.statusCode).toBe(422)
    await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/respond`, { decision: 'accept' })
    const late = await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/milestones`, {
      title: '补记的节点',
      dueDate: '2020-01-01',
    })
    expect(late.statusCode).toBe(400)
    expect(late.json().error.details.fields).toEqual([{ path: 'dueDate', message: '计划完成日期不能早于今天' }])
    const planned = await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/milestones`, {
      title: '首批试制',
      dueDate: '2030-01-01',
    })
    const milestoneId = planned.json().milestones[0].id
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    expect(
      (await api().post(platform.session, `/api/v1/pilot-milestones/${milestoneId}/done`, { doneDate: today })).json()
        .milestones[0].doneDate,
    ).toBe(today)
    expect(
      (await api().post(platform.session, `/api/v1/pilot-milestones/${milestoneId}/done`, { doneDate: today }))
        .statusCode,
    ).toBe(422)

    const wrongStage = { description: '量产良率偏低', severity: 'major', stageId: otherProject.stageId }
    expect((await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/findings`, wrongStage)).statusCode).toBe(
      400,
    )
    const found = await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/findings`, {
      ...wrongStage,
      stageId: project.stageId,
    })
    const finding = found.json().findings[0]
    expect(finding).toMatchObject({
      severityLabel: '重要',
      stageLabel: '商业可行性验证',
      statusLabel: '待验证中心处理',
    })
    expect(
      (
        await api().post(platform.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
          action: 'resolve',
          note: '已处理完毕',
        })
      ).statusCode,
    ).toBe(403)
    const reopened = await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
      action: 'reopen',
      note: '需复核成本模型',
    })
    expect(reopened.json().findings[0].status).toBe('reopened')
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('verifying')
    const tooEarly = await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
      action: 'resolve',
      note: '成本模型已复核',
    })
    expect(tooEarly.statusCode).toBe(422)
    expect(
      (
        await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
          action: 'reopen',
          note: '再次开启',
        })
      ).statusCode,
    ).toBe(422)
  })

  it('refuses 完成中试 while its own critical finding has the project back in verification, and until its nodes are done', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const platform = await newPilotPlatform(ctx.app())
    const offer = { carrierIds: [platform.carrierId], message: '请开展工程化开发' }
    const handoff = (await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, offer)).json().items[0]
    await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/respond`, { decision: 'accept' })
    const milestoneId = (
      await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/milestones`, {
        title: '首批试制',
        dueDate: '2030-01-01',
      })
    ).json().milestones[0].id
    const finding = (
      await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/findings`, {
        description: '量产成本高出商业可行性测算 40%',
        severity: 'critical',
        stageId: project.stageId,
      })
    ).json().findings[0]
    await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
      action: 'reopen',
      note: '复核成本模型',
    })
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('verifying')
    const report = (await api().get(null, `/api/v1/verification-reports/${project.reportCode}`)).json()
    expect(report).toMatchObject({ valid: false, current: false, reopenedOn: expect.any(String) })

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const complete = () =>
      api().post(platform.session, `/api/v1/handoffs/${handoff.id}/complete`, {
        completedOn: today,
        note: '小批量试制完成，良率 95%',
      })
    const whileReopened = await complete()
    expect(whileReopened.statusCode).toBe(422)
    expect(whileReopened.json().error.message).toBe(
      '暂不能完成中试：项目已重新开启验证，须待验证中心复核通过并重新出具报告后才能完成中试；' +
        '中试反馈尚未解决：量产成本高出商业可行性测算 40%（严重）；中试节点尚未完成：首批试制',
    )
    const seen = (await api().get(platform.session, `/api/v1/handoffs/${handoff.id}`)).json()
    expect(seen.completionBlockers).toEqual(whileReopened.json().error.details.blockers)

    await api().post(center.session, `/api/v1/verification-stages/${project.stageId}/gate`, {
      decision: 'passed',
      reasons: '成本模型复核通过',
      directorName: '陈明',
    })
    await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, { directorName: '陈明' })
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('handedOff')
    expect((await complete()).json().error.message).toContain('中试反馈尚未解决')
    await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
      action: 'resolve',
      note: '复核通过，已出具新报告',
    })
    expect((await complete()).json().error.message).toBe('暂不能完成中试：中试节点尚未完成：首批试制')
    await api().post(platform.session, `/api/v1/pilot-milestones/${milestoneId}/done`, { doneDate: today })
    const done = await complete()
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'completed', completionBlockers: [] })
  })
})
