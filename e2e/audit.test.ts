import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { fillCredentials, signInAs } from './support/sign-in'

describe('audit administrator', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('filters the audit trail, exports it, and verifies the hash chain', async () => {
    // A failed sign-in to find in the trail.
    const stranger = await newPage(browser)
    await stranger.page.goto('/sign-in')
    const answered = stranger.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign-in'))
    await fillCredentials(stranger.page, 'nobody.here', 'Wrong#Pass1')
    await answered
    await stranger.context.close()

    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'auditAdmin')
      await page.locator('[data-menu-path="/audit"]').click()
      await page.locator('.ant-table-row').first().waitFor()

      await page.locator('.ant-pro-query-filter').getByText('展开', { exact: true }).click()
      await page.getByLabel('操作', { exact: true }).fill('auth.signIn')
      await page.getByLabel('结果').click()
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '失败' })
        .click()
      const searched = page.waitForResponse(
        (r) => r.url().includes('/api/v1/audit?') && r.url().includes('outcome=failure'),
      )
      await page.getByRole('button', { name: /查\s*询/ }).click()
      const response = await searched
      expect(response.url()).toContain('action=auth.signIn')
      const body = (await response.json()) as { items: { action: string; outcome: string }[]; total: number }
      expect(body.total).toBeGreaterThan(0)
      expect(body.items.every((r) => r.action === 'auth.signIn' && r.outcome === 'failure')).toBe(true)
      await page.locator('.ant-table-row', { hasText: '失败' }).first().waitFor()
      await expect.poll(() => page.locator('.ant-table-row').count()).toBe(Math.min(body.total, 50))
      await screenshotBoth(page, 'audit-filtered')

      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: /导\s*出/ }).hover()
      await page.getByText('导出 CSV（.csv）').click()
      const file = await download
      const saved = await file.path()
      expect(file.suggestedFilename()).toMatch(/\.csv$/)
      expect(fs.readFileSync(saved, 'utf8')).toContain('auth.signIn')

      await page.getByRole('button', { name: '校验哈希链' }).click()
      await page.getByTestId('chain-report').getByText('哈希链完整').waitFor()
      await screenshotBoth(page, 'audit-verify')
    } finally {
      await context.close()
    }
  })
})
