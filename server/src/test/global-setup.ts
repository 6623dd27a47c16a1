import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { bindDatabase } from '../db'
import { openDatabase } from '../db/client'
import { runMigrations } from '../db/migrate'
import { seedReferenceData } from '../db/seed'
import { adminUrl, databaseUrlFor, TEST_DATABASE_ENV } from './database-url'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    pgTemplateDatabase: string
  }
}

/**
 * Prepares one migrated, reference-seeded database per run; every test file then starts from a copy:
 * a PGlite data-dir image, or a PostgreSQL database created from a template.
 */
export default async function setup(project: TestProject) {
  const url = process.env[TEST_DATABASE_ENV]
  if (!url) {
    const handle = await openDatabase({ kind: 'pglite' })
    bindDatabase(handle)
    await runMigrations(handle)
    await seedReferenceData(handle.db)
    const image = await handle.pglite!.dumpDataDir('none')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fm-tpl-')), 'template.tar')
    fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()))
    await handle.close()
    project.provide('pgliteTemplate', file)
    project.provide('pgTemplateDatabase', '')
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
  const template = `fm_tpl_${process.pid}_${Date.now().toString(36)}`
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl(url), max: 1 })
  await admin.query(`create database ${template}`)
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, template), max: 2 })
  bindDatabase(handle)
  await runMigrations(handle)
  await seedReferenceData(handle.db)
  await handle.close()
  project.provide('pgliteTemplate', '')
  project.provide('pgTemplateDatabase', template)
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`)
    await admin.close()
  }
}
