import { http } from '../../../shared/http'
import type { SearchPage } from '../../../shared/registry/registry-search'
import type { InstrumentItem } from './types'

/** 仪器设备共享 search: `q`, category, CMA, CNAS, availability, carrier, area, owner=mine, sort, page. */
export const searchInstruments = (query: Record<string, string | number | undefined>) =>
  http.get<SearchPage<InstrumentItem>>('/instruments', query)
