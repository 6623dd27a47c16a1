import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshotBoth } from './support/browser'
import { newPerson } from './support/registry'
import { signInAs } from './support/sign-in'

/**
 * 城市驾驶舱: the Wenzhou officer reads the city's registries, pipeline, matchmaking and chains from the demo
 * data, narrows the period to a past year (nothing was added then), and follows a figure to its list.
 */
describe('城市驾驶舱', () => {
  let browser: Browser
  let officer: { context: BrowserContext; page: Page }

  beforeAll(async () => {
    browser = await launchBrowser()
    officer = await newPerson(browser)
    await signInAs(officer.page, 'cityOfficer')
  })
  afterAll(async () => {
    await officer?.context.close()
    await browser?.close()
  })

  const figure = async (page: Page, type: string) =>
    Number(await page.getByTestId(`cockpit-${type}`).locator('.ant-statistic-content-value').textContent())
  const added = (page: Page, type: string) => page.getByTestId(`cockpit-${type}`).getByText(/本期新增/)

  it('shows the city’s registries, pipeline, matchmaking and industry chains', async () => {
    const { page } = officer
    await page.locator('[data-menu-path="/cockpit"]').click()
    await page.locator('.ant-page-header-heading-sub-title', { hasText: '温州市' }).waitFor()
    await expect.poll(() => figure(page, 'achievement')).toBeGreaterThan(0)
    expect(await figure(page, 'enterprise')).toBeGreaterThan(0)
    await page
      .getByTestId('cockpit-pipeline')
      .getByText(/概念验证成效 · .*温州市/)
      .waitFor()
    await page.getByTestId('cockpit-connect').getByText('路演与对接会').waitFor()
    const chains = page.getByTestId('cockpit-chains')
    await chains.getByText('工业机器人').waitFor()
    await page
      .getByTestId('cockpit-covered')
      .getByText(/\d+ \/ \d+ 条链有成果和载体/)
      .waitFor()
    await screenshotBoth(page, 'cockpit')
  })

  it('narrows the period to a past year: the records are there, none was added then', async () => {
    const { page } = officer
    const total = await figure(page, 'achievement')
    const period = page.getByTestId('cockpit-period').locator('input')
    await period.first().click()
    await period.first().fill('2020-01-01')
    await period.first().press('Enter')
    await period.last().fill('2020-12-31')
    await period.last().press('Enter')
    await expect.poll(() => added(page, 'achievement').textContent()).toBe('本期新增 0')
    expect(await figure(page, 'achievement')).toBe(total)
    await expect
      .poll(() => page.getByTestId('cockpit-connect').locator('.ant-statistic-content-value').first().textContent())
      .toBe('0')
  })

  it('follows the 科技成果 and 技术需求 figures to lists of the same area that hold as many records', async () => {
    const { page } = officer
    for (const [type, path] of [
      ['achievement', 'achievements'],
      ['demand', 'demands'],
    ] as const) {
      await page.locator('[data-menu-path="/cockpit"]').click()
      await expect.poll(() => figure(page, type)).toBeGreaterThan(0)
      const shown = await figure(page, type)
      await page.getByTestId(`cockpit-${type}`).click()
      await page.waitForURL(new RegExp(`/${path}\\?jurisdiction=330300$`))
      await expect.poll(() => page.getByTestId('total').textContent()).toMatch(new RegExp(`^共 ${shown} `))
    }
  })
})
