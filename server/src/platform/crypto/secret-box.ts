import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

let masterKey: Buffer | undefined

/**
 * Secrets at rest (TOTP seeds) are sealed with AES-256-GCM under the master key: FIRSTMILE_MASTER_KEY
 * (base64, 32 bytes) or, failing that, a key file created once under the data folder with mode 0600.
 */
export function loadMasterKey(options: { fromEnv?: string; dataDir: string }): void {
  if (options.fromEnv) {
    const key = Buffer.from(options.fromEnv, 'base64')
    if (key.length !== 32) throw new Error('FIRSTMILE_MASTER_KEY 必须是 32 字节密钥的 base64 编码')
    masterKey = key
    return
  }
  const file = path.join(options.dataDir, 'keys', 'master.key')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
  }
  masterKey = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
}

export function useMasterKey(key: Buffer): void {
  masterKey = key
}

function key(): Buffer {
  if (!masterKey) throw new Error('master key not loaded')
  return masterKey
}

export function seal(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unsupported sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
