import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../server/src/platform/auth/roles'
import { launchBrowser, mobile, newPage } from './support/browser'
import { layoutProblems } from './support/layout'
import { menuPaths, signInAs } from './support/sign-in'

/**
 * Every menu page and every portal page on a 375 px phone, checked for what a person sees as broken:
 * the page scrolls sideways, a table column is squeezed to a character or two per line, a page or card
 * title is cut to “…”, or a textarea's character count is drawn over the field's explanation. Each page is
 * visited once, by the first of these roles whose menu has it.
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

/** List pages with a 新建 form at `<path>/new`. */
const withNewRecordForm = [
  '/achievements',
  '/demands',
  '/scenarios',
  '/enterprises',
  '/experts',
  '/carriers',
  '/instruments',
  '/evaluation-rounds',
  '/service-orders',
]

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
          // The list's form for a new record, where people type on a phone.
          const create = `${path}/new`
          if (withNewRecordForm.includes(path) && !visited.has(create)) {
            visited.add(create)
            await check(page, create, `${role} ${create}`, found)
            await openSettled(page, path)
          }
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
  }, 360_000) // about 60 pages, each waited on until its data is in

  it('lays out the sign-in page and the public portal without them', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.setViewportSize(mobile)
      await openSettled(page, '/portal?city=330300')
      const links = await page
        .locator('a[href^="/portal"]')
        .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('href') ?? ''))])
      expect(links.length).toBeGreaterThan(5)
      const found: Record<string, string[]> = {}
      // The sign-in page too: a signed-out visit to any page lands there.
      for (const path of ['/sign-in', '/portal?city=330300', ...links]) await check(page, path, path, found)
      expect(found).toEqual({})
    } finally {
      await context.close()
    }
  })
})
