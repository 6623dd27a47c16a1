// Test kit for the verification, hand-off and outcome tests: centers with their directors, pilot platforms,
// admitted projects (evaluation rounds are built elsewhere, so a system actor admits them).
import { db } from '../../db'
import { systemActor } from '../../platform/auth/actor'
import type { App } from '../../platform/http/types'
import { type Session, signIn } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { createCarrier } from '../carriers/service'
import { moveProject } from '../projects/service'

let serial = 0

/** An industry node of the area's own system (a carrier must name one). */
export const industryOf = (area: string) =>
  area.startsWith('3305') ? 'huzhou-1366:HZ-1-1' : area.startsWith('3502') ? 'xiamen-4-4-6:XM-P-2' : 'wenzhou-5n:WZ-F-2'

export type Party = { orgId: string; carrierId: string; session: Session }

/** A PoC center (organization, carrier with 行政主任 陈明 and 技术主任 刘洋, a signed-in operator). */
export async function newCenter(app: App, area = '330303'): Promise<Party> {
  const n = ++serial
  const org = await createOrganization({ kind: 'pocCenter', jurisdictionCode: area, name: `测试概念验证中心${n}` })
  const session = await signIn(app, await createAccount('centerOperator', { orgId: org.id }))
  const { carrier } = await createCarrier(systemActor('test'), {
    name: `温州市测试${n}概念验证中心`,
    kind: 'pocCenter',
    subtype: 'comprehensive',
    industryCodes: [industryOf(area)],
    address: '温州市龙湾区科创路 8 号',
    longitude: 120.76,
    latitude: 27.97,
    capabilities: [{ name: '关节模组性能测评', category: 'technical' }],
    feeStandards: [],
    accreditationStatus: 'none',
    directors: [
      { name: '陈明', role: 'administrative' },
      { name: '刘洋', role: 'technical', title: '教授' },
    ],
    introduction: '聚焦人形机器人关节与运动控制，提供从原理样机到场景联调的概念验证服务。',
    confidentiality: 'public',
    organizationId: org.id,
  })
  return { orgId: org.id, carrierId: carrier.id, session }
}

/** A pilot platform with 中试 capabilities, somewhere (Huzhou by default), with a signed-in operator. */
export async function newPilotPlatform(
  app: App,
  options: {
    area?: string
    name?: string
    at?: [number, number]
    level?: 'municipal' | 'provincial' | 'national'
    industryCodes?: string[]
    capability?: string
  } = {},
): Promise<Party> {
  const n = ++serial
  const area = options.area ?? '330502'
  const org = await createOrganization({ kind: 'pilotPlatform', jurisdictionCode: area, name: `测试中试平台${n}` })
  const session = await signIn(app, await createAccount('pilotPlatformOperator', { orgId: org.id }))
  const { carrier } = await createCarrier(systemActor('test'), {
    name: options.name ?? `测试${n}中试平台`,
    kind: 'pilotPlatform',
    subtype: 'thirdPartyLed',
    industryCodes: options.industryCodes ?? [industryOf(area)],
    address: '湖州市吴兴区南太湖新区中试基地',
    longitude: options.at?.[0] ?? 120.09,
    latitude: options.at?.[1] ?? 30.89,
    capabilities: [
      { name: options.capability ?? '机器人关节中试线', category: 'pilot', description: '小批量试制与工艺验证' },
    ],
    feeStandards: [],
    level: options.level ?? null,
    accreditationStatus: options.level ? 'accredited' : 'none',
    accreditationYear: options.level ? 2025 : null,
    directors: [],
    introduction: '面向智能装备与机器人企业提供工程化开发、工艺优化和小批量试制的中试服务。',
    confidentiality: 'public',
    organizationId: org.id,
  })
  return { orgId: org.id, carrierId: carrier.id, session }
}

