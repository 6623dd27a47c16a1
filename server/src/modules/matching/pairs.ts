import type { Filter, MatchContext } from '../../platform/search'

/** A match direction the platform offers, and how to build the query from the source record's document. */
export type MatchPair = {
  from: string
  to: string
  label: string
  /** Attributes of the source record that the results should share (industry chain, area …). */
  shareAttributes: readonly string[]
  /** Only results in a usable state: an open demand, an active record, a PoC center or pilot platform. */
  targetFilter: Filter
}

const ACTIVE: Filter = { attribute: 'status', in: ['active'] }

export const MATCH_PAIRS: readonly MatchPair[] = [
  {
    from: 'demand',
    to: 'achievement',
    label: '需求找成果',
    shareAttributes: ['industry', 'jurisdiction'],
    targetFilter: ACTIVE,
  },
  {
    from: 'achievement',
    to: 'demand',
    label: '成果找需求',
    shareAttributes: ['industry', 'jurisdiction'],
    targetFilter: { and: [ACTIVE, { attribute: 'state', in: ['open'] }] },
  },
  {
    from: 'achievement',
    to: 'enterprise',
    label: '成果找企业',
    shareAttributes: ['industry', 'jurisdiction'],
    targetFilter: ACTIVE,
  },
  {
    from: 'scenario',
    to: 'achievement',
    label: '场景找成果',
    shareAttributes: ['industry', 'jurisdiction'],
    targetFilter: ACTIVE,
  },
  {
    from: 'achievement',
    to: 'carrier',
    label: '找验证中心与中试平台',
    shareAttributes: ['industry', 'jurisdiction'],
    targetFilter: { and: [ACTIVE, { attribute: 'kind', in: ['pocCenter', 'pilotPlatform'] }] },
  },
]

export function findPair(from: string, to: string): MatchPair | undefined {
  return MATCH_PAIRS.find((p) => p.from === from && p.to === to)
}

type StoredAttributes = Record<string, string | number | (string | number)[] | null | undefined>

/** The context a source record gives its matches: shared attributes, wanted TRL, location. */
export function contextOf(pair: MatchPair, attributes: StoredAttributes): MatchContext {
  const shared: Record<string, (string | number)[]> = {}
  for (const name of pair.shareAttributes) {
    const value = attributes[name]
    const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]
    if (list.length) shared[name] = list
  }
  // A demand's wanted TRL (if its document carries one) makes TRL fit part of the ranking and the reasons.
  const trl = typeof attributes.trlWanted === 'number' ? attributes.trlWanted : undefined
  const lat = typeof attributes.latitude === 'number' ? attributes.latitude : undefined
  const lon = typeof attributes.longitude === 'number' ? attributes.longitude : undefined
  return {
    attributes: shared,
    ...(trl !== undefined && pair.to === 'achievement' ? { trl: { wanted: trl } } : {}),
    ...(lat !== undefined && lon !== undefined ? { near: { latitude: lat, longitude: lon } } : {}),
  }
}
