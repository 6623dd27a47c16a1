import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { afterAll, beforeAll, inject } from 'vitest'
import { bindDatabase, type DatabaseHandle } from '../db'
import { openDatabase } from '../db/client'
import { resetClock } from '../platform/clock/clock'
import { useMasterKey } from '../platform/crypto/secret-box'
import { adminUrl, databaseUrlFor, TEST_DATABASE_ENV } from './database-url'

/** A fresh database for one test file: a copy of the run's migrated template, on PGlite or PostgreSQL. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env[TEST_DATABASE_ENV]
  if (!url) {
    const image = fs.readFileSync(inject('pgliteTemplate'))
    return openDatabase({ kind: 'pglite', loadDataDir: new Blob([image]) })
  }
  const name = `fm_t_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl(url), max: 1 })
  await admin.query(`create database ${name} template ${inject('pgTemplateDatabase')}`)
  await admin.close()
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, name), max: 5 })
  return {
    ...handle,
    async close() {
      await handle.close()
      const again = await openDatabase({ kind: 'postgres', url: adminUrl(url), max: 1 })
      await again.query(`drop database if exists ${name} with (force)`)
      await again.close()
    },
  }
}

/** Binds a fresh database for the test file it is called from and closes it afterwards. */
export function withTestDatabase(): { handle: () => DatabaseHandle } {
  let handle: DatabaseHandle | undefined
  beforeAll(async () => {
    useMasterKey(randomBytes(32))
    resetClock()
    handle = await createTestDatabase()
    bindDatabase(handle)
  })
  afterAll(async () => {
    await handle?.close()
  })
  return {
    handle: () => {
      if (!handle) throw new Error('test database not ready')
      return handle
    },
  }
}
