import loadHighs, { type Highs } from 'highs'
import type { AssignmentInput, PairRef, ThinkTank } from '../types'

/**
 * An independent check of the solver: the same problem written directly as an LP (no flow network) and solved by
 * HiGHS. One variable per (project, expert, seat kind) route; rows: a pair fills at most one seat (exactly one
 * when fixed), expert caps, one reviewer per tank seat, the general pool. The matrix is totally unimodular, so
 * the LP optimum is the integer optimum. Two stages mirror the lexicographic objective: most filled seats, then
 * most affinity among those.
 */

export interface LpOptimum {
  status: 'optimal' | 'failed'
  reviews: number
  totalAffinity: number
  columns: number
  rows: number
  ms: number
}

let highsPromise: Promise<Highs> | undefined

export function loadSolver(): Promise<Highs> {
  highsPromise ??= loadHighs()
  return highsPromise
}

interface LpModel {
  columns: number
  rows: number
  affinity: Float64Array
  lower: Float64Array
  rowLower: number[]
  rowUpper: number[]
  rowColumns: number[][]
  seats: number
}

function buildModel(input: AssignmentInput, keptFixed: readonly PairRef[]): LpModel {
  const excluded = new Set<string>()
  const key = (pair: PairRef) => `${pair.projectId}\u0000${pair.expertId}`
  for (const pair of [...(input.conflicts ?? []), ...(input.forbidden ?? [])]) excluded.add(key(pair))
  const fixed = new Set(keptFixed.map(key))
  const affinityOf = new Map<string, number>()
  for (const candidate of input.candidates)
    if (!excluded.has(key(candidate))) affinityOf.set(key(candidate), candidate.affinity)
  for (const pair of keptFixed) if (!affinityOf.has(key(pair))) affinityOf.set(key(pair), 0)

  const projects = new Map(input.projects.map((project) => [project.id, project]))
  const experts = new Map(input.experts.map((expert) => [expert.id, expert]))
  const rowLower: number[] = []
  const rowUpper: number[] = []
  const rowColumns: number[][] = []
  const newRow = (lower: number, upper: number) => {
    rowLower.push(lower)
    rowUpper.push(upper)
    rowColumns.push([])
    return rowColumns.length - 1
  }
  const expertRow = new Map<string, number>()
  for (const expert of input.experts) expertRow.set(expert.id, newRow(0, expert.cap ?? input.defaultCap))
  const seatRow = new Map<string, number>()
  let seats = 0
  for (const project of input.projects) {
    const reviewers = project.reviewers ?? input.defaultReviewers ?? 3
    seats += reviewers
    for (const tank of project.tanks) seatRow.set(`${project.id}/${tank}`, newRow(0, 1))
    const general = reviewers - project.tanks.length
    if (general > 0) seatRow.set(`${project.id}/general`, newRow(0, general))
  }
  const affinity: number[] = []
  const lower: number[] = []
  for (const [pairKey, value] of affinityOf) {
    const [projectId, expertId] = pairKey.split('\u0000') as [string, string]
    const project = projects.get(projectId)
    const expert = experts.get(expertId)
    if (!project || !expert) continue
    const routes: string[] = project.tanks.filter((tank: ThinkTank) => expert.tanks.includes(tank))
    const seatKeys = routes.map((tank) => `${projectId}/${tank}`)
    if (seatRow.has(`${projectId}/general`)) seatKeys.push(`${projectId}/general`)
    if (seatKeys.length === 0) continue
    const isFixed = fixed.has(pairKey)
    // With a single route the column bound already says "at most one seat"; a row is needed only for several.
    const pairRow = seatKeys.length > 1 ? (isFixed ? newRow(1, 1) : newRow(0, 1)) : -1
    for (const seatKey of seatKeys) {
      const column = affinity.length
      affinity.push(value)
      lower.push(isFixed && pairRow < 0 ? 1 : 0)
      if (pairRow >= 0) rowColumns[pairRow]!.push(column)
      rowColumns[expertRow.get(expertId)!]!.push(column)
      rowColumns[seatRow.get(seatKey)!]!.push(column)
    }
  }
  return {
    columns: affinity.length,
    rows: rowLower.length,
    affinity: Float64Array.from(affinity),
    lower: Float64Array.from(lower),
    rowLower,
    rowUpper,
    rowColumns,
    seats,
  }
}

/**
 * Stage one counts reviews; a small affinity term (all of it worth at most a quarter review) keeps the LP from being
 * hopelessly degenerate — with all-ones costs HiGHS needed minutes — without changing the maximal count.
 */
function reviewCosts(model: LpModel): Float64Array {
  let maxAffinity = 0
  for (const value of model.affinity) maxAffinity = Math.max(maxAffinity, Math.abs(value))
  const delta = maxAffinity > 0 ? 0.25 / (model.seats * maxAffinity) : 0
  return model.affinity.map((value) => 1 + delta * value)
}

function solveStage(highs: Highs, model: LpModel, objective: 'reviews' | 'affinity', minReviews: number) {
  const rowLower = [...model.rowLower]
  const rowUpper = [...model.rowUpper]
  const rowColumns = [...model.rowColumns]
  if (minReviews > 0) {
    rowLower.push(minReviews)
    rowUpper.push(highs.infinity)
    rowColumns.push(Array.from({ length: model.columns }, (_, j) => j))
  }
  const starts = new Int32Array(rowColumns.length + 1)
  rowColumns.forEach((columns, i) => {
    starts[i + 1] = starts[i]! + columns.length
  })
  const indices = Int32Array.from(rowColumns.flat())
  const lp = highs.createModel({
    numCols: model.columns,
    numRows: rowColumns.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: objective === 'reviews' ? reviewCosts(model) : model.affinity,
    colLower: model.lower,
    colUpper: new Float64Array(model.columns).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csr',
      numRows: rowColumns.length,
      numCols: model.columns,
      starts,
      indices,
      values: new Float64Array(indices.length).fill(1),
    },
  })
  try {
    lp.options.set({ output_flag: false })
    lp.run()
    const optimal = lp.getModelStatus() === highs.constants.modelStatus.optimal
    return { optimal, value: optimal ? lp.getObjectiveValue() : Number.NaN }
  } finally {
    lp.dispose()
  }
}

/**
 * Lexicographic LP optimum. Tries "every seat filled" first, which settles most instances in one solve; when the
 * caller already knows seats stay empty (`expectShort`), it goes straight to the two stages.
 */
export async function solveWithHighs(
  input: AssignmentInput,
  keptFixed: readonly PairRef[] = [],
  expectShort = false,
): Promise<LpOptimum> {
  const highs = await loadSolver()
  const started = performance.now()
  const model = buildModel(input, keptFixed)
  if (model.columns === 0) {
    return {
      status: 'optimal',
      reviews: 0,
      totalAffinity: 0,
      columns: 0,
      rows: model.rows,
      ms: performance.now() - started,
    }
  }
  let reviews = model.seats
  let stage = expectShort ? { optimal: false, value: Number.NaN } : solveStage(highs, model, 'affinity', reviews)
  if (!stage.optimal) {
    const most = solveStage(highs, model, 'reviews', 0)
    reviews = Math.round(most.value)
    stage = most.optimal ? solveStage(highs, model, 'affinity', reviews) : most
  }
  return {
    status: stage.optimal ? 'optimal' : 'failed',
    reviews,
    totalAffinity: stage.value,
    columns: model.columns,
    rows: model.rows,
    ms: performance.now() - started,
  }
}
