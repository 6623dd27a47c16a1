import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { completeUscc } from '../../platform/validation/uscc'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { admittedProject, client, deliver, newCenter, newPilotPlatform, stageOf } from '../verification/testing'
import { centerStatistics, cityStatistics } from './statistics'

const ctx = withTestApp()
const api = () => client(ctx.app())

describe('the proof-of-concept pipeline, end to end', () => {
  it('admitted → stages with gates → report verified by another center → pilot hand-off with a finding that reopens a stage → landed', async () => {
    const today = todayInShanghai(now())
    const center = await newCenter(ctx.app(), '330303')
    const project = await admittedProject(ctx.app(), center.orgId)
    const started = await api().post(center.session, `/api/v1/projects/${project.id}/verification`, {
      firstStage: 'principle',
      tranches: { principle: 100_000, technical: 500_000 },
    })
    let detail = started.json()
    const gate = async (stage: string, body: Record<string, unknown>) => {
      const res = await api().post(
        center.session,
        `/api/v1/verification-stages/${stageOf(detail, stage).id}/gate`,
        body,
      )
      expect(res.statusCode, res.body).toBe(200)
      detail = res.json()
    }
    const principle = stageOf(detail, 'principle')
    detail = (
      await api().post(center.session, `/api/v1/verification-stages/${principle.id}/milestones`, {
        title: '模拟分析',
        dueDate: today,
      })
    ).json()
    await api().post(
      center.session,
      `/api/v1/verification-milestones/${stageOf(detail, 'principle').milestones[0]!.id}/done`,
      { doneDate: today },
    )
    await api().upload(
      center.session,
      `/api/v1/verification-stages/${principle.id}/deliverables`,
      '仿真报告.pdf',
      '%PDF-1.4 仿真结果',
    )
    await gate('principle', { decision: 'passed', reasons: '理论推导与模拟分析成立', directorName: '刘洋' })
    await deliver(ctx.app(), center, stageOf(detail, 'technical').id, '原型样件测评报告.txt')
    await gate('technical', { decision: 'passed', reasons: '原型样件性能达标', directorName: '刘洋' })
    await deliver(ctx.app(), center, stageOf(detail, 'productScenario').id, '场景测试报告.txt')
    await gate('productScenario', { decision: 'passed', reasons: '在两家机器人企业完成场景测试', directorName: '刘洋' })
    await deliver(ctx.app(), center, stageOf(detail, 'commercial').id, '商业可行性分析报告.txt')
    await gate('commercial', { decision: 'passed', reasons: '市场规模与盈利模式清晰', directorName: '陈明' })
    const issued = (
      await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, { directorName: '刘洋' })
    ).json()
    expect(issued.report.stages).toHaveLength(4)
    expect(issued.report.stages[0].deliverables[0]).toMatchObject({
      fileName: '仿真报告.pdf',
      sm3: expect.stringMatching(/^[0-9a-f]{64}$/),
    })

    const xiamen = await newCenter(ctx.app(), '350206')
    const check = (await api().get(xiamen.session, `/api/v1/verification-reports/${issued.code}`)).json()
    expect(check).toMatchObject({ valid: true, report: { project: { title: project.title } } })
    const forged = await api().get(
      xiamen.session,
      `/api/v1/verification-reports/${issued.code}?digest=${'a'.repeat(64)}`,
    )
    expect(forged.json()).toMatchObject({ valid: false, report: null })

    const platform = await newPilotPlatform(ctx.app(), {
      area: '330502',
      capability: '电子皮肤中试线',
      level: 'provincial',
    })
    const bystander = await newPilotPlatform(ctx.app(), { area: '330502' })
    const suggestions = (await api().get(center.session, `/api/v1/projects/${project.id}/pilot-suggestions`)).json()
      .items
    expect(suggestions.map((s: { carrierId: string }) => s.carrierId)).toContain(platform.carrierId)
    const offer = { carrierIds: [platform.carrierId], message: '验证完成，拟开展工程化开发与小批量试制' }
    const handoff = (await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, offer)).json().items[0]
    expect((await api().get(bystander.session, `/api/v1/projects/${project.id}`)).statusCode).toBe(404)
    await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/respond`, { decision: 'accept' })
    const finding = (
      await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/findings`, {
        description: '高温 85℃ 下灵敏度衰减 30%，需复核技术与工艺验证结论',
        severity: 'critical',
        stageId: stageOf(detail, 'technical').id,
      })
    ).json().findings[0]
    await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
      action: 'reopen',
      note: '补做高温老化测试',
    })
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('verifying')
    detail = (await api().get(center.session, `/api/v1/projects/${project.id}/verification`)).json()
    expect(stageOf(detail, 'technical')).toMatchObject({ status: 'active' })
    await gate('technical', { decision: 'passed', reasons: '更换封装材料后 85℃ 衰减小于 5%', directorName: '刘洋' })
    const reissued = (
      await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, { directorName: '陈明' })
    ).json()
    expect(reissued.report.supersedes).toBe(issued.code)
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('handedOff')
    const closed = await api().post(center.session, `/api/v1/handoff-findings/${finding.id}/respond`, {
      action: 'resolve',
      note: '复核通过，已出具新报告',
    })
    expect(closed.json().findings[0]).toMatchObject({ status: 'resolved', resolvedOn: today })

    const outcomes = `/api/v1/projects/${project.id}/outcomes`
    expect(
      (await api().post(project.applicant, outcomes, { kind: 'sample', name: '电子皮肤样品', occurredOn: today }))
        .statusCode,
    ).toBe(201)
    const uscc = completeUscc('91330303MA2K0L7Q1')
    const company = {
      kind: 'company',
      companyName: '温州触感智能科技有限公司',
      jurisdictionCode: '330303',
      occurredOn: today,
    }
    const wrong = await api().post(center.session, outcomes, {
      ...company,
      uscc: `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`,
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.message).toContain('统一社会信用代码第 18 位校验码应为')
    const elsewhere = await api().post(center.session, outcomes, {
      ...company,
      uscc: completeUscc('91330502MA2K0L7Q1'),
    })
    expect(elsewhere.json().error.message).toContain('不能计为本地落地')
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('handedOff')
    const landed = await api().post(center.session, outcomes, { ...company, uscc, amountFen: 100_000_000 })
    expect(landed.statusCode, landed.body).toBe(201)
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('landed')
    const fee = {
      kind: 'serviceFee',
      payer: '温州触感智能科技有限公司',
      item: '概念验证服务费',
      amountFen: 2_000_000,
      occurredOn: today,
    }
    expect((await api().post(project.applicant, outcomes, fee)).statusCode).toBe(403)
    const investor = await signIn(ctx.app(), await createAccount('investor'))
    expect((await api().post(investor, outcomes, fee)).statusCode).toBe(403)
    expect((await api().post(center.session, outcomes, fee)).statusCode).toBe(201)
    const list = (await api().get(project.applicant, outcomes)).json()
    expect(list).toMatchObject({ landed: true, serviceRevenueFen: 2_000_000 })
    expect(list.items.map((o: { kindLabel: string }) => o.kindLabel)).toEqual(['样品化', '落地成立企业', '服务收入'])

    expect(await centerStatistics(center.orgId, today, today)).toMatchObject({
      admitted: 1,
      verified: 1,
      samples: 1,
      landings: 1,
      serviceRevenueFen: 2_000_000,
      handedOff: 1,
    })
    expect(await cityStatistics('330500', today, today)).toMatchObject({ pilotServiceProjects: 1 })
  })
})