/** A researcher's application to the center, admitted to the pool by the platform itself. */
export async function admittedProject(app: App, centerOrgId: string, researcher?: Session) {
  const applicant = researcher ?? (await signIn(app, await createAccount('researcher')))
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: applicant.headers,
    payload: {
      title: `柔性电子皮肤触觉传感阵列${++serial}`,
      summary: '基于液态金属与弹性体的柔性触觉传感阵列，面向机器人电子皮肤与关节力控，已完成实验室原理样件。',
      channel: 'application',
      centerOrgId,
      team: [{ name: '李教授', role: '负责人' }],
      requestedTypes: ['principle', 'technical', 'productScenario', 'commercial'],
      industryCodes: ['huzhou-1366:HZ-1-1'],
      budgetFen: 80_000_000,
      trl: 3,
    },
  })
  if (res.statusCode !== 201) throw new Error(`apply: ${res.statusCode} ${res.body}`)
  const project = res.json() as { id: string; title: string }
  const actor = systemActor('test: evaluation rounds are built elsewhere')
  await db.transaction(async (tx) => {
    await moveProject(tx, actor, project.id, 'underEvaluation')
    await moveProject(tx, actor, project.id, 'admitted', '入库评价通过')
  })
  return { ...project, applicant }
}

/** JSON requests through app.inject. */
export function client(app: App) {
  const send = (method: 'GET' | 'POST' | 'PATCH', session: Session | null, url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  return {
    get: (session: Session | null, url: string) => send('GET', session, url),
    post: (session: Session | null, url: string, payload: unknown = {}) => send('POST', session, url, payload),
    patch: (session: Session, url: string, payload: unknown) => send('PATCH', session, url, payload),
    upload: (session: Session, url: string, fileName: string, content: Buffer | string) => {
      const body = multipartFile(fileName, content)
      return app.inject({
        method: 'POST',
        url,
        headers: { ...session.headers, 'content-type': body.contentType },
        payload: body.payload,
      })
    },
  }
}

type Stage = { id: string; stage: string; status: string; milestones: { id: string; doneDate: string | null }[] }

export const stageOf = (detail: { stages: Stage[] }, stage: string): Stage => {
  const found = detail.stages.find((s) => s.stage === stage)
  if (!found) throw new Error(`no stage ${stage}`)
  return found
}

/** A deliverable on a stage in progress (a stage passes its gate only with one). */
export async function deliver(app: App, center: Party, stageId: string, fileName = '阶段验证报告.txt') {
  const res = await client(app).upload(
    center.session,
    `/api/v1/verification-stages/${stageId}/deliverables`,
    fileName,
    `${fileName}：各项指标达到设计要求`,
  )
  if (res.statusCode !== 200) throw new Error(`deliverable: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** An admitted project verified in one commercial stage (the earlier ones skipped), with its report issued. */
export async function verifiedProject(app: App, center: Party) {
  const project = await admittedProject(app, center.orgId)
  const api = client(app)
  const started = await api.post(center.session, `/api/v1/projects/${project.id}/verification`, {
    firstStage: 'commercial',
    skipReason: '原理、工艺与场景已在前期课题中验证',
  })
  if (started.statusCode !== 201) throw new Error(`start: ${started.statusCode} ${started.body}`)
  const stage = stageOf(started.json(), 'commercial')
  await deliver(app, center, stage.id, '商业可行性分析报告.txt')
  const gate = await api.post(center.session, `/api/v1/verification-stages/${stage.id}/gate`, {
    decision: 'passed',
    reasons: '目标市场明确，盈利模式清晰',
    directorName: '陈明',
  })
  if (gate.statusCode !== 200) throw new Error(`gate: ${gate.statusCode} ${gate.body}`)
  const report = await api.post(center.session, `/api/v1/projects/${project.id}/verification/report`, {
    directorName: '陈明',
  })
  if (report.statusCode !== 201) throw new Error(`report: ${report.statusCode} ${report.body}`)
  return { ...project, stageId: stage.id, reportCode: report.json().code as string }
}
