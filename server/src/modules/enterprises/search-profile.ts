import type { SearchIndexConfig } from '../../platform/search'

/** The enterprises index layout, or undefined while the registry has no search index. */
export const ENTERPRISE_SEARCH: { recordType: string; config: SearchIndexConfig } | undefined = undefined
