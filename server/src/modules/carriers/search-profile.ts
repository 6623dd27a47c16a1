import type { SearchIndexConfig } from '../../platform/search'
import { CARRIER_INDEX, RECORD_TYPE } from './view'

/** The carriers index layout: name ×3, capability list ×2, introduction ×1. */
export const CARRIER_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = {
  recordType: RECORD_TYPE,
  config: CARRIER_INDEX,
}
