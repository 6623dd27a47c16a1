import type { SearchIndexConfig } from '../../platform/search'

/** The carriers index layout, or undefined while the registry has no search index. */
export const CARRIER_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = undefined
