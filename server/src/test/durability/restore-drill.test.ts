import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bindDatabase } from '../../db'
import { openDatabase } from '../../db/client'
import { seedDemo } from '../../db/demo/seed-demo'
import { runMigrations } from '../../db/migrate'
import { seedReferenceData } from '../../db/seed'
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../../ops/backup'
import { fingerprint } from '../../ops/fingerprint'
import { useMasterKey } from '../../platform/crypto/secret-box'
import { adminUrl, databaseUrlFor, TEST_DATABASE_ENV } from '../database-url'

const pgUrl = process.env[TEST_DATABASE_ENV]
useMasterKey(randomBytes(32))

describe('backup and restore drill', () => {
  it.skipIf(!!pgUrl)(
    'restores a PGlite backup into an empty folder with the same row counts and digest',
    async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-drill-'))
      const source = path.join(root, 'source')
      const handle = await openDatabase({ kind: 'pglite', folder: source })
      bindDatabase(handle)
      await runMigrations(handle)
      await seedReferenceData(handle.db)
      await seedDemo(handle.db, { size: 'small' })
      const original = await fingerprint(handle)
      await handle.close()

      const file = path.join(root, 'backup.tar.gz')
      expect(await backupPglite(source, file)).toEqual(original)
      const restored = await restorePglite(file, path.join(root, 'restored'))
      expect(restored.tables.users).toBeGreaterThan(10)
      expect(restored).toEqual(original)
      await expect(restorePglite(file, path.join(root, 'restored'))).rejects.toThrow(/非空/)
      fs.rmSync(root, { recursive: true, force: true })
    },
    240_000,
  )

  it.skipIf(!pgUrl)(
    'restores a pg_dump backup into an empty PostgreSQL database with the same row counts and digest',
    async () => {
      const suffix = randomBytes(4).toString('hex')
      const [sourceDb, targetDb] = [`fm_drill_src_${suffix}`, `fm_drill_dst_${suffix}`]
      const admin = await openDatabase({ kind: 'postgres', url: adminUrl(pgUrl!), max: 1 })
      await admin.query(`create database ${sourceDb}`)
      await admin.query(`create database ${targetDb}`)
      try {
        const handle = await openDatabase({ kind: 'postgres', url: databaseUrlFor(pgUrl!, sourceDb), max: 2 })
        bindDatabase(handle)
        await runMigrations(handle)
        await seedReferenceData(handle.db)
        await seedDemo(handle.db, { size: 'small' })
        const original = await fingerprint(handle)
        await handle.close()
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fm-drill-')), 'backup.dump')
        expect(await backupPostgres(databaseUrlFor(pgUrl!, sourceDb), file)).toEqual(original)
        const restored = await restorePostgres(file, databaseUrlFor(pgUrl!, targetDb))
        expect(restored.tables.users).toBeGreaterThan(10)
        expect(restored).toEqual(original)
      } finally {
        await admin.query(`drop database if exists ${sourceDb} with (force)`)
        await admin.query(`drop database if exists ${targetDb} with (force)`)
        await admin.close()
      }
    },
    240_000,
  )
})
