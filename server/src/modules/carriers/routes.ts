import type { App } from '../../platform/http/types'

/** Registered by app.ts; the carriers registry's routes go here. */
export function registerCarrierRoutes(_app: App): void {}
