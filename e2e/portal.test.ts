import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, mobile, screenshotBoth } from './support/browser'
import { newPerson, search } from './support/registry'
import { DEMO_PASSWORD, demoAccount, demoTotpSecret, fillCredentials, signInAs, typeTotp } from './support/sign-in'
import { nextTotpCode } from './support/totp'

/**
 * 公共服务门户 on a 375 px phone, as a visitor: the landing page with counts and chains, 描述需求匹配成果, the
 * catalogue and a record's page; 我有意向 asks them to sign in, brings them back and the owner receives it.
 */
describe('public portal on a phone', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lands a visitor on the portal: city switch, counts by kind, chain grid, free-text matching with reasons', async () => {
    const { context, page } = await newPerson(browser)
    try {
      await page.setViewportSize(mobile)
      await page.goto('/', { waitUntil: 'domcontentloaded' })
      await page.waitForURL(/\/portal/)
      await page.getByTestId('portal-title').filter({ hasText: '温州市' }).waitFor()
      await page.getByTestId('chain-grid').getByTestId('chain').first().waitFor()

      await page.getByTestId('city-switch').click()
      await page.locator('.ant-select-item-option[title="湖州市"]').click()
      await page.getByTestId('portal-title').filter({ hasText: '湖州市' }).waitFor()
      await page.getByTestId('chain-grid').getByText('具身智能机器人').first().waitFor()
      const achievements = page.getByTestId('portal-totals').locator('a').first().locator('strong')
      await expect.poll(async () => Number(await achievements.textContent())).toBeGreaterThan(0)

      await page.getByTestId('match-text').fill('我们需要人形机器人关节的力矩控制方案，要求响应快')
      await page.getByTestId('match-submit').click()
      const first = page.getByTestId('match-results').getByTestId('match-result').first()
      await first.waitFor()
      expect(await first.getByTestId('match-reasons').locator('li').count()).toBeGreaterThan(0)
      await screenshotBoth(page, 'portal-home')

      // A chain card's count of demands or platforms opens that catalogue, with as many records as it said.
      const counts = page.getByTestId('chain-grid').getByTestId('chain-count')
      const other = counts.and(page.locator(':not([data-type="achievement"])')).first()
      const count = (await other.count()) ? other : counts.first()
      const said = Number(await count.locator('b').textContent())
      expect(said).toBeGreaterThan(0)
      await count.click()
      await page.waitForURL(/\/portal\/search\?type=/)
      await expect
        .poll(async () => (await page.getByTestId('catalogue-total').textContent())?.trim())
        .toMatch(new RegExp(`^共 ${said} `))
    } finally {
      await context.close()
    }
  })

  it('finds a public record, reads it on the phone, and 我有意向 → sign in → the owner’s inbox', async () => {
    const visitor = await newPerson(browser)
    const owner = await newPerson(browser)
    try {
      const { page } = visitor
      await page.setViewportSize(mobile)
      await page.goto('/portal?city=330300', { waitUntil: 'domcontentloaded' })
      await search(page, '碱性电解水制氢', 'portal-search')
      await page.waitForURL(/\/portal\/search/)
      const result = page.getByTestId('catalogue-results').getByRole('link', { name: '碱性电解水制氢催化电极' })
      await result.click()
      await page
        .getByTestId('portal-detail')
        .getByTestId('record-title')
        .filter({ hasText: '碱性电解水制氢催化电极' })
        .waitFor()
      await page.getByText('成果简介').waitFor()
      await screenshotBoth(page, 'portal-detail')
      await page.setViewportSize(mobile)

      await page.getByTestId('interest').click()
      await page.waitForURL(/\/sign-in\?next=/)
      const account = demoAccount('enterpriseUser')
      await fillCredentials(page, account.username, DEMO_PASSWORD)
      // Roles that need a second factor are asked for it; either way the person comes back to the record.
      const totp = page.getByTestId('totp-input')
      await totp.or(page.getByTestId('portal-detail')).first().waitFor()
      if (await totp.isVisible())
        await typeTotp(page, await nextTotpCode(account.username, demoTotpSecret(account.username)))

      // Back on the record, with the form open.
      await page.waitForURL(/\/portal\/achievement\//)
      const dialog = page.locator('.ant-modal').filter({ hasText: '我有意向' })
      await dialog.getByTestId('interest-message').fill('我们有电解槽产线，希望洽谈技术许可')
      await dialog.getByRole('button', { name: '发送意向' }).click()
      await page.getByText('意向已发送').waitFor()
      await page.getByTestId('interest').filter({ hasText: '已表达意向' }).waitFor()
      // The server remembers it: coming back later, the button is still 已表达意向, so no note is typed in vain.
      await page.reload({ waitUntil: 'domcontentloaded' })
      const again = page.getByTestId('interest').filter({ hasText: '已表达意向' })
      await again.waitFor()
      expect(await again.isDisabled()).toBe(true)

      await signInAs(owner.page, 'researcher')
      await owner.page.locator('[data-menu-path="/leads"]').click()
      const row = owner.page
        .getByTestId('leads-received')
        .locator('.ant-table-row', { hasText: '碱性电解水制氢催化电极' })
      await row.waitFor()
      await row.getByText('我们有电解槽产线，希望洽谈技术许可').first().waitFor()
      // The owner is also told in the inbox (站内消息), with a link to the leads.
      await owner.page.locator('[data-menu-path="/notifications"]').click()
      await owner.page
        .getByTestId('notification')
        .filter({ hasText: '收到新的合作意向：碱性电解水制氢催化电极' })
        .first()
        .waitFor()
      await owner.page.locator('[data-menu-path="/leads"]').click()
      await row.getByRole('button', { name: '标记已联系' }).click()
      await row.getByText('已联系').waitFor()
      await screenshotBoth(owner.page, 'leads-inbox')
    } finally {
      await visitor.context.close()
      await owner.context.close()
    }
  })

  it('labels CSL paper metadata as such in the catalogue and on the record', async () => {
    const { context, page } = await newPerson(browser)
    try {
      await page.setViewportSize(mobile)
      await page.goto('/portal/search?type=achievement&city=330300', { waitUntil: 'domcontentloaded' })
      await search(page, '轻量化铍镜', 'catalogue-search')
      const card = page.getByTestId('catalogue-results').getByTestId('result').filter({ hasText: '铍镜' }).first()
      await card.getByTestId('source-label').filter({ hasText: '公开论文元数据（CSL）' }).waitFor()
      await card.getByRole('link').first().click()
      await page
        .getByTestId('portal-detail')
        .getByTestId('source-label')
        .filter({ hasText: '公开论文元数据（CSL）' })
        .waitFor()
    } finally {
      await context.close()
    }
  })
})
