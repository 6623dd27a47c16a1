import { useMemo } from 'react'
import { useJurisdictions } from '../jurisdictions'
import type { FacetValue } from './facet-filter'
import { useIndustrySystems } from './industry-systems'

/**
 * Industry facet values named with their system's area (生物医药（湖州市）), since several cities' systems
 * share chain names.
 */
export function useIndustryFacetLabels(facet: readonly FacetValue[] | undefined): FacetValue[] {
  const systems = useIndustrySystems(undefined)
  const jurisdictions = useJurisdictions()
  return useMemo(() => {
    const areaOf = new Map(
      (systems.data?.items ?? []).map((s) => [
        s.code,
        s.jurisdictionCode === '000000'
          ? '国家'
          : (jurisdictions.data?.items.find((j) => j.code === s.jurisdictionCode)?.name ?? ''),
      ]),
    )
    return (facet ?? []).map((f) => {
      const area = areaOf.get(f.value.split(':')[0] ?? '')
      return area ? { ...f, label: `${f.label}（${area}）` } : f
    })
  }, [facet, systems.data, jurisdictions.data])
}
