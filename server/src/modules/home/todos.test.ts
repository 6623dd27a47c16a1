import { describe, expect, it } from 'vitest'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { client, newCenter, newPilotPlatform, verifiedProject } from '../verification/testing'

const ctx = withTestApp()
const api = () => client(ctx.app())
type Todo = { key: string; title: string; link?: string }
const todos = async (session: Parameters<ReturnType<typeof client>['get']>[0]) =>
  (await api().get(session, '/api/v1/home/summary')).json().todos as Todo[]

describe('待办 on the home page', () => {
  it('tells the center of a new application and of a pilot platform’s major finding, and the platform of an offer', async () => {
    const center = await newCenter(ctx.app())
    expect((await todos(center.session)).map((t) => t.key)).not.toContain('projects-submitted')
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const applied = await api().post(researcher, '/api/v1/projects', {
      title: '仿生灵巧手触觉反馈与力控技术',
      summary: '面向具身智能机器人的灵巧手，集成柔性触觉阵列与阻抗控制，已完成原理样机，抓取成功率达到九成以上。',
      channel: 'application',
      centerOrgId: center.orgId,
      team: [{ name: '李教授', role: '负责人' }],
      requestedTypes: ['principle', 'technical'],
      industryCodes: ['huzhou-1366:HZ-1-1'],
      budgetFen: 50_000_000,
      trl: 3,
    })
    expect(applied.statusCode, applied.body).toBe(201)
    expect(await todos(center.session)).toContainEqual({
      key: 'projects-submitted',
      title: '有 1 个项目已申报，待受理',
      link: '/projects?status=submitted',
    })

    const project = await verifiedProject(ctx.app(), center)
    const platform = await newPilotPlatform(ctx.app())
    const offered = await api().post(center.session, `/api/v1/projects/${project.id}/handoffs`, {
      carrierIds: [platform.carrierId],
      message: '请开展工程化开发',
    })
    expect(offered.statusCode, offered.body).toBe(201)
    expect(await todos(platform.session)).toContainEqual({
      key: 'handoffs-offered',
      title: '有 1 个项目申请中试，待答复',
      link: '/handoffs',
    })
    const handoff = offered.json().items[0]
    await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/respond`, { decision: 'accept' })
    expect((await todos(platform.session)).map((t) => t.key)).not.toContain('handoffs-offered')

    const minor = { description: '包装说明需补充', severity: 'minor', stageId: project.stageId }
    await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/findings`, minor)
    expect((await todos(center.session)).map((t) => t.key)).not.toContain('findings-open')
    await api().post(platform.session, `/api/v1/handoffs/${handoff.id}/findings`, { ...minor, severity: 'major' })
    expect((await todos(center.session)).find((t) => t.key === 'findings-open')?.title).toBe(
      '中试平台反馈了 1 个重要问题（涉及 1 个项目），待处理',
    )
  })

  it('tells an organization of interest in its records that nobody has answered', async () => {
    const owner = await signIn(ctx.app(), await createAccount('researcher'))
    const created = await api().post(owner, '/api/v1/achievements', {
      title: '具身智能机器人关节控制技术',
      summary: '面向人形机器人关节，提出基于力矩传感与模型预测的柔顺控制方法，已完成样机验证，关节响应时间小于五毫秒。',
      keywords: ['具身智能'],
      trl: 5,
      maturity: 'sample',
      transferModes: ['license'],
      confidentiality: 'public',
    })
    expect(created.statusCode, created.body).toBe(201)
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const lead = await api().post(enterprise, '/api/v1/leads', {
      recordType: 'achievement',
      recordId: created.json().achievement.id,
      message: '希望洽谈许可',
    })
    expect(lead.statusCode, lead.body).toBe(201)
    expect(await todos(owner)).toContainEqual({
      key: 'leads-new',
      title: '收到 1 条新的合作意向，待联系',
      link: '/leads',
    })
    expect((await todos(enterprise)).map((t) => t.key)).not.toContain('leads-new')
  })
})
