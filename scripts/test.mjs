#!/usr/bin/env node
// `npm test`: every kind of test — types, lint, then vitest's server project (rules, services on a real
// database, API) and e2e project (the built app in Debian's chromium). FIRSTMILE_TEST_DATABASE_URL
// switches the database from PGlite to a PostgreSQL server.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name) => path.join(root, 'node_modules/.bin', name)
const steps = [
  ['类型检查', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['代码规范', bin('biome'), ['check', '.']],
  ['测试', bin('vitest'), ['run', ...process.argv.slice(2)]],
]
for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}: ${path.basename(command)} ${args.join(' ')}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`✗ ${label}失败`)
    process.exit(result.status ?? 1)
  }
}
