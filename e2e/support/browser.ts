import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const desktop = { width: 1366, height: 900 }
export const mobile = { width: 375, height: 812 }

const screenshotDir = fileURLToPath(new URL('../../screenshots/', import.meta.url))

export function baseUrl(): string {
  return inject('baseUrl')
}

/** Debian's chromium, headless, with nothing that talks to the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh person: own cookies, Chinese locale, Shanghai time, desktop size. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: desktop,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  })
  context.setDefaultTimeout(15_000)
  // A test closes its contexts in `finally`, before afterEach could read a failed page: during a test the close
  // waits for e2e/support/on-failure.ts, which reads the pages first and then closes them.
  const close = context.close.bind(context)
  context.close = async (options) => {
    if (duringTest.value) closeAfterTest.push(() => close(options))
    else await close(options)
  }
  const page = await context.newPage()
  openPages.add(page)
  // The last failed API answers and page errors, which a failed test prints: a dialog that stays open says why here.
  const log: string[] = []
  pageLogs.set(page, log)
  const note = (line: string) => log.push(line) > 10 && log.shift()
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400)
      void response
        .text()
        .catch(() => '')
        .then((body) =>
          note(`${response.request().method()} ${response.url()} → ${response.status()} ${body.slice(0, 300)}`),
        )
  })
  page.on('pageerror', (error) => note(`page error: ${error.message.slice(0, 300)}`))
  page.on('requestfailed', (request) =>
    note(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`),
  )
  page.on('close', () => openPages.delete(page))
  return { context, page }
}

/** Every page a test has open, so a failed test can say what each one showed (see e2e/support/on-failure.ts). */
export const openPages = new Set<Page>()
/** Each page's last failed API answers and page errors, printed when its test fails. */
export const pageLogs = new WeakMap<Page, string[]>()
/** Set by e2e/support/on-failure.ts while a test body runs; contexts closed then are closed after it. */
export const duringTest = { value: false }
export const closeAfterTest: (() => Promise<void>)[] = []

/** Saves the page at desktop width and at 375 px (a phone) as screenshots/<name>-desktop.png / -mobile.png. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  const original = page.viewportSize() ?? desktop
  for (const [label, size] of [
    ['desktop', desktop],
    ['mobile', mobile],
  ] as const) {
    await page.setViewportSize(size)
    // Fixed header and menu are drawn where the page is scrolled to; a full-page picture starts at the top.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${label}.png`), fullPage: true })
  }
  await page.setViewportSize(original)
  await page.waitForTimeout(300)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/**
 * Waits until an element and its children have finished their CSS animations. antd pop-overs zoom in; on a busy
 * machine the frames come slowly and a click during the zoom can land beside the moving button, which closes the
 * pop-over as a click outside instead of pressing the button.
 */
export async function settled(locator: Locator): Promise<void> {
  await locator.waitFor()
  await locator.evaluate((element) =>
    Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => null))),
  )
}
