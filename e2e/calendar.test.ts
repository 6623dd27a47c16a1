import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { signInAs } from './support/sign-in'

describe('holiday calendar (system administrator)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('shows the loaded years, counts working days across the National Day holiday, and loads a new year', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'systemAdmin')
      await page.locator('[data-menu-path="/admin/calendar"]').click()
      const years = page.getByTestId('calendar-years')
      await years.getByText('2026 年').waitFor()
      await years.getByText('2025 年').waitFor()

      // 2026-09-30 is a Wednesday; 10-01…10-07 are the holiday, 10-10 (Saturday) is a working day.
      const tool = page.getByTestId('workday-tool')
      await tool.getByLabel('起始日').click()
      await tool.getByLabel('起始日').fill('2026-09-30')
      await page.keyboard.press('Enter')
      await tool.getByLabel('工作日数').fill('3')
      await tool.getByRole('button', { name: /计\s*算/ }).click()
      await page.getByTestId('workday-result').getByText('2026年10月9日').waitFor()

      const load = page.getByTestId('load-year')
      await load.getByLabel('年度').fill('2027')
      await load
        .getByLabel('安排内容（JSON）')
        .fill('{"year": 2027, "holidays": [{"name": "元旦", "from": "2027-01-03", "to": "2027-01-01"}]}')
      await load.getByRole('button', { name: '校验并导入' }).click()
      await load.locator('.ant-alert-error').waitFor()

      await load.getByLabel('安排内容（JSON）').fill(
        JSON.stringify({
          year: 2027,
          source: '端到端测试用安排（非官方）',
          holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
          adjustedWorkdays: [],
        }),
      )
      await load.getByRole('button', { name: '校验并导入' }).click()
      await page.getByText('2027 年安排已导入').waitFor()
      await years.getByText('2027 年').waitFor()
      await screenshotBoth(page, 'calendar')
    } finally {
      await context.close()
    }
  })
})
