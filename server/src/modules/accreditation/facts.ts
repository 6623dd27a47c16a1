import { systemActor } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import type { ProjectStatus } from '../projects/schema'
import { getProject, listProjects } from '../projects/service'

/**
 * What the PoC pipeline's records say about a center over a period (dates inclusive, YYYY-MM-DD). null means
 * the platform keeps no record of that kind yet, so the figure is asked for instead of shown as 0.
 */
export type CenterFacts = {
  poolSize: number | null
  projectsVerified: number | null
  samplesProducts: number | null
  landings: number | null
  serviceRevenueFen: number | null
}

export type CenterFactsProvider = {
  /** Where the figures come from, in Chinese, for the evidence lines. */
  source: string
  centerStatistics(centerOrgId: string, from: string, to: string): Promise<CenterFacts>
  /** 中试服务项目 in an area over a period (seed 002 中试方案 一: 300 个以上). */
  pilotServiceProjects(jurisdictionCodes: readonly string[], from: string, to: string): Promise<number | null>
}

export const SINCE_EVER = '1900-01-01'

const actor = systemActor('accreditation facts')
// Statuses a project can only reach after admission to the pool (入库).
const pooled: ProjectStatus[] = ['admitted', 'verifying', 'verified', 'handedOff', 'landed', 'terminated']

type Listed = { id: string; centerOrgId: string; jurisdictionCode: string }

async function projectsIn(statuses: readonly ProjectStatus[], keep: (p: Listed) => boolean): Promise<Listed[]> {
  const out: Listed[] = []
  for (const status of statuses) {
    for (let page = 1; ; page++) {
      const { items, total } = await listProjects(actor, { scope: 'all', status, page, pageSize: 100 })
      out.push(...items.filter(keep))
      if (page * 100 >= total) break
    }
  }
  return out
}

/** The date (Asia/Shanghai) each status was first reached, from the project's own event history. */
async function firstReached(id: string): Promise<Map<string, string>> {
  const { events } = await getProject(actor, id)
  const out = new Map<string, string>()
  for (const e of events) if (!out.has(e.to)) out.set(e.to, todayInShanghai(new Date(e.at)))
  return out
}

const within = (day: string | undefined, from: string, to: string) => day !== undefined && from <= day && day <= to

/**
 * Until the verification and outcome modules publish their statistics, the project pool is read through the
 * projects service: 入库, 验证完成 and 落地转化 from each project's events. Samples, products and service
 * revenue have no record yet (null).
 */
export const projectPoolFacts: CenterFactsProvider = {
  source: '项目库记录',
  async centerStatistics(centerOrgId, from, to) {
    const mine = await projectsIn(pooled, (p) => p.centerOrgId === centerOrgId)
    let poolSize = 0
    let projectsVerified = 0
    let landings = 0
    for (const project of mine) {
      const reached = await firstReached(project.id)
      if (within(reached.get('admitted'), from, to)) poolSize++
      if (within(reached.get('verified'), from, to)) projectsVerified++
      if (within(reached.get('landed'), from, to)) landings++
    }
    return { poolSize, projectsVerified, samplesProducts: null, landings, serviceRevenueFen: null }
  },
  async pilotServiceProjects(jurisdictionCodes, from, to) {
    const area = new Set(jurisdictionCodes)
    const candidates = await projectsIn(['handedOff', 'landed', 'verifying', 'verified', 'terminated'], (p) =>
      area.has(p.jurisdictionCode),
    )
    let n = 0
    for (const project of candidates) if (within((await firstReached(project.id)).get('handedOff'), from, to)) n++
    return n
  },
}

let provider: CenterFactsProvider = projectPoolFacts

/** The verification/outcomes modules (or a test) plug in their statistics here. */
export function setCenterFactsProvider(next: CenterFactsProvider): void {
  provider = next
}

export function centerFacts(): CenterFactsProvider {
  return provider
}
