import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../server/src/platform/auth/roles'
import { launchBrowser, mobile, newPage } from './support/browser'
import { menuPaths, signInAs } from './support/sign-in'

/**
 * Every menu page and every portal page on a 375 px phone, checked for what a person sees as broken:
 * the page scrolls sideways, a table column is squeezed to a character or two per line, or a page or card
 * title is cut to “…”. Each page is visited once, by the first of these roles whose menu has it.
 */
const roles: Role[] = [
  'cityOfficer',
  'centerOperator',
  'pilotPlatformOperator',
  'expert',
  'investor',
  'enterpriseUser',
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
]

/** What is wrong with the page as laid out now; empty when nothing is. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const sideways = document.documentElement.scrollWidth - window.innerWidth
    if (sideways > 1) problems.push(`页面横向溢出 ${sideways}px`)
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
      const text = (cell.textContent ?? '').trim()
      const width = cell.getBoundingClientRect().width
      if (text.length >= 4 && width > 0 && width < 56)
        problems.push(`表格列过窄 ${Math.round(width)}px：${text.slice(0, 12)}`)
    }
    for (const title of document.querySelectorAll<HTMLElement>(
      '.ant-card-head-title, .ant-page-header-heading-title',
    )) {
      const clipped = title.scrollWidth > title.clientWidth + 1 && getComputedStyle(title).textOverflow === 'ellipsis'
      if (clipped) problems.push(`标题被截断：${(title.textContent ?? '').slice(0, 20)}`)
    }
    return [...new Set(problems)]
  })
}

/** The first link on a list page to one of its records (`/achievements/…`), if the page lists any. */
function firstDetailLink(page: Page, listPath: string): Promise<string | undefined> {
  return page
    .locator('.ant-pro-page-container a[href]')
    .evaluateAll(
      (links, prefix) =>
        links
          .map((link) => link.getAttribute('href') ?? '')
          .find((href) => href.startsWith(prefix) && !href.endsWith('/new') && !href.includes('?')),
      `${listPath}/`,
    )
}

/** Opens a page and waits until its data has arrived (no request in flight, no skeleton, no spinner). */
async function openSettled(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.waitForLoadState('networkidle')
  await expect.poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0)
}

/** Opens a page and records its layout problems under `key`, if it has any. */
async function check(page: Page, path: string, key: string, found: Record<string, string[]>): Promise<void> {
  await openSettled(page, path)
  const problems = await layoutProblems(page)
  if (problems.length) found[key] = problems
}

describe('every page on a 375 px phone', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lays out each menu page of each role without sideways scrolling, squeezed columns or cut titles', async () => {
    const visited = new Set<string>()
    const found: Record<string, string[]> = {}
    for (const role of roles) {
      const { context, page } = await newPage(browser)
      try {
        await signInAs(page, role)
        const paths = (await menuPaths(page)).filter((path) => !visited.has(path))
        await page.setViewportSize(mobile)
        for (const path of paths) {
          visited.add(path)
          await check(page, path, `${role} ${path}`, found)
          // A list page's first record: detail pages are what people read on a phone.
          const detail = await firstDetailLink(page, path)
          if (!detail || visited.has(detail)) continue
          visited.add(detail)
          await check(page, detail, `${role} ${detail}`, found)
        }
      } finally {
        await context.close()
      }
    }
    expect(visited.size).toBeGreaterThan(50)
    expect(found).toEqual({})
  })

  it('lays out the public portal without them', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.setViewportSize(mobile)
      await openSettled(page, '/portal?city=330300')
      const links = await page
        .locator('a[href^="/portal"]')
        .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('href') ?? ''))])
      expect(links.length).toBeGreaterThan(5)
      const found: Record<string, string[]> = {}
      for (const path of ['/portal?city=330300', ...links]) await check(page, path, path, found)
      expect(found).toEqual({})
    } finally {
      await context.close()
    }
  })
})
