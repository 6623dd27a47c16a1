import { describe, expect, it } from 'vitest'
import { certifyOptimal, isReducedCostOptimal } from './certify'
import { minimizeCost } from './cost-scaling'
import { flowOn, GraphBuilder, UnitAugmenter } from './graph'
import { augmentMaxFlow } from './max-flow'

/** Source 0 sends one unit through hub 1 to sink 4, via node 2 (cost -1) or node 3 (cost -5). */
function twoRoutes() {
  const builder = new GraphBuilder(5)
  builder.addArc(0, 1, 1, 0)
  const cheap = builder.addArc(1, 2, 1, -1)
  const dear = builder.addArc(1, 3, 1, -5)
  builder.addArc(2, 4, 1, 0)
  builder.addArc(3, 4, 1, 0)
  const graph = builder.build()
  return { graph, cheap: builder.position(cheap), dear: builder.position(dear) }
}

describe('flow primitives', () => {
  it('certification cancels a negative cycle left in a feasible flow', () => {
    const { graph, cheap, dear } = twoRoutes()
    const augmenter = new UnitAugmenter(graph)
    expect(augmenter.augment(0, 4, -1)).toBe(true)
    expect(flowOn(graph, cheap)).toBe(1)
    const certificate = certifyOptimal(graph, new Float64Array(5), 1)
    expect(certificate.cyclesCancelled).toBe(1)
    expect([flowOn(graph, cheap), flowOn(graph, dear)]).toEqual([0, 1])
    expect(isReducedCostOptimal(graph, certificate.potentials)).toBe(true)
  })

  it('cost scaling moves the unit to the cheaper route and keeps the flow value', () => {
    const { graph, cheap, dear } = twoRoutes()
    expect(augmentMaxFlow(graph, 0, 4)).toBe(1)
    const scaling = minimizeCost(graph)
    expect([flowOn(graph, cheap), flowOn(graph, dear)]).toEqual([0, 1])
    expect(certifyOptimal(graph, scaling.prices, scaling.scale).cyclesCancelled).toBe(0)
  })

  it('max flow saturates a bipartite graph with a Hall bottleneck', () => {
    // Left 1..3 each with capacity 1 from the source 0; right 4..6 to sink 7; lefts 1 and 2 both reach only 4.
    const builder = new GraphBuilder(8)
    for (const left of [1, 2, 3]) builder.addArc(0, left, 1, 0)
    for (const right of [4, 5, 6]) builder.addArc(right, 7, 1, 0)
    builder.addArc(1, 4, 1, 0)
    builder.addArc(2, 4, 1, 0)
    builder.addArc(3, 4, 1, 0)
    builder.addArc(3, 5, 1, 0)
    builder.addArc(3, 6, 1, 0)
    const graph = builder.build()
    expect(augmentMaxFlow(graph, 0, 7)).toBe(2)
    expect(augmentMaxFlow(graph, 0, 7)).toBe(0)
  })

  it('a unit never routes through the blocked node', () => {
    const { graph } = twoRoutes()
    expect(new UnitAugmenter(graph).augment(0, 4, 1)).toBe(false)
    expect(new UnitAugmenter(graph).augment(0, 4, 2)).toBe(true)
  })
})
