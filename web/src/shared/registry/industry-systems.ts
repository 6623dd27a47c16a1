import type { IndustrySystem } from '@server/modules/industries/routes'
import { useQuery } from '@tanstack/react-query'
import { http } from '../http'

export type { IndustrySystem }

export const listIndustrySystems = (jurisdiction?: string) =>
  http.get<{ items: IndustrySystem[] }>('/industry-systems', { jurisdiction })

/** The systems that apply to an area (its own, its city's, the national one); all systems without an area. */
export function useIndustrySystems(jurisdiction?: string | null) {
  return useQuery({
    queryKey: ['industry-systems', jurisdiction ?? 'all'],
    queryFn: () => listIndustrySystems(jurisdiction ?? undefined),
    staleTime: 10 * 60_000,
  })
}

/** Record code of a node, as records store it: `<system>:<node>`. */
export const qualifiedCode = (system: string, node: string) => `${system}:${node}`

export type IndustryTreeNode = {
  value: string
  title: string
  selectable?: boolean
  disabled?: boolean
  children?: IndustryTreeNode[]
}

/**
 * One root per system, its nodes below by `parentCode`. `counts` (a facet) is shown beside a node's name;
 * a system's own root is a heading, not a value.
 */
export function industryTree(systems: readonly IndustrySystem[], counts?: ReadonlyMap<string, number>) {
  return systems.map((system): IndustryTreeNode => {
    const children = new Map<string | null, IndustrySystem['nodes']>()
    for (const node of system.nodes) children.set(node.parentCode, [...(children.get(node.parentCode) ?? []), node])
    const toNode = (node: IndustrySystem['nodes'][number]): IndustryTreeNode => {
      const value = qualifiedCode(system.code, node.code)
      const count = counts?.get(value)
      const kids = children.get(node.code)
      const suffix = node.toBeCompleted ? '（待城市补充）' : count !== undefined ? `（${count}）` : ''
      return { value, title: `${node.name}${suffix}`, ...(kids ? { children: kids.map(toNode) } : {}) }
    }
    return {
      value: `system:${system.code}`,
      title: system.name,
      selectable: false,
      children: (children.get(null) ?? []).map(toNode),
    }
  })
}

/** Every qualified code with its name, to show codes the API returns (facets, 为什么推荐) by name. */
export function industryNameMap(systems: readonly IndustrySystem[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const system of systems)
    for (const node of system.nodes) names.set(qualifiedCode(system.code, node.code), node.name)
  return names
}

/** A code and every node below it, so filtering by 人工智能 also finds 具身智能机器人. */
export function withDescendants(systems: readonly IndustrySystem[], codes: readonly string[]): string[] {
  const out = new Set<string>()
  for (const code of codes) {
    out.add(code)
    const [systemCode, nodeCode] = code.split(':')
    const system = systems.find((s) => s.code === systemCode)
    if (!system || !nodeCode) continue
    const stack = [nodeCode]
    while (stack.length) {
      const parent = stack.pop()
      for (const node of system.nodes.filter((n) => n.parentCode === parent)) {
        out.add(qualifiedCode(system.code, node.code))
        stack.push(node.code)
      }
    }
  }
  return [...out]
}
