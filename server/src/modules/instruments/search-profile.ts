import type { SearchIndexConfig } from '../../platform/search'

/** The instruments index layout, or undefined while the registry has no search index. */
export const INSTRUMENT_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = undefined
