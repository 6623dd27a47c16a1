import zlib from 'node:zlib'
import Fastify from 'fastify'
import { afterAll, describe, expect, it } from 'vitest'
import { withTestApp } from '../../test/app'
import { chooseEncoding, registerResponseCompression } from './compress'
import type { App } from './types'

describe('chooseEncoding', () => {
  it('prefers brotli, falls back to gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeUndefined()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*;q=0')).toBeUndefined()
    expect(chooseEncoding('identity')).toBeUndefined()
    expect(chooseEncoding('')).toBeUndefined()
    expect(chooseEncoding(undefined)).toBeUndefined()
    expect(chooseEncoding('br;q=abc, gzip')).toBe('gzip')
  })
})

describe('compressed API answers', () => {
  const { app } = withTestApp()
  const get = (url: string, encoding?: string) =>
    app().inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })

  it('compresses a large JSON read for a client that accepts it, to the same JSON', async () => {
    const url = '/api/v1/industry-systems?jurisdiction=330500'
    const plain = await get(url)
    expect(plain.statusCode).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toMatch(/accept-encoding/i)
    expect(plain.rawPayload.length).toBeGreaterThan(10_000)

    const br = await get(url, 'gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/^application\/json/)
    expect(br.headers['content-length']).not.toBe(String(plain.rawPayload.length))
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2)
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json())

    const gz = await get(url, 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json())
  })

  it('leaves small answers and the session (its CSRF token) uncompressed', async () => {
    const health = await get('/api/v1/health', 'br')
    expect(health.rawPayload.length).toBeLessThan(1024)
    expect(health.headers['content-encoding']).toBeUndefined()

    const session = await get('/api/v1/auth/session', 'br')
    expect(session.statusCode).toBe(200)
    expect(session.json()).toHaveProperty('user')
    expect(session.headers['content-encoding']).toBeUndefined()
  })
})

describe('what is never compressed', () => {
  // A bare app with the hook: a large answer to a write, a large non-JSON read and a large session read.
  const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `具身智能机器人关节控制 ${i}` })) }
  const app = Fastify()
  registerResponseCompression(app as unknown as App)
  app.post('/api/v1/things', async () => big)
  app.get('/api/v1/things.csv', async (_req, reply) => reply.type('text/csv').send('标题\n'.repeat(2000)))
  app.get('/api/v1/auth/anything', async () => big)
  app.get('/api/v1/things', async () => big)
  afterAll(() => app.close())

  it('compresses the read and leaves the write, the non-JSON file and the auth path as they are', async () => {
    const send = (method: 'GET' | 'POST', url: string) =>
      app.inject({ method, url, headers: { 'accept-encoding': 'br, gzip' } })
    expect((await send('GET', '/api/v1/things')).headers['content-encoding']).toBe('br')
    for (const [method, url] of [
      ['POST', '/api/v1/things'],
      ['GET', '/api/v1/things.csv'],
      ['GET', '/api/v1/auth/anything'],
    ] as const) {
      const res = await send(method, url)
      expect(res.statusCode, url).toBe(200)
      expect(res.rawPayload.length, url).toBeGreaterThan(1024)
      expect(res.headers['content-encoding'], `${method} ${url}`).toBeUndefined()
    }
  })
})
