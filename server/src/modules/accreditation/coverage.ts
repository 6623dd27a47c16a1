/** A node of a city's industry system, as the industries service stores it. */
export type CoverageNode = {
  code: string
  name: string
  parentCode: string | null
  kind?: 'group' | 'industry' | 'segment'
}
export type CoveringCenter = { id: string; name: string; level: string | null; industryCodes: readonly string[] }

export type LeafCoverage = {
  code: string
  name: string
  path: string
  covered: boolean
  centers: { id: string; name: string; level: string | null; via: string | null }[]
}

/**
 * Which chains (leaves) of an industry system have an accredited center (seed 004 行动方案 一 全覆盖, seed 002
 * 重点产业链全覆盖). A center classified at an industry covers its chains; a policy group (新兴产业) does not.
 */
export function computeCoverage(
  systemCode: string,
  nodes: readonly CoverageNode[],
  centers: readonly CoveringCenter[],
): { total: number; covered: number; leaves: LeafCoverage[] } {
  const byCode = new Map(nodes.map((n) => [n.code, n]))
  const parents = new Set(nodes.map((n) => n.parentCode))
  const leaves = nodes.filter((n) => !parents.has(n.code))
  const out = leaves.map((leaf): LeafCoverage => {
    const chain: CoverageNode[] = []
    for (let n: CoverageNode | undefined = leaf; n; n = n.parentCode ? byCode.get(n.parentCode) : undefined)
      chain.push(n)
    const covering = chain.filter((n) => n === leaf || n.kind !== 'group')
    const found = centers.flatMap((c) => {
      const hit = covering.find((n) => c.industryCodes.includes(`${systemCode}:${n.code}`))
      return hit ? [{ id: c.id, name: c.name, level: c.level, via: hit === leaf ? null : hit.name }] : []
    })
    return {
      code: leaf.code,
      name: leaf.name,
      path: chain
        .slice(1)
        .reverse()
        .map((n) => n.name)
        .join(' / '),
      covered: found.length > 0,
      centers: found,
    }
  })
  // One chain the system lists twice (温州 names 眼脑健康 under 生命健康 and among the 未来产业, as the seed does) is
  // one chain: a center on either place covers both.
  const byName = new Map<string, LeafCoverage[]>()
  for (const leaf of out) byName.set(leaf.name, [...(byName.get(leaf.name) ?? []), leaf])
  const merged = out.map((leaf): LeafCoverage => {
    if (leaf.covered) return leaf
    const twin = byName.get(leaf.name)!.find((other) => other.covered)
    if (!twin) return leaf
    const parent = twin.path.split(' / ').at(-1)
    const via = parent ? `${parent} / ${twin.name}` : twin.name
    return { ...leaf, covered: true, centers: twin.centers.map((c) => ({ ...c, via })) }
  })
  return { total: merged.length, covered: merged.filter((l) => l.covered).length, leaves: merged }
}
