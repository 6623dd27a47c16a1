/**
 * Optimal, conflict-free reviewer assignment for an evaluation round (入库评价, issue 5 "Assignment is optimal").
 *
 *   assignReviewers(input: AssignmentInput, options?: AssignmentOptions): AssignmentResult
 *
 * Pure and synchronous: data in, decision out; the service wires it to the database and the UI.
 *
 * Rules (hard): each project gets at most `reviewers` (default 3) distinct experts; each think tank the project
 * requires is represented by its own reviewer (an expert in two tanks represents one of them — a seat per tank);
 * an expert's load in the round never exceeds his cap; a conflict of interest or a forbidden pair is never
 * assigned; accepted and pinned pairs are kept (accepted first) unless they would break one of these rules, in
 * which case they are listed in `rejectedFixed` with the reason.
 *
 * Objective (lexicographic): first the number of filled seats (staffed reviews), then the total affinity of all
 * assignments, both maximized. Affinities are optimized as integers in units of `resolution` (default 1e-6), so
 * the optimum is exact at that grain. When every seat can be filled this is "exactly k reviewers per project,
 * covering its tanks, with maximum total affinity"; when not, `shortProjects` says which seats stay empty and why
 * (no candidates in the tank, all excluded by conflicts, the eligible experts are already on the project, or
 * their caps are exhausted — which the max-flow proves cannot be relieved by moving other reviews).
 *
 * Method: the network in network.ts; Dinic's max flow fixes the number of reviews; cost-scaling push-relabel
 * (cost-scaling.ts) turns that flow into a minimum-cost one; certify.ts proves optimality with integer dual
 * potentials. `onProgress` reports each stage and each scaling phase.
 */
import { certifyOptimal } from './certify'
import { minimizeCost } from './cost-scaling'
import { extractResult } from './extract'
import { augmentMaxFlow } from './max-flow'
import { buildNetwork, SINK, SOURCE } from './network'
import { prepareInstance } from './prepare'
import type { AssignmentInput, AssignmentOptions, AssignmentResult, AssignmentStage } from './types'

const STAGE_MESSAGE: Record<AssignmentStage, string> = {
  prepare: '校验输入并构建网络',
  staff: '计算最多可配备的评审席位',
  optimize: '在席位数最大的前提下优化匹配度',
  certify: '验证最优性',
  done: '分配完成',
}

export function assignReviewers(input: AssignmentInput, options: AssignmentOptions = {}): AssignmentResult {
  const started = performance.now()
  const report = (stage: AssignmentStage, fraction: number, detail = '') =>
    options.onProgress?.({ stage, fraction, message: STAGE_MESSAGE[stage] + detail })
  report('prepare', 0)
  const instance = prepareInstance(input, options.resolution ?? 1e-6)
  const network = buildNetwork(instance)
  const prepared = performance.now()

  report('staff', 0.05)
  augmentMaxFlow(network.graph, SOURCE, SINK)
  const staffed = performance.now()

  report('optimize', 0.1)
  const scaling = minimizeCost(network.graph, {
    onPhase: (done, total) => report('optimize', 0.1 + (0.8 * done) / total, `（第 ${done}/${total} 轮）`),
  })
  const optimized = performance.now()

  report('certify', 0.9)
  const certificate = certifyOptimal(network.graph, scaling.prices, scaling.scale)
  const certified = performance.now()

  const extracted = extractResult(instance, network)
  report('done', 1)
  const finished = performance.now()
  return {
    assignments: extracted.assignments,
    shortProjects: extracted.shortProjects,
    exclusions: instance.exclusions,
    rejectedFixed: [...instance.rejectedFixed, ...network.rejected],
    objective: {
      reviews: extracted.reviews,
      seats: extracted.seats,
      totalAffinity: extracted.totalAffinity,
      affinityUnits: extracted.affinityUnits,
      resolution: instance.resolution,
    },
    certified: true,
    stats: {
      nodes: network.graph.nodeCount,
      arcs: network.graph.head.length / 2,
      phases: scaling.phases,
      relabels: scaling.relabels,
      certifyPasses: certificate.passes,
      cyclesCancelled: certificate.cyclesCancelled,
      ms: {
        prepare: prepared - started,
        staff: staffed - prepared,
        optimize: optimized - staffed,
        certify: certified - optimized,
        total: finished - started,
      },
    },
  }
}
