import { type AttributeColumn, type ValueDictionary, valueIds } from './attributes'
import type { Segment } from './segment'

/** What a matching caller knows about the need besides its words (a demand's industry, wanted TRL, place). */
export interface MatchContext {
  /** Values per attribute the result should share: industry chain, discipline, jurisdiction … */
  readonly attributes?: Readonly<Record<string, readonly (string | number)[]>>
  /** Wanted technology readiness level (1–9); documents at or above it fit fully. */
  readonly trl?: { readonly wanted: number; readonly attribute?: string }
  readonly near?: {
    readonly latitude: number
    readonly longitude: number
    readonly latitudeAttribute?: string
    readonly longitudeAttribute?: string
    /** Distance at which nearness falls to 1/e; 100 km unless given. */
    readonly scaleKm?: number
  }
}

export interface ContextEvidence {
  readonly attributeMatch: number
  readonly trlFit: number
  readonly nearness: number
  readonly shared: { attribute: string; values: string[] }[]
  readonly trl?: number
  readonly distanceKm?: number
}

const EARTH_RADIUS_KM = 6371

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

function numberAt(column: AttributeColumn | undefined, doc: number): number {
  return column?.kind === 'number' ? column.values[doc]! : Number.NaN
}

/** Context features of one document and the facts behind them (for 为什么推荐). */
export function contextEvidence(
  context: MatchContext | undefined,
  segment: Segment,
  doc: number,
  dictionaries: Map<string, ValueDictionary>,
): ContextEvidence {
  if (!context) return { attributeMatch: 0, trlFit: 0, nearness: 0, shared: [] }
  const columns = segment.data.attributes
  const shared: { attribute: string; values: string[] }[] = []
  const wantedAttributes = Object.entries(context.attributes ?? {})
  for (const [name, wanted] of wantedAttributes) {
    const column = columns[name]
    const dictionary = dictionaries.get(name)
    if (!column || !dictionary) continue
    const want = new Set(wanted.map(String))
    const values = Array.from(valueIds(column, doc), (id) => dictionary.values[id]!).filter((v) => want.has(v))
    if (values.length > 0) shared.push({ attribute: name, values })
  }
  const attributeMatch = wantedAttributes.length > 0 ? shared.length / wantedAttributes.length : 0
  let trlFit = 0
  let trl: number | undefined
  if (context.trl) {
    const value = numberAt(columns[context.trl.attribute ?? 'trl'], doc)
    if (!Number.isNaN(value)) {
      trl = value
      trlFit = value >= context.trl.wanted ? 1 : Math.max(0, 1 - (context.trl.wanted - value) / 8)
    }
  }
  let nearness = 0
  let km: number | undefined
  if (context.near) {
    const lat = numberAt(columns[context.near.latitudeAttribute ?? 'latitude'], doc)
    const lon = numberAt(columns[context.near.longitudeAttribute ?? 'longitude'], doc)
    if (!Number.isNaN(lat) && !Number.isNaN(lon)) {
      km = distanceKm(context.near.latitude, context.near.longitude, lat, lon)
      nearness = Math.exp(-km / (context.near.scaleKm ?? 100))
    }
  }
  return {
    attributeMatch,
    trlFit,
    nearness,
    shared,
    ...(trl === undefined ? {} : { trl }),
    ...(km === undefined ? {} : { distanceKm: km }),
  }
}
