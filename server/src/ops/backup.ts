import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { openDatabase } from '../db/client'
import { fingerprint } from './fingerprint'

const run = promisify(execFile)

/**
 * Backups. PGlite: a gzipped image of the data folder, taken with the server stopped (the folder lock
 * guarantees nobody writes meanwhile). PostgreSQL: pg_dump's custom format, taken online.
 * Each backup writes a sidecar `<file>.json` with the fingerprint (row counts + SM3 digest) to check a restore against.
 */
export async function backupPglite(dataDir: string, file: string) {
  const handle = await openDatabase({ kind: 'pglite', folder: dataDir })
  try {
    const print = await fingerprint(handle)
    const image = await handle.pglite!.dumpDataDir('gzip')
    fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()))
    fs.writeFileSync(`${file}.json`, JSON.stringify(print, null, 2))
    return print
  } finally {
    await handle.close()
  }
}

export async function restorePglite(file: string, dataDir: string) {
  if (fs.existsSync(path.join(dataDir, 'db')) && fs.readdirSync(path.join(dataDir, 'db')).length > 0) {
    throw new Error(`目标数据目录 ${dataDir}/db 非空：恢复只写入空目录，以免覆盖现有数据`)
  }
  const handle = await openDatabase({ kind: 'pglite', folder: dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) })
  try {
    return await fingerprint(handle)
  } finally {
    await handle.close()
  }
}

export async function backupPostgres(url: string, file: string) {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url])
  const handle = await openDatabase({ kind: 'postgres', url, max: 1 })
  try {
    const print = await fingerprint(handle)
    fs.writeFileSync(`${file}.json`, JSON.stringify(print, null, 2))
    return print
  } finally {
    await handle.close()
  }
}

/** Restores into an existing, empty database (create it first: createdb). */
export async function restorePostgres(file: string, url: string) {
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ])
  const handle = await openDatabase({ kind: 'postgres', url, max: 1 })
  try {
    return await fingerprint(handle)
  } finally {
    await handle.close()
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** `npm run db:backup -- --out FILE` and `npm run db:restore -- --in FILE [--data-dir DIR | --url URL]`. */
export async function backupCli(args: string[]) {
  const out = option(args, '--out')
  if (!out) throw new Error('用法: npm run db:backup -- --out <文件> [--data-dir 目录]（或设置 DATABASE_URL）')
  const url = process.env.DATABASE_URL
  const print = url
    ? await backupPostgres(url, out)
    : await backupPglite(path.resolve(option(args, '--data-dir') ?? process.env.FIRSTMILE_DATA_DIR ?? './data'), out)
  console.log(`备份完成：${out}\n${JSON.stringify(print)}`)
}

export async function restoreCli(args: string[]) {
  const input = option(args, '--in')
  if (!input) throw new Error('用法: npm run db:restore -- --in <文件> [--data-dir 空目录 | --url 空数据库]')
  const url = option(args, '--url') ?? process.env.DATABASE_URL
  const print = url
    ? await restorePostgres(input, url)
    : await restorePglite(input, path.resolve(option(args, '--data-dir') ?? './data'))
  const expected = fs.existsSync(`${input}.json`) ? JSON.parse(fs.readFileSync(`${input}.json`, 'utf8')) : undefined
  console.log(`恢复完成。\n${JSON.stringify(print)}`)
  if (expected && expected.digest !== print.digest) {
    console.error('恢复后的数据摘要与备份时不一致！')
    process.exit(1)
  }
  if (expected) console.log('摘要与备份时一致。')
}

const entry = process.argv[1] ?? ''
if (entry.endsWith('backup.ts') && process.argv[2] === 'backup') await backupCli(process.argv.slice(3))
if (entry.endsWith('backup.ts') && process.argv[2] === 'restore') await restoreCli(process.argv.slice(3))
