import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { adminUrl, databaseUrlFor, TEST_DATABASE_ENV } from '../server/src/test/database-url'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:40123 */
    baseUrl: string
    /** A scratch folder shared by the test files of this run (TOTP steps used, downloads). */
    stateDir: string
  }
}

const root = fileURLToPath(new URL('..', import.meta.url))
const distIndex = path.join(root, 'dist/web/index.html')
/** What the web bundle is built from: the web app and the server files it imports. */
const webSources = [
  'web',
  'server/src/platform/auth',
  'server/src/modules/organizations/labels.ts',
  'server/src/modules/achievements/labels.ts',
  'server/src/modules/demands/labels.ts',
  'server/src/modules/demands/status-flow.ts',
  'server/src/modules/scenarios/labels.ts',
  'server/src/modules/scenarios/status-flow.ts',
  'server/src/modules/verification/labels.ts',
  'server/src/modules/handoffs/labels.ts',
  'server/src/modules/outcomes/labels.ts',
  'server/src/modules/projects/labels.ts',
  'server/src/modules/policies/money.ts',
  'data/disciplines.json',
]

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

function buildWebIfStale() {
  const built = fs.statSync(distIndex, { throwIfNoEntry: false })?.mtimeMs ?? 0
  const sources = Math.max(...webSources.map((s) => newestMtime(path.join(root, s))))
  if (built >= sources) return
  // vitest sets NODE_ENV=test, and vite build follows NODE_ENV: without this the tests built (and `npm start`, which
  // serves a fresh dist/web as it is, then served) the development bundles of React and antd.
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${log()}`)
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`server did not answer /api/v1/health within ${timeoutMs / 1000} s:\n${log()}`)
}

/** A fresh PostgreSQL database for this run when the suite runs against a server, dropped afterwards. */
async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const url = process.env[TEST_DATABASE_ENV]
  if (!url) return undefined
  const name = `fm_e2e_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: adminUrl(url) })
  await admin.connect()
  await admin.query(`create database ${name}`)
  return {
    url: databaseUrlFor(url, name),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Builds the web app when stale, starts the server on a fresh demo database, and hands its URL to the tests. */
export default async function setup(project: TestProject) {
  buildWebIfStale()
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstmile-e2e-'))
  const dataDir = path.join(scratch, 'data')
  const stateDir = path.join(scratch, 'state')
  fs.mkdirSync(stateDir)
  const database = await postgresDatabase()
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const logFile = path.join(scratch, 'server.log')
  const log = fs.createWriteStream(logFile)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FIRSTMILE_DATA_DIR: dataDir,
      FIRSTMILE_DEMO: '1',
      FIRSTMILE_REQUIRE_TOTP: '1',
      FIRSTMILE_TEST_CLOCK: '1',
      // Every browser context of the run comes from 127.0.0.1, and each page load fetches some 30 files.
      FIRSTMILE_RATE_LIMIT: '6000',
      FIRSTMILE_WEB_DIR: path.join(root, 'dist/web'),
      LOG_LEVEL: process.env.FIRSTMILE_E2E_LOG_LEVEL ?? 'warn',
      ...(database ? { DATABASE_URL: database.url, FIRSTMILE_ALLOW_UNSAFE_PG: '1' } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '')
  try {
    await waitForHealth(baseUrl, child, readLog)
  } catch (error) {
    await stop(child)
    await database?.drop()
    throw error
  }
  project.provide('baseUrl', baseUrl)
  project.provide('stateDir', stateDir)
  return async () => {
    await stop(child)
    await database?.drop()
    if (process.env.FIRSTMILE_E2E_KEEP !== '1') fs.rmSync(scratch, { recursive: true, force: true })
  }
}
