import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { buildApp } from './app'
import { loadConfig } from './config'
import { bindDatabase } from './db'
import { bootstrapAdministrators } from './db/bootstrap'
import { openDatabase } from './db/client'
import { DEMO_PASSWORD, demoAccounts } from './db/demo/accounts'
import { seedDemo } from './db/demo/seed-demo'
import { assertDurablePostgres, runMigrations } from './db/migrate'
import { isEmpty, seedReferenceData } from './db/seed'
import { classifier } from './modules/classification/service'
import { loadRerankers } from './modules/matching/service'
import { rebuildIndexes, startChangeListener } from './modules/search/service'
import { registerTestClockRoute } from './platform/clock/test-clock-route'
import { loadMasterKey } from './platform/crypto/secret-box'

const here = path.dirname(fileURLToPath(import.meta.url))
const version = JSON.parse(fs.readFileSync(path.resolve(here, '../../package.json'), 'utf8')).version as string

async function main() {
  const config = loadConfig(process.env, version)
  const log = pino({ level: config.logLevel })
  loadMasterKey({ fromEnv: config.masterKey, dataDir: config.dataDir })

  const handle = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', folder: config.dataDir })
  bindDatabase(handle)
  const unsafe = await assertDurablePostgres(handle, config.allowUnsafePostgres)
  if (unsafe.length) log.warn({ unsafe }, 'PostgreSQL durability checks overridden (FIRSTMILE_ALLOW_UNSAFE_PG=1)')
  await runMigrations(handle)
  await seedReferenceData(handle.db)

  if (await isEmpty(handle.db)) {
    if (config.demo) {
      await seedDemo(handle.db, { size: config.demoSize })
      log.info('empty database: demo data created')
    } else {
      const secrets = await bootstrapAdministrators(handle.db, config.jurisdiction)
      // Printed once to the console, never to the log: each secret goes to a different administrator.
      process.stdout.write(
        [
          '',
          '================ FirstMile 首次启动：管理员一次性初始口令（仅显示一次）================',
          ...secrets.map((s) => `  ${s.username.padEnd(12)} ${s.role.padEnd(14)} ${s.secret}`),
          '  三名管理员分别保管；首次登录须修改密码并绑定动态验证码（TOTP）。',
          '=====================================================================================',
          '',
        ].join('\n'),
      )
    }
  }

  const app = await buildApp({
    dbKind: handle.kind,
    version,
    demo: config.demo,
    requireTotp: config.requireTotp,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    webDir: config.webDir,
    logger: { level: config.logLevel },
  })
  if (config.testClock) registerTestClockRoute(app)
  const sizes = await rebuildIndexes()
  await loadRerankers()
  log.info({ sizes }, 'search indexes built from stored tokens')
  // Re-rankers trained by another process are picked up within a minute.
  setInterval(() => void loadRerankers().catch(() => undefined), 60_000).unref()
  const stopListening = config.databaseUrl
    ? await startChangeListener(handle, config.databaseUrl)
    : async () => undefined
  // The classifier (committed model + stored corrections) trains on this thread: load it before listening, so a
  // process never answers health checks while it cannot serve requests.
  await classifier()
  const address = await app.listen({ port: config.port, host: config.host })
  const port = new URL(address).port
  log.info({ address, db: handle.kind, demo: config.demo }, 'FirstMile listening')
  process.stdout.write(
    `\nFirstMile 首公里 已启动：http://localhost:${port}  （数据库：${handle.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}）\n`,
  )
  if (config.demo) {
    process.stdout.write(
      `演示模式：演示账号 ${demoAccounts.map((a) => a.username).join('、')}，密码 ${DEMO_PASSWORD}` +
        (config.requireTotp ? '；动态验证码：npm run demo:totp -- <账号>' : '；双因素认证已关闭') +
        '\n',
    )
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    await stopListening().catch(() => undefined)
    await app.close().catch(() => undefined)
    await handle.close().catch(() => undefined)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: Error) => {
  process.stderr.write(`FirstMile 启动失败：${error.message}\n`)
  process.exit(1)
})
