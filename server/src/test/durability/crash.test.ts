import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { DEMO_PASSWORD } from '../../db/demo/accounts'
import { adminUrl, databaseUrlFor, TEST_DATABASE_ENV } from '../database-url'
import { type Client, signInOver, startServer } from './server-process'

const pgUrl = process.env[TEST_DATABASE_ENV]
const CYCLES = 3
const WRITERS = 4

/** Keeps writing organizations until the server dies; returns the names the server acknowledged with 201. */
async function burst(
  client: Client,
  cycle: number,
  stop: { dead: boolean },
  acknowledged: string[],
): Promise<string[]> {
  const writer = async (w: number) => {
    for (let i = 0; !stop.dead; i++) {
      const name = `崩溃测试机构-${cycle}-${w}-${i}`
      try {
        const res = await client.post('/api/v1/organizations', {
          name,
          kind: 'incubator',
          isLegalEntity: false,
          jurisdictionCode: '330302',
        })
        if (res.status === 201) acknowledged.push(name)
        else if (res.status >= 500) throw new Error(`unexpected ${res.status}`)
      } catch {
        return // connection refused / reset: the server is gone
      }
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))
  return acknowledged
}

async function everyOrganization(client: Client): Promise<Set<string>> {
  const names = new Set<string>()
  for (let page = 1; ; page++) {
    const body = (await (
      await client.get(`/api/v1/organizations?q=崩溃测试机构&pageSize=200&page=${page}`)
    ).json()) as { items: { name: string }[]; total: number }
    for (const o of body.items) names.add(o.name)
    if (page * 200 >= body.total) return names
  }
}

async function auditedCreations(client: Client): Promise<number> {
  const body = (await (await client.get('/api/v1/audit?action=organization.create&pageSize=1')).json()) as {
    total: number
  }
  return body.total
}

describe('crash safety: SIGKILL during a burst of writes loses nothing that was acknowledged', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-crash-'))
  let database: string | undefined
  afterAll(async () => {
    fs.rmSync(root, { recursive: true, force: true })
    if (pgUrl && database) {
      const admin = await openDatabase({ kind: 'postgres', url: adminUrl(pgUrl), max: 1 })
      await admin.query(`drop database if exists ${database} with (force)`)
      await admin.close()
    }
  })

  it(`survives ${CYCLES} kill-and-restart cycles on ${pgUrl ? 'PostgreSQL' : 'PGlite'}`, async () => {
    const env: Record<string, string> = { FIRSTMILE_DATA_DIR: root, FIRSTMILE_DEMO: '1', FIRSTMILE_REQUIRE_TOTP: '0' }
    if (pgUrl) {
      database = `fm_crash_${randomBytes(4).toString('hex')}`
      const admin = await openDatabase({ kind: 'postgres', url: adminUrl(pgUrl), max: 1 })
      await admin.query(`create database ${database}`)
      await admin.close()
      env.DATABASE_URL = databaseUrlFor(pgUrl, database)
    }
    const acknowledged = new Set<string>()
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const server = await startServer(env)
      const client = await signInOver(server.url, 'admin', DEMO_PASSWORD)
      const stop = { dead: false }
      const acked: string[] = []
      const writing = burst(client, cycle, stop, acked)
      // Kill at a random moment once writes are flowing (the machine may be slow; wait for the first few).
      for (let waited = 0; acked.length < 5 && waited < 60_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100))
      await new Promise((r) => setTimeout(r, Math.random() * 1500))
      server.child.kill('SIGKILL')
      await server.exited
      stop.dead = true
      for (const name of await writing) acknowledged.add(name)
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES * 5)

    const server = await startServer(env)
    try {
      const admin = await signInOver(server.url, 'admin', DEMO_PASSWORD)
      const present = await everyOrganization(admin)
      const missing = [...acknowledged].filter((name) => !present.has(name))
      expect(missing).toEqual([])
      // No half-applied transaction: every organization that exists has its audit record, and no more.
      const auditor = await signInOver(server.url, 'auditor', DEMO_PASSWORD)
      expect(await auditedCreations(auditor)).toBe(present.size)
      const chain = (await (await auditor.post('/api/v1/audit/verify', {})).json()) as { ok: boolean }
      expect(chain.ok).toBe(true)
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  }, 600_000)
})
