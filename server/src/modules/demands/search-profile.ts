import type { SearchIndexConfig } from '../../platform/search'
import { DEMAND_INDEX, RECORD_TYPE } from './view'

/** The demands index layout: title ×3, keywords ×2, description ×1. */
export const DEMAND_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = {
  recordType: RECORD_TYPE,
  config: DEMAND_INDEX,
}
