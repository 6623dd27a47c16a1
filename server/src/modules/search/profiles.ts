import { RECORD_TYPE as ACHIEVEMENT, ACHIEVEMENT_INDEX } from '../achievements/view'
import { CARRIER_SEARCH } from '../carriers/search-profile'
import { DEMAND_SEARCH } from '../demands/search-profile'
import { ENTERPRISE_SEARCH } from '../enterprises/search-profile'
import { EXPERT_SEARCH } from '../experts/search-profile'
import { INSTRUMENT_SEARCH } from '../instruments/search-profile'
import { SCENARIO_SEARCH } from '../scenarios/search-profile'
import { registerSearchProfile } from './service'

/** Every searchable record type and its index layout. Called once per process before the indexes are built. */
export function registerSearchProfiles(): void {
  registerSearchProfile(ACHIEVEMENT, ACHIEVEMENT_INDEX)
  for (const profile of [
    DEMAND_SEARCH,
    SCENARIO_SEARCH,
    ENTERPRISE_SEARCH,
    EXPERT_SEARCH,
    CARRIER_SEARCH,
    INSTRUMENT_SEARCH,
  ]) {
    if (profile) registerSearchProfile(profile.recordType, profile.config)
  }
}
