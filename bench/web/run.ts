// npm run bench:web — what a phone downloads and waits for when it opens the public portal and the sign-in page:
// the production build served by the real server (PGlite, demo data) to Debian's chromium on an emulated slow 4G
// link (150 ms round trip, 1.6 Mbit/s down). Peers in the same run: the same pages with compression refused
// (Accept-Encoding: identity), and a second visit with the browser's cache. Writes the "Web app delivery
// (bench:web)" section of docs/benchmarks.md; `--no-write` prints only.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { describeMachine, markdownTable, writeSection } from '../classify/report'

const root = path.resolve(import.meta.dirname, '../..')
const port = 3990 + Math.floor(Math.random() * 9)
const base = `http://127.0.0.1:${port}`
const runs = 3
const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}

const pages = [
  { name: '门户首页 /portal', path: '/portal?city=330300', ready: '[data-testid="chain-grid"] [data-testid="chain"]' },
  {
    name: '成果目录 /portal/search',
    path: '/portal/search?type=achievement&city=330300',
    ready: '[data-testid="catalogue-results"] a',
  },
  { name: '登录 /sign-in', path: '/sign-in', ready: 'input[type="password"]' },
] as const

type Visit = { bytes: number; requests: number; ms: number }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function startServer(): Promise<{ server: ChildProcess; dataDir: string }> {
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  if (build.status !== 0) throw new Error('web build failed')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstmile-bench-web-'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FIRSTMILE_DATA_DIR: dataDir,
      FIRSTMILE_REQUIRE_TOTP: '0',
      LOG_LEVEL: 'warn',
    },
  })
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return { server, dataDir }
    await new Promise((r) => setTimeout(r, 500))
  }
  server.kill()
  throw new Error('server did not start in 120 s')
}

/** Opens a page on the emulated link and counts the bytes that crossed it until the page shows its content. */
async function visit(page: Page, target: (typeof pages)[number]): Promise<Visit> {
  let bytes = 0
  let requests = 0
  const counted: Promise<void>[] = []
  const onFinished = (request: import('playwright-core').Request) => {
    counted.push(
      request.sizes().then((s) => {
        requests++
        bytes += s.responseBodySize + s.responseHeadersSize
      }),
    )
  }
  page.on('requestfinished', onFinished)
  const started = performance.now()
  await page.goto(`${base}${target.path}`)
  await page.locator(target.ready).first().waitFor({ timeout: 120_000 })
  const ms = performance.now() - started
  await page.waitForLoadState('networkidle')
  await Promise.all(counted)
  page.off('requestfinished', onFinished)
  return { bytes, requests, ms }
}

async function measure(browser: Browser, target: (typeof pages)[number], compressed: boolean) {
  const first: Visit[] = []
  const second: Visit[] = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      extraHTTPHeaders: compressed ? {} : { 'accept-encoding': 'identity' },
    })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', slow4g)
    first.push(await visit(page, target))
    second.push(await visit(page, target))
    await context.close()
  }
  const kb = (v: Visit[]) => `${Math.round(median(v.map((x) => x.bytes)) / 1024)} KB`
  const s = (v: Visit[]) => `${(median(v.map((x) => x.ms)) / 1000).toFixed(2)} s`
  return [
    target.name,
    compressed ? 'br / gzip (browser default)' : 'identity (peer)',
    kb(first),
    s(first),
    kb(second),
    s(second),
  ]
}

async function main() {
  const write = !process.argv.includes('--no-write')
  const machine = describeMachine()
  const { server, dataDir } = await startServer()
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
  const rows: string[][] = []
  try {
    for (const target of pages) {
      for (const compressed of [true, false]) {
        const row = await measure(browser, target, compressed)
        console.log(row.join(' | '))
        rows.push(row)
      }
    }
  } finally {
    await browser.close()
    server.kill()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const body = [
    `Command: \`npm run bench:web\` · ${machine.date} · ${machine.nproc} cores (${machine.cpu}) · Node ${machine.node} · load average ${machine.load}`,
    '',
    `The production build served by the real server (PGlite, demo data) to Debian's chromium at 375 px on an emulated slow 4G link (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up). Transferred = response bodies as sent plus headers; time = from navigation until the page shows its content (the chain grid, the first catalogue result, the sign-in form). Median of ${runs} fresh browser profiles; the second visit reuses the first one's cache. The peer rows refuse compression (Accept-Encoding: identity), which is how the server answered every browser before it sent pre-compressed web files and compressed API answers; both have the caching headers, so second visits differ only in API answers.`,
    '',
    markdownTable(
      [
        'page',
        'encoding',
        'first visit: transferred',
        'first visit: time',
        'second visit: transferred',
        'second visit: time',
      ],
      rows,
    ),
  ].join('\n')
  console.log(`\n${body}`)
  if (write) writeSection(path.join(root, 'docs/benchmarks.md'), body, '## Web app delivery (bench:web)')
}

await main()
