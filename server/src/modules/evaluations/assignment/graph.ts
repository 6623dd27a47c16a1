/**
 * A residual network in compressed form: arcs of node v are firstOut[v] … firstOut[v + 1) - 1, each paired with
 * its reverse arc (rev). Capacities are residual; costs are integers (reverse arcs carry the negated cost).
 */
export interface FlowGraph {
  nodeCount: number
  firstOut: Int32Array
  head: Int32Array
  rev: Int32Array
  resCap: Int32Array
  cost: Float64Array
}

/** Collects forward arcs, then lays them out; `position(i)` is where forward arc i landed. */
export class GraphBuilder {
  private tails = new Int32Array(1024)
  private heads = new Int32Array(1024)
  private caps = new Int32Array(1024)
  private costs = new Float64Array(1024)
  private count = 0
  private positions: Int32Array | undefined

  constructor(readonly nodeCount: number) {}

  addArc(tail: number, head: number, capacity: number, cost: number): number {
    if (this.count === this.tails.length) this.grow()
    const i = this.count++
    this.tails[i] = tail
    this.heads[i] = head
    this.caps[i] = capacity
    this.costs[i] = cost
    return i
  }

  get arcCount(): number {
    return this.count
  }

  build(): FlowGraph {
    const n = this.nodeCount
    const m = this.count
    const firstOut = new Int32Array(n + 1)
    for (let i = 0; i < m; i++) {
      firstOut[this.tails[i]! + 1]!++
      firstOut[this.heads[i]! + 1]!++
    }
    for (let v = 0; v < n; v++) firstOut[v + 1]! += firstOut[v]!
    const next = firstOut.slice(0, n)
    const head = new Int32Array(2 * m)
    const rev = new Int32Array(2 * m)
    const resCap = new Int32Array(2 * m)
    const cost = new Float64Array(2 * m)
    const positions = new Int32Array(m)
    for (let i = 0; i < m; i++) {
      const u = this.tails[i]!
      const v = this.heads[i]!
      const a = next[u]!++
      const b = next[v]!++
      head[a] = v
      head[b] = u
      rev[a] = b
      rev[b] = a
      resCap[a] = this.caps[i]!
      cost[a] = this.costs[i]!
      cost[b] = -this.costs[i]!
      positions[i] = a
    }
    this.positions = positions
    return { nodeCount: n, firstOut, head, rev, resCap, cost }
  }

  position(i: number): number {
    if (!this.positions) throw new Error('build() first')
    return this.positions[i]!
  }

  private grow(): void {
    const size = this.tails.length * 2
    const resize = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old)
      return fresh
    }
    this.tails = resize(this.tails, new Int32Array(size))
    this.heads = resize(this.heads, new Int32Array(size))
    this.caps = resize(this.caps, new Int32Array(size))
    this.costs = resize(this.costs, new Float64Array(size))
  }
}

/** Moves `amount` units along arc a (and back along its pair). */
export function push(graph: FlowGraph, a: number, amount: number): void {
  graph.resCap[a]! -= amount
  graph.resCap[graph.rev[a]!]! += amount
}

/** Flow carried by forward arc a whose original capacity was `capacity`. */
export function flowOn(graph: FlowGraph, a: number): number {
  return graph.resCap[graph.rev[a]!]!
}

/**
 * Sends single units along residual paths found by breadth-first search. Reuses its buffers (marked by epoch)
 * because fixed assignments are routed one by one and each search stays inside one project.
 */
export class UnitAugmenter {
  private readonly parentArc: Int32Array
  private readonly seen: Int32Array
  private readonly queue: Int32Array
  private epoch = 0

  constructor(private readonly graph: FlowGraph) {
    this.parentArc = new Int32Array(graph.nodeCount)
    this.seen = new Int32Array(graph.nodeCount)
    this.queue = new Int32Array(graph.nodeCount)
  }

  /** One unit from `from` to `to`, never entering `blocked`; false when no residual path exists. */
  augment(from: number, to: number, blocked: number): boolean {
    const { firstOut, head, resCap, rev } = this.graph
    const { parentArc, seen, queue } = this
    const epoch = ++this.epoch
    let read = 0
    let write = 0
    queue[write++] = from
    seen[from] = epoch
    while (read < write) {
      const u = queue[read++]!
      for (let a = firstOut[u]!; a < firstOut[u + 1]!; a++) {
        const v = head[a]!
        if (resCap[a]! <= 0 || seen[v] === epoch || v === blocked) continue
        seen[v] = epoch
        parentArc[v] = a
        if (v === to) {
          for (let w = to; w !== from; ) {
            const arc = parentArc[w]!
            push(this.graph, arc, 1)
            w = head[rev[arc]!]!
          }
          return true
        }
        queue[write++] = v
      }
    }
    return false
  }
}
