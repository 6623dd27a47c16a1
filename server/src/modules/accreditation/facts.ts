import { centerStatistics, cityStatistics } from '../outcomes/statistics'

/**
 * What the PoC pipeline's records say about a center over a period (dates inclusive, YYYY-MM-DD). null means
 * the platform keeps no record of that kind, so the figure must be asked for instead of shown as 0.
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
  /** 中试服务项目 of a city's pilot platforms over a period (seed 002 中试方案 一: 300 个以上). */
  pilotServiceProjects(cityCode: string, from: string, to: string): Promise<number | null>
}

export const SINCE_EVER = '1900-01-01'

/**
 * The pipeline's own statistics (outcomes/statistics): 入库 from the pool's events, 验证 from verification
 * reports, 样品化/产品化, 落地转化 and 服务收入 from recorded outcomes, 中试服务 from accepted hand-offs.
 */
export const pipelineFacts: CenterFactsProvider = {
  source: '项目库与转化成果记录',
  async centerStatistics(centerOrgId, from, to) {
    const s = await centerStatistics(centerOrgId, from, to)
    return {
      poolSize: s.admitted,
      projectsVerified: s.verified,
      samplesProducts: s.samplesOrProducts,
      landings: s.landings,
      serviceRevenueFen: s.serviceRevenueFen,
    }
  },
  async pilotServiceProjects(cityCode, from, to) {
    return (await cityStatistics(cityCode, from, to)).pilotServiceProjects
  },
}

let provider: CenterFactsProvider = pipelineFacts

/** Another source of the same figures (a city's own statistics system) plugs in here. */
export function setCenterFactsProvider(next: CenterFactsProvider): void {
  provider = next
}

export function centerFacts(): CenterFactsProvider {
  return provider
}
