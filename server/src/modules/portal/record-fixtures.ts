import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import type { App } from '../../platform/http/types'
import { type Session, signIn } from '../../test/app'
import { createAccount } from '../../test/factories'
import type { PortalType } from './service'

// Test fixtures: one public record of each kind the portal shows, in 鹿城区 (温州), under 工业机器人.
const ROBOT = 'wenzhou-5n:WZ-4-3'
const inDays = (n: number) => addDays(todayInShanghai(now()), n)

export const PORTAL_PATHS: Record<PortalType, string> = {
  achievement: '/api/v1/achievements',
  demand: '/api/v1/demands',
  scenario: '/api/v1/scenarios',
  carrier: '/api/v1/carriers',
  instrument: '/api/v1/instruments',
}

/** What the portal catalogue adds to a kind's list: 征集中 demands and scenarios, bookable instruments. */
export const CATALOGUE_FILTERS: Record<PortalType, string> = {
  achievement: '',
  demand: '&status=open',
  scenario: '&status=open',
  carrier: '',
  instrument: '&availability=available',
}

const payloads = {
  achievement: (title: string) => ({
    title,
    summary: '面向工业机器人关节的高精度伺服运动控制算法，提高轨迹精度与抗扰动能力，已完成样机验证。',
    keywords: ['运动控制'],
    trl: 5,
    maturity: 'sample',
    transferModes: ['license'],
    industryCodes: [ROBOT],
    confidentiality: 'public',
  }),
  demand: (title: string) => ({
    title,
    description: '注塑产线日产外壳件约三万件，目前依靠人工目检，希望引入机器视觉实现在线全检，降低漏检率。',
    keywords: ['机器视觉'],
    industryCodes: [ROBOT],
    budgetNegotiable: true,
    deadline: inDays(60),
    cooperationModes: ['jointDevelopment'],
    confidentiality: 'public',
  }),
  scenario: (title: string) => ({
    title,
    description: '在在建市政工地开放六台塔吊及其运行数据，征集基于视觉与毫米波雷达融合的防碰撞预警方案。',
    keywords: ['毫米波雷达'],
    industryCodes: [ROBOT],
    address: '温州市鹿城区七都岛',
    offers: ['site', 'data'],
    deadline: inDays(45),
    confidentiality: 'public',
  }),
  carrier: (name: string) => ({
    name,
    kind: 'pocCenter',
    subtype: 'specialized',
    industryCodes: [ROBOT],
    address: '温州市鹿城区科技路 1 号',
    introduction: '聚焦工业机器人关节与运动控制，提供从原理样机到场景联调的概念验证服务，开放共享测试平台。',
    confidentiality: 'public',
  }),
  instrument: (name: string, carrierId: string) => ({
    name,
    carrierId,
    category: 'analysis',
    specifications: '二次电子分辨率 1.0 nm（15 kV），放大倍数 20–800000 倍，配能谱仪可做元素面分布分析。',
    openHours: '工作日 9:00–17:00',
    bookingMethod: '平台在线预约',
    confidentiality: 'public',
  }),
}

const OWNER_ROLE = {
  achievement: 'researcher',
  demand: 'enterpriseUser',
  scenario: 'enterpriseUser',
  carrier: 'centerOperator',
  instrument: 'centerOperator',
} as const

async function post(app: App, owner: Session, path: string, payload: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: path, headers: owner.headers, payload })
  if (res.statusCode !== 201) throw new Error(`${path}: ${res.statusCode} ${res.body}`)
  const body = res.json()
  return (body.achievement ?? body.demand ?? body.scenario ?? body.carrier ?? body.instrument ?? body).id
}

/** A public record of the kind, with its owner signed in; `extra` overrides the payload. */
export async function createPortalRecord(
  app: App,
  type: PortalType,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; owner: Session }> {
  const owner = await signIn(app, await createAccount(OWNER_ROLE[type]))
  const payload =
    type === 'instrument'
      ? payloads.instrument(title, await post(app, owner, PORTAL_PATHS.carrier, payloads.carrier(`${title}所属中心`)))
      : payloads[type](title)
  return { id: await post(app, owner, PORTAL_PATHS[type], { ...payload, ...extra }), owner }
}

export async function archiveRecord(app: App, type: PortalType, id: string, owner: Session): Promise<void> {
  const res = await app.inject({ method: 'POST', url: `${PORTAL_PATHS[type]}/${id}/archive`, headers: owner.headers })
  if (res.statusCode !== 200) throw new Error(`archive ${type}: ${res.statusCode} ${res.body}`)
}

export const PORTAL_TYPE_LIST = Object.keys(PORTAL_PATHS) as PortalType[]
