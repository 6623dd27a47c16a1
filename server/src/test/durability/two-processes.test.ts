import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { DEMO_PASSWORD } from '../../db/demo/accounts'
import { adminUrl, databaseUrlFor, TEST_DATABASE_ENV } from '../database-url'
import { type ServerProcess, signInOver, startServer } from './server-process'

const pgUrl = process.env[TEST_DATABASE_ENV]

describe.skipIf(!pgUrl)('two server processes on one PostgreSQL', () => {
  const database = `fm_two_${randomBytes(4).toString('hex')}`
  const servers: ServerProcess[] = []
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM')
      await s.exited
    }
    const admin = await openDatabase({ kind: 'postgres', url: adminUrl(pgUrl!), max: 1 })
    await admin.query(`drop database if exists ${database} with (force)`)
    await admin.close()
  })

  it('finds an achievement created on one process through search on the other within one second', async () => {
    const admin = await openDatabase({ kind: 'postgres', url: adminUrl(pgUrl!), max: 1 })
    await admin.query(`create database ${database}`)
    await admin.close()
    const env = { DATABASE_URL: databaseUrlFor(pgUrl!, database), FIRSTMILE_DEMO: '1', FIRSTMILE_REQUIRE_TOTP: '0' }
    servers.push(await startServer(env))
    servers.push(await startServer(env))
    const [a, b] = servers as [ServerProcess, ServerProcess]
    // Both processes warm (first classify) before the clock starts.
    for (const s of servers) {
      const warm = await fetch(`${s.url}/api/v1/classify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '预热' }),
      })
      expect(warm.status).toBe(200)
    }
    const writer = await signInOver(a.url, 'researcher', DEMO_PASSWORD)
    const title = `双进程同步验证成果${randomBytes(3).toString('hex')}`
    const created = await writer.post('/api/v1/achievements', {
      title,
      summary: '用于验证多个服务进程通过变更日志与 LISTEN/NOTIFY 保持检索索引一致的测试成果，内容无实际意义。',
      keywords: ['同步验证'],
      trl: 3,
      maturity: 'lab',
      transferModes: ['cooperation'],
      confidentiality: 'public',
    })
    expect(created.status).toBe(201)
    const createdAt = Date.now()
    let foundAfter = Number.POSITIVE_INFINITY
    while (Date.now() - createdAt < 5000) {
      const res = await fetch(`${b.url}/api/v1/achievements?q=${encodeURIComponent(title)}&pageSize=5`)
      const body = (await res.json()) as { items: { title: string }[] }
      if (body.items.some((i) => i.title === title)) {
        foundAfter = Date.now() - createdAt
        break
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(foundAfter).toBeLessThan(1000)
  }, 300_000)
})
