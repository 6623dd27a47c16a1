import type { SearchIndexConfig } from '../../platform/search'
import { RECORD_TYPE, SCENARIO_INDEX } from './view'

/** The scenarios index layout: title ×3, technology keywords ×2, description (with the address) ×1. */
export const SCENARIO_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = {
  recordType: RECORD_TYPE,
  config: SCENARIO_INDEX,
}
