import { AsyncLocalStorage } from 'node:async_hooks'
import type { Database, DatabaseHandle } from './client'

let current: DatabaseHandle | undefined
const insideTransaction = new AsyncLocalStorage<boolean>()

/** Binds the process's database; main.ts does it once, and each test file for its own database. */
export function bindDatabase(handle: DatabaseHandle): void {
  current = handle
}

export function databaseHandle(): DatabaseHandle {
  if (!current) throw new Error('database not bound: call bindDatabase() first')
  return current
}

/**
 * The bound database. Services import this and open their transactions on it. Inside a transaction the
 * callback must use its `tx`: a query on `db` there would run outside the transaction on PostgreSQL and
 * wait forever for the single connection on PGlite, so it is refused at once.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    if (insideTransaction.getStore()) {
      throw new Error(`db.${String(property)} used inside a transaction: use the transaction's tx instead`)
    }
    const real = databaseHandle().db
    if (property === 'transaction') {
      return (callback: Parameters<Database['transaction']>[0], config?: Parameters<Database['transaction']>[1]) =>
        real.transaction((tx) => insideTransaction.run(true, () => callback(tx)), config)
    }
    const value = Reflect.get(real, property, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

export type { Database, DatabaseHandle, DbKind, Queryable, Transaction } from './client'
