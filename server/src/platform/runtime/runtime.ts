import type { DbKind } from '../../db'

/** Facts about this running instance that services need (set once by buildApp). */
export type Runtime = { demo: boolean; requireTotp: boolean; version: string; dbKind: DbKind }

let current: Runtime = { demo: false, requireTotp: true, version: '0.0.0', dbKind: 'pglite' }

export function setRuntime(runtime: Runtime): void {
  current = runtime
}

export function runtime(): Runtime {
  return current
}
