import type { Database, DatabaseHandle } from './client'

let current: DatabaseHandle | undefined

/** Binds the process's database; main.ts does it once, and each test file for its own database. */
export function bindDatabase(handle: DatabaseHandle): void {
  current = handle
}

export function databaseHandle(): DatabaseHandle {
  if (!current) throw new Error('database not bound: call bindDatabase() first')
  return current
}

/** The bound database. Services import this and open their transactions on it. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = databaseHandle().db
    const value = Reflect.get(real, property, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

export type { Database, DatabaseHandle, DbKind, Queryable, Transaction } from './client'
