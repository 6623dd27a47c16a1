import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { signInAs } from './support/sign-in'

describe('district science-bureau officer', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('reads the organizations of their own district only, without editing', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'districtOfficer')
      const listed = page.waitForResponse((r) => r.url().includes('/api/v1/organizations?'))
      await page.locator('[data-menu-path="/organizations"]').click()
      const body = (await (await listed).json()) as { items: { jurisdictionCode: string }[]; total: number }
      expect(body.total).toBeGreaterThan(0)
      // 鹿城区 330302: the demo district officer's district.
      expect(new Set(body.items.map((o) => o.jurisdictionCode))).toEqual(new Set(['330302']))
      await page.locator('.ant-table-row').first().waitFor()
      expect(await page.getByRole('button', { name: /新建机构/ }).count()).toBe(0)
      expect(await page.getByText('编辑', { exact: true }).count()).toBe(0)
      await screenshotBoth(page, 'organizations-district-officer')
    } finally {
      await context.close()
    }
  })
})
