import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs } from './support/api'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { runMark } from './support/registry'
import { signInAs } from './support/sign-in'

/**
 * 创新券 as the officers work it (the whole order → payout walk is in policies.test.ts): the enterprise cannot
 * pass one file off as both contract and payment proof; the city's 待办 open the order list on the status they
 * name; the reviewer is warned of a zero self-payment and must choose a decision; the payout date cannot be
 * tomorrow; the pool card says its bar is the share issued. Setup that is not the point goes through the API.
 */

const WAN = 10_000 * 100
const year = new Date().getFullYear()
const shanghaiDate = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

async function confirmDialog(page: Page, name: RegExp) {
  await page.locator('.ant-modal-content').getByRole('button', { name }).click()
}

async function attach(page: Page, testId: string, name: string, text: string) {
  await page
    .locator('.ant-modal-content')
    .getByTestId(testId)
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(text) })
}

describe('创新券: redemption proof, review and payout in the browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('refuses one file as both proofs, warns of a zero self-payment, asks for a decision, and dates the payout no later than today', async () => {
    const title = `数控系统可靠性概念验证${runMark()}`
    const [officer, firm, center] = await Promise.all([
      apiAs('cityOfficer'),
      apiAs('enterpriseUser'),
      apiAs('centerOperator'),
    ])
    const pool = await officer.post<{ id: string; name: string }>('/voucher-pools', {
      name: `${year} 年温州市创新券（页面测试${runMark()}）`,
      jurisdictionCode: '330300',
      year,
      totalFen: 100 * WAN,
    })
    const enterprises = await officer.get<{ items: { id: string; name: string }[] }>(
      `/enterprises?q=${encodeURIComponent('温州瓯海智造科技有限公司')}`,
    )
    await officer.post('/vouchers', {
      poolId: pool.id,
      enterpriseOrgId: enterprises.items.find((e) => e.name === '温州瓯海智造科技有限公司')?.id,
      amountFen: 6 * WAN,
      validFrom: shanghaiDate(),
      validTo: `${year + 1}-12-31`,
      categories: ['poc'],
    })
    const carriers = await firm.get<{ items: { id: string; name: string }[] }>(
      `/carriers?q=${encodeURIComponent('数字经济')}&kind=pocCenter,pilotPlatform&pageSize=30`,
    )
    const carrierId = carriers.items.find((c) => c.name === '温州市数字经济概念验证中心')?.id
    let order = await firm.post<{ id: string; version: number }>('/service-orders', {
      carrierId,
      category: 'poc',
      title,
      description: '验证数控系统在连续加工下的可靠性',
      priceFen: 6 * WAN,
    })
    order = await center.post(`/service-orders/${order.id}/provider`, { action: 'accept', version: order.version })
    await center.post(`/service-orders/${order.id}/provider`, { action: 'deliver', version: order.version })

    const enterprise = await newPage(browser)
    const city = await newPage(browser)
    try {
      // The enterprise picks the contract twice: refused under 付款凭证 before anything is sent.
      await signInAs(enterprise.page, 'enterpriseUser')
      await enterprise.page.goto(`/service-orders/${order.id}`)
      await enterprise.page.getByTestId('redeem').click()
      await attach(enterprise.page, 'contract-file', '技术服务合同.pdf', `合同 ${title}`)
      await attach(enterprise.page, 'payment-proof-file', '付款凭证.pdf', `合同 ${title}`)
      await enterprise.page.locator('.ant-modal-content').getByTestId('file-proof').nth(1).waitFor()
      await confirmDialog(enterprise.page, /提交兑付申请/)
      await enterprise.page.getByText('服务合同与付款凭证不能是同一文件').waitFor()
      expect(await enterprise.page.getByTestId('order-status').textContent()).toBe('服务已完成')
      // The voucher pays the whole contract, as the form suggests.
      await attach(enterprise.page, 'payment-proof-file', '付款凭证.pdf', `付款 ${title}`)
      await enterprise.page.getByText('服务合同与付款凭证不能是同一文件').waitFor({ state: 'hidden' })
      await confirmDialog(enterprise.page, /提交兑付申请/)
      await expect.poll(() => enterprise.page.getByTestId('order-status').textContent()).toBe('兑付审核中')

      // The city's 待办 opens the list on 兑付审核中.
      await signInAs(city.page, 'cityOfficer')
      await city.page.getByTestId('todos').getByText('创新券兑付申请待审核').click()
      await city.page.waitForURL(/\/service-orders\?status=redemptionSubmitted$/)
      await city.page.locator('.ant-select-selection-item', { hasText: '兑付审核中' }).waitFor()
      await city.page.getByTestId('service-orders').getByRole('link', { name: title }).click()

      // Warned of the zero self-payment; no decision is assumed.
      await city.page.getByTestId('review-redemption').click()
      const review = city.page.locator('.ant-modal-content')
      await review.getByTestId('no-self-pay').getByText('企业自付为 0，创新券抵扣合同全额').waitFor()
      await confirmDialog(city.page, /提交审核结论/)
      await review.getByText('请选择审核结论').waitFor()
      expect(await city.page.getByTestId('order-status').textContent()).toBe('兑付审核中')
      await screenshotBoth(city.page, 'voucher-review-undecided')
      await review.getByText('核准兑付').click()
      await confirmDialog(city.page, /提交审核结论/)
      await expect.poll(() => city.page.getByTestId('order-status').textContent()).toBe('兑付已核准')

      // The next 待办 opens the list on 兑付已核准; the payout cannot be dated tomorrow.
      await city.page.goto('/')
      await city.page.getByTestId('todos').getByText('待向服务方拨付').click()
      await city.page.waitForURL(/\/service-orders\?status=redeemed$/)
      await city.page.locator('.ant-select-selection-item', { hasText: '兑付已核准' }).waitFor()
      await city.page.getByTestId('service-orders').getByRole('link', { name: title }).click()
      await city.page.getByTestId('payout').click()
      await city.page.getByLabel('拨付日期').click()
      const calendar = city.page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      const cell = (date: string) => calendar.locator(`td[title="${date}"]`)
      expect(await cell(shanghaiDate(1)).getAttribute('class')).toContain('ant-picker-cell-disabled')
      expect(await cell(shanghaiDate()).getAttribute('class')).not.toContain('ant-picker-cell-disabled')
      // Pick today (Escape would close the dialog too).
      await cell(shanghaiDate()).click()
      await city.page.getByLabel('拨付凭证号').fill(`温科券〔${year}〕${runMark()}号`)
      await confirmDialog(city.page, /确认拨付/)
      await expect.poll(() => city.page.getByTestId('order-status').textContent()).toBe('已向服务方拨付')

      // The pool card: 6 万 of 100 万 issued, and the same 6 万 paid out; the bar says it measures the issued share.
      await city.page.goto('/vouchers')
      const card = city.page.getByTestId('voucher-pool').filter({ hasText: pool.name })
      await card.getByTestId('pool-issued').getByText('已发券 6%').waitFor()
      await card.locator('.ant-statistic', { hasText: '已拨付服务方' }).getByText('6 万元').waitFor()
      await screenshotBoth(city.page, 'voucher-pool-card')
    } finally {
      await enterprise.context.close()
      await city.context.close()
    }
  })
})
