import type { SearchIndexConfig } from '../../platform/search'
import { ENTERPRISE_INDEX, RECORD_TYPE } from './view'

/** The enterprises index layout: name ×3, products/keywords ×2, description ×1. */
export const ENTERPRISE_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = {
  recordType: RECORD_TYPE,
  config: ENTERPRISE_INDEX,
}
