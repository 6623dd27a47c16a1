import { http } from '../../../shared/http'
import type { SearchPage } from '../../../shared/registry/registry-search'
import type { ExpertItem } from './types'

/** 专家库 search: `q`, think tank, 学科门类, industry, availability, area, owner=mine, status, sort, page. */
export const searchExperts = (query: Record<string, string | number | undefined>) =>
  http.get<SearchPage<ExpertItem>>('/experts', query)
