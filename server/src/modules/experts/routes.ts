import type { App } from '../../platform/http/types'

/** Registered by app.ts; the experts registry's routes go here. */
export function registerExpertRoutes(_app: App): void {}
