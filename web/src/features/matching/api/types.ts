import type { MatchResult } from '@server/modules/matching/service'

export type { MatchResult }
export type MatchRecordType = 'achievement' | 'demand' | 'enterprise' | 'scenario' | 'carrier'
export type MatchSourceType = 'achievement' | 'demand' | 'scenario'
export type MatchResponse = { pair: { from: string; to: string; label: string }; results: MatchResult[] }
