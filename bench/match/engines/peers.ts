import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export const PEERS_DIR = path.resolve(import.meta.dirname, '../../peers')

/** Installs the peers (own package.json) when missing; better-sqlite3 compiles from source, nothing prebuilt. */
export function ensurePeersInstalled(): void {
  if (fs.existsSync(path.join(PEERS_DIR, 'node_modules/minisearch'))) return
  console.log('installing bench/peers (better-sqlite3 compiles from source; this takes a few minutes) …')
  execFileSync('npm', ['--prefix', PEERS_DIR, 'install', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ...process.env, npm_config_build_from_source: 'true' },
  })
}

/** A peer module, loaded from bench/peers/node_modules (not the application's dependencies). */
export function requirePeer(name: string): unknown {
  return createRequire(path.join(PEERS_DIR, 'package.json'))(name)
}

export function peerVersion(name: string): string {
  const file = path.join(PEERS_DIR, 'node_modules', name, 'package.json')
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : '?'
}
