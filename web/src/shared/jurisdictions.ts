import { useQuery } from '@tanstack/react-query'
import { http } from './http'

/** Reference data every feature may show: the province → city → district tree (GB/T 2260 codes). */
export type Jurisdiction = {
  code: string
  name: string
  level: 'province' | 'city' | 'district'
  parentCode: string | null
  fullName: string
}

export type JurisdictionNode = { value: string; title: string; children?: JurisdictionNode[] }

export const listJurisdictions = () => http.get<{ items: Jurisdiction[] }>('/jurisdictions')

export function useJurisdictions() {
  return useQuery({ queryKey: ['jurisdictions'], queryFn: listJurisdictions, staleTime: Number.POSITIVE_INFINITY })
}

/** Builds the tree for a TreeSelect; items whose parent is not visible become roots (a city officer's city). */
export function jurisdictionTree(items: Jurisdiction[]): JurisdictionNode[] {
  const known = new Set(items.map((j) => j.code))
  const children = new Map<string, Jurisdiction[]>()
  const roots: Jurisdiction[] = []
  for (const item of items) {
    if (item.parentCode && known.has(item.parentCode)) {
      children.set(item.parentCode, [...(children.get(item.parentCode) ?? []), item])
    } else {
      roots.push(item)
    }
  }
  const toNode = (j: Jurisdiction): JurisdictionNode => {
    const kids = children.get(j.code)
    return kids ? { value: j.code, title: j.name, children: kids.map(toNode) } : { value: j.code, title: j.name }
  }
  return roots.map(toNode)
}
