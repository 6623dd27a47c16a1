import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAllowed } from '../server/src/platform/auth/permissions'
import { type Role, roleLabels, roles } from '../server/src/platform/auth/roles'
import { navigation } from '../web/src/shared/navigation'
import { launchBrowser, mobile, newPage, screenshot, screenshotBoth } from './support/browser'
import { menuPaths, signInAs } from './support/sign-in'

/**
 * What each role's menu must hold, written out by hand. The test also checks this table against the
 * permission table, so a drift in either the menu definition or the permissions fails here.
 */
const expectedMenu: Record<Role, string[]> = {
  systemAdmin: ['/home', '/organizations', '/admin/users', '/admin/calendar', '/notifications', '/account'],
  securityAdmin: ['/home', '/security/users', '/security/policy', '/security/sessions', '/notifications', '/account'],
  auditAdmin: ['/home', '/audit', '/notifications', '/account'],
  cityOfficer: [
    '/home',
    '/cockpit',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/my-projects',
    '/solicitations',
    '/report-check',
    '/accreditation',
    '/public-notices',
    '/targets',
    '/policies',
    '/policies/applications',
    '/policies/push',
    '/policies/budget',
    '/vouchers',
    '/service-orders',
    '/vouchers/credit',
    '/organizations',
    '/notifications',
    '/account',
  ],
  districtOfficer: [
    '/home',
    '/cockpit',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/my-projects',
    '/solicitations',
    '/report-check',
    '/accreditation',
    '/public-notices',
    '/targets',
    '/policies',
    '/policies/applications',
    '/policies/push',
    '/policies/budget',
    '/vouchers',
    '/service-orders',
    '/vouchers/credit',
    '/organizations',
    '/notifications',
    '/account',
  ],
  centerOperator: [
    '/home',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/solicitations',
    '/evaluation-rounds',
    '/verification',
    '/report-check',
    '/accreditation',
    '/public-notices',
    '/targets',
    '/policies',
    '/policies/applications',
    '/vouchers',
    '/service-orders',
    '/notifications',
    '/account',
  ],
  pilotPlatformOperator: [
    '/home',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/solicitations',
    '/handoffs',
    '/report-check',
    '/accreditation',
    '/public-notices',
    '/targets',
    '/policies',
    '/policies/applications',
    '/vouchers',
    '/service-orders',
    '/notifications',
    '/account',
  ],
  researcher: [
    '/home',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/my-projects',
    '/solicitations',
    '/report-check',
    '/public-notices',
    '/policies',
    '/policies/applications',
    '/notifications',
    '/account',
  ],
  enterpriseUser: [
    '/home',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/my-projects',
    '/solicitations',
    '/report-check',
    '/public-notices',
    '/policies',
    '/policies/applications',
    '/vouchers',
    '/service-orders',
    '/notifications',
    '/account',
  ],
  expert: [
    '/home',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/solicitations',
    '/evaluation-invitations',
    '/report-check',
    '/public-notices',
    '/experts/me',
    '/notifications',
    '/account',
  ],
  investor: [
    '/home',
    '/achievements',
    '/demands',
    '/scenarios',
    '/enterprises',
    '/experts',
    '/carriers',
    '/instruments',
    '/industries',
    '/leads',
    '/events',
    '/projects',
    '/my-projects',
    '/solicitations',
    '/report-check',
    '/public-notices',
    '/investors/me',
    '/notifications',
    '/account',
  ],
}

const allItems = navigation.flatMap((group) => group.items)

describe('role-aware menu', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('matches the permission table for every role', () => {
    for (const role of roles) {
      const fromPermissions = allItems.filter((item) => isAllowed(role, item.action)).map((item) => item.path)
      expect(fromPermissions.sort(), role).toEqual([...expectedMenu[role]].sort())
    }
  })

  it('offers the same menu in the drawer on a 375 px phone', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'enterpriseUser')
      await page.setViewportSize(mobile)
      // Narrowed from desktop width: the name beside the avatar stays on the screen.
      await expect
        .poll(async () => {
          const box = await page.getByTestId('current-user-name').boundingBox()
          return box ? Math.round(box.x + box.width) : Number.POSITIVE_INFINITY
        })
        .toBeLessThanOrEqual(mobile.width)
      await page.locator('.ant-pro-global-header-collapsed-button').click()
      const drawerLinks = page.locator('.ant-drawer [data-menu-path]')
      await drawerLinks.first().waitFor()
      const paths = await drawerLinks.evaluateAll((els) => els.map((el) => el.getAttribute('data-menu-path') ?? ''))
      expect([...new Set(paths)].sort()).toEqual([...expectedMenu.enterpriseUser].sort())
      await screenshot(page, 'menu-drawer-mobile')
      await page.locator('.ant-drawer [data-menu-path="/account"]').click()
      await page.getByTestId('profile').waitFor()
      await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  for (const role of roles) {
    it(`shows ${roleLabels[role]} (${role}) exactly their menu, their home page, and refuses another role's page`, async () => {
      const { context, page } = await newPage(browser)
      try {
        const summary = page.waitForResponse((r) => r.url().endsWith('/api/v1/home/summary'))
        const account = await signInAs(page, role)
        const figures = (await (await summary).json()) as {
          cards: { key: string; title: string; link?: string }[]
          todos: { link?: string }[]
        }
        expect(await menuPaths(page)).toEqual([...expectedMenu[role]].sort())

        await expect.poll(() => page.getByTestId('current-user-name').textContent()).toBe(account.displayName)
        await expect.poll(() => page.getByTestId('identity').textContent()).toContain(roleLabels[role])
        await page.getByTestId('greeting').waitFor()
        await page.getByTestId('quick-actions').waitFor()
        await page.getByTestId('todos').waitFor()
        await expect.poll(() => page.locator('[data-testid^="card-"]').count()).toBe(figures.cards.length)
        for (const card of figures.cards) await page.getByTestId(`card-${card.key}`).getByText(card.title).waitFor()
        if (figures.todos.length > 0) await page.getByTestId('todos').locator('.ant-list-item').first().waitFor()
        await screenshotBoth(page, `home-${role}`)

        // Every card and to-do leads to a page of this role, never to 页面不存在 or 无权访问.
        const links = [...figures.cards, ...figures.todos].flatMap((item) =>
          'link' in item && item.link ? [item.link] : [],
        )
        for (const link of new Set(links)) {
          await page.goto(link)
          await page.locator('.ant-page-header-heading-title, .ant-result-title').first().waitFor()
          expect(await page.getByText('页面不存在').count(), link).toBe(0)
          expect(await page.getByText('无权访问').count(), link).toBe(0)
        }

        const foreign = allItems.find((item) => !isAllowed(role, item.action))
        if (foreign) {
          await page.goto(foreign.path)
          await page.getByText('无权访问').first().waitFor()
        }
      } finally {
        await context.close()
      }
    })
  }
})
