import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { stageDeliverables, verificationReports } from './schema'
import { admittedProject, client, deliver, newCenter, stageOf, verifiedProject } from './testing'

const ctx = withTestApp()
const api = () => client(ctx.app())
const today = () => todayInShanghai(now())

async function started(firstStage = 'principle', extra: Record<string, unknown> = {}) {
  const center = await newCenter(ctx.app())
  const project = await admittedProject(ctx.app(), center.orgId)
  const res = await api().post(center.session, `/api/v1/projects/${project.id}/verification`, { firstStage, ...extra })
  expect(res.statusCode, res.body).toBe(201)
  return { center, project, detail: res.json() }
}

describe('staged verification', () => {
  it('starts at the stage that fits, with the earlier ones skipped for a stated reason', async () => {
    const center = await newCenter(ctx.app())
    const project = await admittedProject(ctx.app(), center.orgId)
    const url = `/api/v1/projects/${project.id}/verification`
    const noReason = await api().post(center.session, url, { firstStage: 'technical' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.fields[0]).toMatchObject({
      message: '从后续阶段开始时，请说明跳过前序阶段的原因',
    })
    const res = await api().post(center.session, url, {
      firstStage: 'technical',
      skipReason: '原理已在国家自然科学基金项目中验证',
      tranches: { technical: 300_000 },
    })
    expect(res.statusCode, res.body).toBe(201)
    const detail = res.json()
    expect(detail.stages.map((s: { statusLabel: string }) => s.statusLabel)).toEqual([
      '已跳过',
      '进行中',
      '待开始',
      '待开始',
    ])
    expect(detail).toMatchObject({
      projectStatus: 'verifying',
      reportKindLabel: '概念验证报告',
      trancheTotalFen: 300_000,
    })
    expect(stageOf(detail, 'principle')).toMatchObject({ skipReason: '原理已在国家自然科学基金项目中验证' })
    expect((await api().post(center.session, url, { firstStage: 'principle' })).statusCode).toBe(409)
  })

  it('runs milestones, deliverables, budget and 代工 on a stage and gates it with the right director', async () => {
    const { center, project, detail } = await started('technical', { skipReason: '原理已验证', lastStage: 'technical' })
    const technical = stageOf(detail, 'technical')
    const stageUrl = `/api/v1/verification-stages/${technical.id}`
    expect((await api().patch(center.session, stageUrl, { budgetFen: 200_000 })).json().stages[1].budgetFen).toBe(
      200_000,
    )
    const withMilestone = (
      await api().post(center.session, `${stageUrl}/milestones`, { title: '原型样件性能测评', dueDate: today() })
    ).json()
    const gate = { decision: 'passed', reasons: '关键性能指标达到设计要求', directorName: '刘洋' }
    const early = await api().post(center.session, `${stageUrl}/gate`, gate)
    expect(early.statusCode).toBe(422)
    expect(early.json().error.message).toBe('尚有未完成的里程碑：原型样件性能测评')
    const milestoneId = stageOf(withMilestone, 'technical').milestones[0]!.id
    const done = await api().post(center.session, `/api/v1/verification-milestones/${milestoneId}/done`, {
      doneDate: today(),
    })
    expect(stageOf(done.json(), 'technical').milestones[0]!.doneDate).toBe(today())

    const file = Buffer.from('样件测评报告：灵敏度 0.8 kPa⁻¹，循环 10000 次无衰减')
    const uploaded = await api().upload(center.session, `${stageUrl}/deliverables`, '测评报告.txt', file)
    expect(uploaded.statusCode, uploaded.body).toBe(200)
    const deliverable = stageOf(uploaded.json(), 'technical') as unknown as { deliverables: Record<string, unknown>[] }
    expect(deliverable.deliverables[0]).toMatchObject({
      title: '测评报告',
      fileName: '测评报告.txt',
      sizeBytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      sm3: createHash('sm3').update(file).digest('hex'),
    })
    const download = await api().get(
      center.session,
      `/api/v1/verification-deliverables/${deliverable.deliverables[0]!.id}`,
    )
    expect(download.rawPayload.equals(file)).toBe(true)
    expect(download.headers['content-type']).toBe('application/octet-stream')
    const notMultipart = await api().post(center.session, `${stageUrl}/deliverables`, { file: 'x' })
    expect(notMultipart.statusCode).toBe(415)

    const spend = (amountFen: number) =>
      api().post(center.session, `${stageUrl}/expenses`, { spentOn: today(), item: '样件加工', amountFen })
    expect((await spend(120_000)).statusCode).toBe(200)
    const over = await spend(100_000)
    expect(over.statusCode).toBe(422)
    expect(over.json().error.message).toContain('超出“技术与工艺可行性验证”阶段预算')

    const lab = await newCenter(ctx.app(), '330302')
    const instrument = await api().post(lab.session, '/api/v1/instruments', {
      carrierId: lab.carrierId,
      name: '万能材料试验机',
      category: 'physicalProperty',
      specifications: '最大试验力 50 kN，精度 0.5 级，可做拉伸、压缩、弯曲试验。',
      hasCma: true,
    })
    expect(instrument.statusCode, instrument.body).toBe(201)
    const instrumentId = instrument.json().instrument.id
    const delegation = {
      providerOrgId: lab.orgId,
      instrumentId,
      work: '柔性样件拉伸疲劳测试 1 万次',
      costFen: 50_000,
      performedOn: today(),
    }
    const delegated = await api().post(center.session, `${stageUrl}/delegations`, delegation)
    expect(delegated.statusCode, delegated.body).toBe(200)
    expect(stageOf(delegated.json(), 'technical')).toMatchObject({
      spentFen: 170_000,
      delegations: [{ providerOrgName: expect.any(String), instrumentName: '万能材料试验机', costFen: 50_000 }],
    })
    const stranger = await createOrganization()
    const wrongOwner = await api().post(center.session, `${stageUrl}/delegations`, {
      ...delegation,
      providerOrgId: stranger.id,
    })
    expect(wrongOwner.statusCode).toBe(400)
    expect(wrongOwner.json().error.message).toContain('不属于')

    const byAdministrative = await api().post(center.session, `${stageUrl}/gate`, { ...gate, directorName: '陈明' })
    expect(byAdministrative.statusCode).toBe(422)
    expect(byAdministrative.json().error.message).toBe('该阶段须由技术主任签署，“陈明”不是本中心的技术主任')
    const passed = (await api().post(center.session, `${stageUrl}/gate`, gate)).json()
    expect(passed).toMatchObject({ status: 'gatesPassed', reportKindLabel: '技术可行性报告' })
    expect(stageOf(passed, 'technical')).toMatchObject({ statusLabel: '通过' })
    expect(stageOf(passed, 'productScenario')).toMatchObject({ statusLabel: '不开展' })
    expect(
      (await api().post(center.session, `${stageUrl}/milestones`, { title: '补充', dueDate: today() })).statusCode,
    ).toBe(422)
    expect(project.id).toBeTruthy()
  })

  it('issues a report any center verifies by its code, refuses a changed one, and supersedes it after a reopened stage', async () => {
    const { center, project, detail } = await started('productScenario', { skipReason: '原理与工艺已在前期中试验证' })
    const product = stageOf(detail, 'productScenario')
    await deliver(ctx.app(), center, product.id, '场景测试报告.txt')
    const conditional = await api().post(center.session, `/api/v1/verification-stages/${product.id}/gate`, {
      decision: 'conditional',
      reasons: '场景验证基本达标',
      directorName: '刘洋',
      conditions: [{ text: '补充高温高湿环境测试', dueDate: today() }],
    })
    const commercial = stageOf(conditional.json(), 'commercial')
    await deliver(ctx.app(), center, commercial.id, '市场分析报告.txt')
    const byTechnical = await api().post(center.session, `/api/v1/verification-stages/${commercial.id}/gate`, {
      decision: 'passed',
      reasons: '目标市场规模约 30 亿元',
      directorName: '刘洋',
    })
    expect(byTechnical.statusCode).toBe(422)
    await api().post(center.session, `/api/v1/verification-stages/${commercial.id}/gate`, {
      decision: 'passed',
      reasons: '目标市场规模约 30 亿元，竞争格局分散，盈利模式清晰',
      directorName: '陈明',
    })
    const issued = await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, {
      directorName: '陈明',
    })
    expect(issued.statusCode, issued.body).toBe(201)
    const report = issued.json()
    expect(report).toMatchObject({ valid: true, kindLabel: '概念验证报告', projectTitle: project.title, problems: [] })
    expect(report.code).toMatch(/^FM-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(report.report).toMatchObject({
      conclusion: '有条件通过',
      openConditions: [{ text: '补充高温高湿环境测试' }],
    })
    const project1 = await api().get(project.applicant, `/api/v1/projects/${project.id}`)
    expect(project1.json().status).toBe('verified')

    const farCenter = await newCenter(ctx.app(), '350206')
    const byOther = (await api().get(farCenter.session, `/api/v1/verification-reports/${report.code}`)).json()
    expect(byOther).toMatchObject({ valid: true, report: { center: { orgId: center.orgId } } })
    const byPublic = (await api().get(null, `/api/v1/verification-reports/${report.code.toLowerCase()}`)).json()
    expect(byPublic).toMatchObject({ valid: true, report: null, centerName: expect.any(String), digest: report.digest })
    const typo = `${report.code.slice(0, -1)}${report.code.endsWith('0') ? '1' : '0'}`
    expect((await api().get(null, `/api/v1/verification-reports/${typo}`)).json().error.message).toContain('校验位')
    const copy = await api().get(null, `/api/v1/verification-reports/${report.code}?digest=${'0'.repeat(64)}`)
    expect(copy.json()).toMatchObject({ valid: false, authentic: false })
    const page = await api().get(null, `/api/v1/verification-reports/${report.code}/print`)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain(report.code)
    expect(page.body).toContain('验证通过')

    await db.execute(
      sql`update ${verificationReports} set content = jsonb_set(content, '{conclusion}', '"通过"') where code = ${report.code}`,
    )
    const tampered = (await api().get(farCenter.session, `/api/v1/verification-reports/${report.code}`)).json()
    expect(tampered).toMatchObject({ valid: false, authentic: false, report: null, conclusion: null })
    expect(tampered.problems).toContain('报告内容与签发时登记的摘要不一致，报告已被改动')
    await db
      .update(verificationReports)
      .set({ content: report.report === null ? {} : stripIssued(report.report) })
      .where(eq(verificationReports.code, report.code))
    expect((await api().get(null, `/api/v1/verification-reports/${report.code}`)).json().valid).toBe(true)

    const reopened = await api().post(center.session, `/api/v1/verification-stages/${product.id}/reopen`, {
      reason: '投资方要求补做高温高湿测试',
    })
    expect(reopened.json()).toMatchObject({ status: 'running', projectStatus: 'verifying' })
    await api().post(center.session, `/api/v1/verification-stages/${product.id}/gate`, {
      decision: 'passed',
      reasons: '补充测试通过',
      directorName: '刘洋',
    })
    const second = (
      await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, { directorName: '刘洋' })
    ).json()
    expect(second.report).toMatchObject({ conclusion: '通过', supersedes: report.code })
    const old = (await api().get(null, `/api/v1/verification-reports/${report.code}`)).json()
    expect(old).toMatchObject({ valid: false, authentic: true, current: false, supersededBy: second.code })
  })

  it('refuses tranches that add up to more than the project budget, on start and on a later change, writing nothing', async () => {
    const center = await newCenter(ctx.app())
    const project = await admittedProject(ctx.app(), center.orgId)
    const url = `/api/v1/projects/${project.id}/verification`
    const over = await api().post(center.session, url, {
      firstStage: 'principle',
      tranches: { principle: 40_000_000, technical: 50_000_000 },
    })
    expect(over.statusCode).toBe(422)
    expect(over.json().error.message).toBe('各阶段拨付合计 90 万元，超过项目预算 80 万元，请调低拨付额度')
    expect((await api().get(center.session, url)).statusCode).toBe(404)
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('admitted')

    const started = await api().post(center.session, url, {
      firstStage: 'principle',
      tranches: { principle: 30_000_000, technical: 50_000_000 },
    })
    expect(started.statusCode, started.body).toBe(201)
    expect(started.json()).toMatchObject({ projectBudgetFen: 80_000_000, trancheTotalFen: 80_000_000 })
    const tranche = (stage: string, budgetFen: number) =>
      api().patch(center.session, `/api/v1/verification-stages/${stageOf(started.json(), stage).id}`, { budgetFen })
    const raised = await tranche('productScenario', 1)
    expect(raised.statusCode).toBe(422)
    expect(raised.json().error.message).toContain('超过项目预算 80 万元')
    expect((await tranche('principle', 20_000_000)).statusCode).toBe(200)
    const moved = await tranche('productScenario', 10_000_000)
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().trancheTotalFen).toBe(80_000_000)
  })

  it('passes a stage only with a deliverable recorded for it', async () => {
    const { center, project, detail } = await started('principle', { lastStage: 'principle' })
    const stageUrl = `/api/v1/verification-stages/${stageOf(detail, 'principle').id}`
    const gate = { decision: 'passed', reasons: '理论推导与模拟分析成立', directorName: '刘洋' }
    const bare = await api().post(center.session, `${stageUrl}/gate`, gate)
    expect(bare.statusCode).toBe(422)
    expect(bare.json().error.message).toBe(
      '“原理验证”阶段尚未上传交付成果，请先上传至少一份交付成果（如测评报告、样件数据）再作出通过结论',
    )
    const conditional = await api().post(center.session, `${stageUrl}/gate`, {
      ...gate,
      decision: 'conditional',
      conditions: [{ text: '补充低温环境仿真' }],
    })
    expect(conditional.statusCode).toBe(422)
    const unchanged = (await api().get(center.session, `/api/v1/projects/${project.id}/verification`)).json()
    expect(stageOf(unchanged, 'principle')).toMatchObject({ status: 'active', gates: [] })

    await deliver(ctx.app(), center, stageOf(detail, 'principle').id, '仿真报告.txt')
    const passed = await api().post(center.session, `${stageUrl}/gate`, gate)
    expect(passed.statusCode, passed.body).toBe(200)
    expect(passed.json()).toMatchObject({ status: 'gatesPassed' })
  })

  it('issues no report from passed stages that have nothing to show (passed before the rule)', async () => {
    const { center, project, detail } = await started('commercial', { skipReason: '原理、工艺与场景已在前期验证' })
    const commercial = stageOf(detail, 'commercial')
    await deliver(ctx.app(), center, commercial.id)
    await api().post(center.session, `/api/v1/verification-stages/${commercial.id}/gate`, {
      decision: 'passed',
      reasons: '目标市场明确，盈利模式清晰',
      directorName: '陈明',
    })
    await db.delete(stageDeliverables).where(eq(stageDeliverables.stageId, commercial.id))
    const report = await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, {
      directorName: '陈明',
    })
    expect(report.statusCode).toBe(422)
    expect(report.json().error.message).toContain('“商业可行性验证”阶段没有交付成果，不能出具报告')
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('verifying')
  })

  it('takes a report out of force once a stage is reopened, until a new report supersedes it, and shows anyone its conclusion', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const check = async () => (await api().get(null, `/api/v1/verification-reports/${project.reportCode}`)).json()
    expect(await check()).toMatchObject({
      valid: true,
      current: true,
      reopenedOn: null,
      conclusion: '通过',
      report: null,
    })

    const reopened = await api().post(center.session, `/api/v1/verification-stages/${project.stageId}/reopen`, {
      reason: '投资方要求复核成本模型',
    })
    expect(reopened.statusCode, reopened.body).toBe(200)
    expect(reopened.json().reports).toMatchObject([{ current: false, supersededBy: null, reopenedOn: today() }])
    expect(await check()).toMatchObject({
      valid: false,
      authentic: true,
      current: false,
      supersededBy: null,
      reopenedOn: today(),
      conclusion: '通过',
    })
    const page = await api().get(null, `/api/v1/verification-reports/${project.reportCode}/print`)
    expect(page.body).toContain('报告真实，但该项目的验证已重新开启，本报告不再现行有效')
    expect(page.body).toContain(`出具机构已于 ${today()} 重新开启该项目的验证`)

    await api().post(center.session, `/api/v1/verification-stages/${project.stageId}/gate`, {
      decision: 'passed',
      reasons: '成本模型复核通过',
      directorName: '陈明',
    })
    expect((await check()).current).toBe(false)
    const second = (
      await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, { directorName: '陈明' })
    ).json()
    expect(second).toMatchObject({ valid: true, current: true, reopenedOn: null })
    expect(await check()).toMatchObject({ valid: false, current: false, supersededBy: second.code })
  })

  it('takes deliverables up to 10 MiB and refuses a larger file, writing nothing', async () => {
    const { center, detail } = await started('principle')
    const url = `/api/v1/verification-stages/${stageOf(detail, 'principle').id}/deliverables`
    const big = await api().upload(center.session, url, '仿真数据.bin', Buffer.alloc(3 * 1024 * 1024, 7))
    expect(big.statusCode, big.body).toBe(200)
    const tooBig = await api().upload(center.session, url, '原始数据.bin', Buffer.alloc(10 * 1024 * 1024 + 1, 7))
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error.message).toBe('文件超过 10 MiB 上限')
    const empty = await api().upload(center.session, url, '空.txt', '')
    expect(empty.statusCode).toBe(400)
    const after = (await api().get(center.session, `/api/v1/projects/${detail.projectId}/verification`)).json()
    expect(stageOf(after, 'principle')).toMatchObject({
      deliverables: [{ fileName: '仿真数据.bin', sizeBytes: 3 * 1024 * 1024 }],
    })
  })

  it('ends verification and the project at a 终止 gate', async () => {
    const { center, project, detail } = await started('principle')
    const principle = stageOf(detail, 'principle')
    const terminated = await api().post(center.session, `/api/v1/verification-stages/${principle.id}/gate`, {
      decision: 'terminated',
      reasons: '模拟分析表明灵敏度上限低于应用需求一个数量级',
      directorName: '刘洋',
    })
    expect(terminated.json()).toMatchObject({ status: 'terminated', projectStatus: 'terminated' })
    expect(terminated.json().stages.map((s: { status: string }) => s.status)).toEqual([
      'terminated',
      'cancelled',
      'cancelled',
      'cancelled',
    ])
    const events = (await api().get(project.applicant, `/api/v1/projects/${project.id}`)).json().events
    expect(events.at(-1)).toMatchObject({ to: 'terminated', note: expect.stringContaining('原理验证评审终止') })
    const report = await api().post(center.session, `/api/v1/projects/${project.id}/verification/report`, {
      directorName: '刘洋',
    })
    expect(report.statusCode).toBe(422)
  })

  it('lets only the center in charge manage, and only those who see the project read', async () => {
    const { center, project, detail } = await started('principle')
    const principle = stageOf(detail, 'principle')
    const sameCity = await newCenter(ctx.app(), '330302')
    const otherCity = await newCenter(ctx.app(), '330502')
    const platform = await signIn(ctx.app(), await createAccount('pilotPlatformOperator'))
    const milestone = { title: '理论推导', dueDate: today() }
    const stageUrl = `/api/v1/verification-stages/${principle.id}`
    expect((await api().post(sameCity.session, `${stageUrl}/milestones`, milestone)).statusCode).toBe(403)
    expect((await api().post(otherCity.session, `${stageUrl}/milestones`, milestone)).statusCode).toBe(404)
    expect((await api().post(project.applicant, `${stageUrl}/milestones`, milestone)).statusCode).toBe(403)
    expect((await api().get(sameCity.session, `/api/v1/projects/${project.id}/verification`)).json().canManage).toBe(
      false,
    )
    expect((await api().get(project.applicant, `/api/v1/projects/${project.id}/verification`)).statusCode).toBe(200)
    expect((await api().get(platform, `/api/v1/projects/${project.id}/verification`)).statusCode).toBe(404)
    expect((await api().post(center.session, `${stageUrl}/milestones`, milestone)).statusCode).toBe(200)
  })
})

/** The stored content of a report as issued (the check adds its code and digest to what it returns). */
function stripIssued(report: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, digest: _digest, ...content } = report
  return content
}
