import type { FlowGraph } from './graph'

/**
 * Dinic's blocking-flow maximum flow from `source` to `sink` on top of whatever flow the graph already carries.
 * Returns the added amount. Iterative, so long augmenting paths cannot overflow the call stack.
 */
export function augmentMaxFlow(graph: FlowGraph, source: number, sink: number): number {
  const { nodeCount: n, firstOut, head, rev, resCap } = graph
  const level = new Int32Array(n)
  const current = new Int32Array(n)
  const queue = new Int32Array(n)
  const path = new Int32Array(n)
  let total = 0

  const buildLevels = (): boolean => {
    level.fill(-1)
    level[source] = 0
    let read = 0
    let write = 0
    queue[write++] = source
    while (read < write) {
      const u = queue[read++]!
      const next = level[u]! + 1
      for (let a = firstOut[u]!; a < firstOut[u + 1]!; a++) {
        const v = head[a]!
        if (resCap[a]! > 0 && level[v] === -1) {
          level[v] = next
          queue[write++] = v
        }
      }
    }
    return level[sink] !== -1
  }

  while (buildLevels()) {
    current.set(firstOut.subarray(0, n))
    let depth = 0
    let u = source
    for (;;) {
      if (u === sink) {
        let bottleneck = Number.MAX_SAFE_INTEGER
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, resCap[path[i]!]!)
        let restart = depth
        for (let i = depth - 1; i >= 0; i--) {
          const a = path[i]!
          resCap[a]! -= bottleneck
          resCap[rev[a]!]! += bottleneck
          if (resCap[a] === 0) restart = i
        }
        total += bottleneck
        // Resume from the tail of the first saturated arc; the prefix before it still has capacity.
        depth = restart
        u = depth === 0 ? source : head[path[depth - 1]!]!
        continue
      }
      let advanced = false
      const limit = firstOut[u + 1]!
      for (let a = current[u]!; a < limit; a++) {
        const v = head[a]!
        if (resCap[a]! > 0 && level[v] === level[u]! + 1) {
          current[u] = a
          path[depth++] = a
          u = v
          advanced = true
          break
        }
      }
      if (advanced) continue
      current[u] = limit
      // Dead end: nothing more flows through u in this phase.
      level[u] = -1
      if (depth === 0) break
      const back = path[--depth]!
      u = head[rev[back]!]!
      current[u]!++
    }
  }
  return total
}
