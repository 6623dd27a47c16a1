import { http } from '../../../shared/http'
import type { SearchPage } from '../../../shared/registry/registry-search'
import type { CarrierItem } from './types'

/** 载体 search: `q`, kind, sub-type, level, accreditation, capability, industry, area, owner=mine, sort, page. */
export const searchCarriers = (query: Record<string, string | number | undefined>) =>
  http.get<SearchPage<CarrierItem>>('/carriers', query)
