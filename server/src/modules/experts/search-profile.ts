import type { SearchIndexConfig } from '../../platform/search'
import { EXPERT_INDEX, RECORD_TYPE } from './view'

/** The experts index layout: name, fields, keywords, affiliations. */
export const EXPERT_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = {
  recordType: RECORD_TYPE,
  config: EXPERT_INDEX,
}
