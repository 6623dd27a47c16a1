import type { MatchResult, RecordMatchResult } from '@server/modules/matching/service'

export type { MatchResult, RecordMatchResult }
export type MatchRecordType = 'achievement' | 'demand' | 'enterprise' | 'scenario' | 'carrier'
export type MatchSourceType = 'achievement' | 'demand' | 'scenario'
/** A record's matches of one kind, each with the caller's own 有意向 / 不相关 if given. */
export type MatchResponse = { pair: { from: string; to: string; label: string }; results: RecordMatchResult[] }
