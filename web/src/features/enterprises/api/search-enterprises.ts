import { http } from '../../../shared/http'
import type { SearchPage } from '../../../shared/registry/registry-search'
import type { EnterpriseItem } from './types'

/** 企业库 search: `q`, filters (tier, gbtSection, industry, jurisdiction), owner=mine, status, sort, page. */
export const searchEnterprises = (query: Record<string, string | number | undefined>) =>
  http.get<SearchPage<EnterpriseItem>>('/enterprises', query)
