import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Marked } from '../../../shared/registry/marked-text'
import {
  type AchievementItem,
  type CarrierItem,
  type DemandListItem,
  type InstrumentItem,
  type PortalType,
  portalTypeOf,
  type ScenarioListItem,
} from './types'

/** One catalogue row, whatever its kind: what the list card shows. */
export type CatalogueItem = {
  id: string
  titleMarked: Marked
  snippet: Marked
  tags: { text: string; color?: string }[]
  meta: string[]
  sourceLabel: string | null
}
type Page<T> = { items: T[]; total: number }

export type CatalogueQuery = { q?: string; city: string; industry?: string; page: number; pageSize: number }

const date = (iso: string) => iso.slice(0, 10)
/** Signed-in people see 内部 records here too: those say so. */
const notPublic = (r: { confidentiality: string; confidentialityLabel: string }) =>
  r.confidentiality === 'public' ? [] : [{ text: r.confidentialityLabel, color: 'blue' }]

const adapt: { [K in PortalType]: (item: never) => CatalogueItem } = {
  achievement: (a: AchievementItem) => ({
    id: a.id,
    titleMarked: a.titleMarked,
    snippet: a.snippet,
    sourceLabel: a.sourceLabel,
    tags: [
      ...notPublic(a),
      { text: `TRL ${a.trl}`, color: 'geekblue' },
      { text: a.maturityLabel },
      ...a.industries.slice(0, 2).map((i) => ({ text: i.name, color: 'cyan' })),
    ],
    meta: [a.ownerOrgName, a.jurisdictionName, a.transferModeLabels.join('、')],
  }),
  demand: (d: DemandListItem) => ({
    id: d.id,
    titleMarked: d.titleMarked,
    snippet: d.snippet,
    sourceLabel: d.sourceLabel,
    tags: [
      ...notPublic(d),
      { text: d.statusLabel, color: d.status === 'open' ? 'processing' : 'default' },
      { text: `预算 ${d.budgetLabel}`, color: 'orange' },
      ...d.industries.slice(0, 2).map((i) => ({ text: i.name, color: 'cyan' })),
    ],
    meta: [d.ownerOrgName, d.jurisdictionName, `截止 ${d.deadline}`],
  }),
  scenario: (s: ScenarioListItem) => ({
    id: s.id,
    titleMarked: s.titleMarked,
    snippet: s.snippet,
    sourceLabel: s.sourceLabel,
    tags: [
      ...notPublic(s),
      { text: s.statusLabel, color: s.status === 'open' ? 'processing' : 'default' },
      ...s.offerLabels.map((o) => ({ text: `提供${o}`, color: 'green' })),
    ],
    meta: [s.ownerOrgName, s.address, `截止 ${s.deadline}`],
  }),
  carrier: (c: CarrierItem) => ({
    id: c.id,
    titleMarked: c.nameMarked,
    snippet: c.snippet,
    sourceLabel: null,
    tags: [
      ...notPublic(c),
      { text: c.kindLabel, color: 'blue' },
      ...(c.subtypeLabel ? [{ text: c.subtypeLabel }] : []),
      ...(c.levelLabel ? [{ text: c.levelLabel, color: 'gold' }] : []),
      { text: c.accreditationLabel, color: c.accreditationStatus === 'accredited' ? 'success' : 'default' },
    ],
    meta: [c.ownerOrgName, c.address],
  }),
  instrument: (i: InstrumentItem) => ({
    id: i.id,
    titleMarked: i.nameMarked,
    snippet: i.snippet,
    sourceLabel: null,
    tags: [
      ...notPublic(i),
      { text: i.categoryLabel, color: 'blue' },
      ...(i.hasCma ? [{ text: 'CMA', color: 'green' }] : []),
      ...(i.hasCnas ? [{ text: 'CNAS', color: 'green' }] : []),
      { text: i.priceLabel, color: 'orange' },
    ],
    meta: [i.carrierName ?? i.ownerOrgName, i.jurisdictionName, `更新于 ${date(i.updatedAt)}`],
  }),
}

/** The portal shows what is open to take part in: 征集中 demands and scenarios, bookable instruments. */
const openOnly: Partial<Record<PortalType, Record<string, string>>> = {
  demand: { status: 'open' },
  scenario: { status: 'open' },
  instrument: { availability: 'available' },
}

export async function searchCatalogue(type: PortalType, query: CatalogueQuery) {
  const page = await http.get<Page<never>>(portalTypeOf(type).path, {
    q: query.q,
    jurisdiction: query.city,
    industry: type === 'instrument' ? undefined : query.industry,
    page: query.page,
    pageSize: query.pageSize,
    ...openOnly[type],
  })
  return { total: page.total, items: page.items.map((item) => adapt[type](item)) }
}

export function useCatalogue(type: PortalType, query: CatalogueQuery) {
  return useQuery({
    queryKey: ['portal', 'catalogue', type, query],
    queryFn: () => searchCatalogue(type, query),
    placeholderData: keepPreviousData,
  })
}
