import { RECORD_TYPE as ACHIEVEMENT, ACHIEVEMENT_INDEX } from '../achievements/view'
import { registerSearchProfile } from './service'

/** Every searchable record type and its index layout. Called once per process before the indexes are built. */
export function registerSearchProfiles(): void {
  registerSearchProfile(ACHIEVEMENT, ACHIEVEMENT_INDEX)
}
