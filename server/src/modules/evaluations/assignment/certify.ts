import type { FlowGraph } from './graph'

export interface Certificate {
  /** Integer potentials p with cost(a) + p(tail) - p(head) ≥ 0 on every residual arc: LP duality proves optimality. */
  potentials: Float64Array
  passes: number
  cyclesCancelled: number
}

/**
 * Proves the flow optimal in original integer costs, independently of the scaling arithmetic: Bellman–Ford (queue
 * based, seeded with the scaled prices so it usually settles in one sweep) finds potentials, and any negative
 * residual cycle it meets is cancelled, so the flow returned is optimal even if float rounding had misled scaling.
 */
export function certifyOptimal(graph: FlowGraph, seedPrices: Float64Array, scale: number): Certificate {
  const { nodeCount: n, firstOut, head, rev, resCap, cost } = graph
  const potentials = new Float64Array(n)
  for (let v = 0; v < n; v++) potentials[v] = Math.round(seedPrices[v]! / scale)
  const distance = new Float64Array(n)
  const parentArc = new Int32Array(n)
  const queue = new Int32Array(n)
  const queued = new Uint8Array(n)
  const color = new Int32Array(n)
  let passes = 0
  let cyclesCancelled = 0

  const tailOf = (a: number) => head[rev[a]!]!

  // A cycle in the predecessor graph of Bellman–Ford always has negative length.
  const findParentCycle = (): number => {
    color.fill(0)
    for (let start = 0; start < n; start++) {
      if (color[start] !== 0) continue
      let v = start
      while (v !== -1 && color[v] === 0) {
        color[v] = start + 1
        v = parentArc[v]! < 0 ? -1 : tailOf(parentArc[v]!)
      }
      if (v !== -1 && color[v] === start + 1) return v
    }
    return -1
  }

  const cancelCycle = (onCycle: number) => {
    let amount = Number.MAX_SAFE_INTEGER
    let v = onCycle
    do {
      const a = parentArc[v]!
      amount = Math.min(amount, resCap[a]!)
      v = tailOf(a)
    } while (v !== onCycle)
    v = onCycle
    do {
      const a = parentArc[v]!
      resCap[a]! -= amount
      resCap[rev[a]!]! += amount
      v = tailOf(a)
    } while (v !== onCycle)
    cyclesCancelled++
  }

  for (;;) {
    passes++
    distance.fill(0)
    parentArc.fill(-1)
    let read = 0
    let size = n
    for (let v = 0; v < n; v++) {
      queue[v] = v
      queued[v] = 1
    }
    let relaxations = 0
    let cycleAt = -1
    while (size > 0) {
      const u = queue[read]!
      read = (read + 1) % n
      size--
      queued[u] = 0
      const base = distance[u]! + potentials[u]!
      for (let a = firstOut[u]!; a < firstOut[u + 1]!; a++) {
        if (resCap[a]! <= 0) continue
        const v = head[a]!
        const candidate = base + cost[a]! - potentials[v]!
        if (candidate >= distance[v]!) continue
        distance[v] = candidate
        parentArc[v] = a
        if (!queued[v]) {
          queued[v] = 1
          queue[(read + size++) % n] = v
        }
        if (++relaxations % n === 0) {
          cycleAt = findParentCycle()
          if (cycleAt !== -1) break
        }
      }
      if (cycleAt !== -1) break
    }
    if (cycleAt === -1) cycleAt = findParentCycle()
    if (cycleAt === -1) break
    cancelCycle(cycleAt)
  }
  for (let v = 0; v < n; v++) potentials[v]! += distance[v]!
  return { potentials, passes, cyclesCancelled }
}

/** True when every residual arc has non-negative reduced cost under `potentials` (the optimality condition). */
export function isReducedCostOptimal(graph: FlowGraph, potentials: Float64Array): boolean {
  const { nodeCount: n, firstOut, head, resCap, cost } = graph
  for (let u = 0; u < n; u++) {
    for (let a = firstOut[u]!; a < firstOut[u + 1]!; a++) {
      if (resCap[a]! > 0 && cost[a]! + potentials[u]! - potentials[head[a]!]! < 0) return false
    }
  }
  return true
}
