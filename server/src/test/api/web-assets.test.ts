import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { withTestApp } from '../app'

// A built web app in miniature: index.html, one hashed script with the .br and .gz the build writes, and an icon.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstmile-web-'))
const script = Buffer.from(`console.log(${JSON.stringify('首公里 '.repeat(400))})\n`)
fs.mkdirSync(path.join(webDir, 'assets'))
fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>首公里</title><div id="root"></div>')
fs.writeFileSync(path.join(webDir, 'assets/index-Ab12Cd34.js'), script)
fs.writeFileSync(path.join(webDir, 'assets/index-Ab12Cd34.js.br'), zlib.brotliCompressSync(script))
fs.writeFileSync(path.join(webDir, 'assets/index-Ab12Cd34.js.gz'), zlib.gzipSync(script))
fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }))

describe('web app files', () => {
  const { app } = withTestApp({ webDir })
  const get = (url: string, encoding?: string) =>
    app().inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })

  it('sends the brotli or gzip copy of a script to a browser that accepts it, and the plain file otherwise', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(script)).toBe(true)
    expect(br.rawPayload.length).toBeLessThan(script.length / 5)

    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).equals(script)).toBe(true)

    const plain = await get('/assets/index-Ab12Cd34.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.rawPayload.equals(script)).toBe(true)
  })

  it('lets browsers keep hashed assets for a year and revalidate everything else', async () => {
    expect((await get('/assets/index-Ab12Cd34.js', 'br')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    )
    const icon = await get('/favicon.svg')
    expect(icon.statusCode).toBe(200)
    expect(icon.headers['cache-control']).toBe('no-cache')
    const page = await get('/achievements/123')
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.body).toContain('<div id="root">')
  })

  it('answers an unknown asset or API path with 404, never with the app page', async () => {
    const api = await get('/api/v1/no-such-thing')
    expect(api.statusCode).toBe(404)
    expect(api.json().error.message).toBe('接口不存在')
    // A missing asset is a stale page asking for an old file: a 404, not index.html parsed as a script.
    const asset = await get('/assets/index-Gone0000.js', 'br')
    expect(asset.statusCode).toBe(404)
  })
})
