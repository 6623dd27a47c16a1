import type { App } from '../../platform/http/types'

/** Registered by app.ts; the scenarios registry's routes go here. */
export function registerScenarioRoutes(_app: App): void {}
