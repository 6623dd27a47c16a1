import type { SearchIndexConfig } from '../../platform/search'

/** The demands index layout, or undefined while the registry has no search index. */
export const DEMAND_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = undefined
