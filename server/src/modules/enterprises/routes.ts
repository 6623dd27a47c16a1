import type { App } from '../../platform/http/types'

/** Registered by app.ts; the enterprises registry's routes go here. */
export function registerEnterpriseRoutes(_app: App): void {}
