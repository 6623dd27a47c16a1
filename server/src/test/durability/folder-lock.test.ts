import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_DATABASE_ENV } from '../database-url'
import { startServer } from './server-process'

describe.skipIf(!!process.env[TEST_DATABASE_ENV])('one PGlite folder, one process', () => {
  it('makes a second server on the same folder exit with a clear message while the first keeps serving', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-lock-'))
    const env = { FIRSTMILE_DATA_DIR: root, FIRSTMILE_DEMO: '1', FIRSTMILE_REQUIRE_TOTP: '0' }
    const first = await startServer(env)
    try {
      const second = startServer(env)
      await expect(second).rejects.toThrow(new RegExp(`正被另一个 FirstMile 进程使用（PID ${first.child.pid}`))
      const health = await fetch(`${first.url}/api/v1/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' })
    } finally {
      first.child.kill('SIGTERM')
      await first.exited
      fs.rmSync(root, { recursive: true, force: true })
    }
  }, 180_000)
})
