import type { SearchIndexConfig } from '../../platform/search'
import { INSTRUMENT_INDEX, RECORD_TYPE } from './view'

/** The instruments index layout: name ×3, key specifications ×2, category / model / maker ×1. */
export const INSTRUMENT_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = {
  recordType: RECORD_TYPE,
  config: INSTRUMENT_INDEX,
}
