import type { App } from '../../platform/http/types'

/** Registered by app.ts; the instruments registry's routes go here. */
export function registerInstrumentRoutes(_app: App): void {}
