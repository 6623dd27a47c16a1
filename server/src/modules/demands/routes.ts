import type { App } from '../../platform/http/types'

/** Registered by app.ts; the demands registry's routes go here. */
export function registerDemandRoutes(_app: App): void {}
