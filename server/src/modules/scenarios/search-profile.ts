import type { SearchIndexConfig } from '../../platform/search'

/** The scenarios index layout, or undefined while the registry has no search index. */
export const SCENARIO_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = undefined
