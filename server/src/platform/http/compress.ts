import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { App } from './types'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Below this a response fits in one or two packets anyway; compressing it costs more than it saves. */
const MIN_BYTES = 1024

/**
 * The session's own secrets (the CSRF token) are sent here; compressed next to text someone else chose, a secret
 * leaks through the response length (BREACH). Only reads are compressed, so one-time passwords and enrollment
 * secrets, which answer writes, are never compressed either.
 */
const NEVER_COMPRESSED = ['/api/v1/auth/']

/** br, else gzip, as the client's Accept-Encoding allows (a q of 0 refuses an encoding). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    if (name) accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0)
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (allows('br')) return 'br'
  if (allows('gzip')) return 'gzip'
  return undefined
}

/**
 * Compresses JSON answers to reads (lists, search results, details) for clients that accept it: a page of catalogue
 * results is about a fifth of its size on a phone's link. Web app files are compressed at build time instead.
 */
export function registerResponseCompression(app: App): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || !req.url.startsWith('/api/')) return payload
    if (NEVER_COMPRESSED.some((prefix) => req.url.startsWith(prefix))) return payload
    if (typeof payload !== 'string' || Buffer.byteLength(payload) < MIN_BYTES) return payload
    if (reply.hasHeader('content-encoding')) return payload
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload
    const vary = String(reply.getHeader('vary') ?? '')
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding')
    const encoding = chooseEncoding(req.headers['accept-encoding'])
    if (!encoding) return payload
    const body =
      encoding === 'br'
        ? await brotli(payload, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
        : await gzip(payload, { level: 6 })
    reply.header('content-encoding', encoding)
    reply.removeHeader('content-length')
    return body
  })
}
