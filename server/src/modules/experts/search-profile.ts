import type { SearchIndexConfig } from '../../platform/search'

/** The experts index layout, or undefined while the registry has no search index. */
export const EXPERT_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = undefined
