import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, createAccount, uniqueUsername } from './support/api'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { confirmPopover } from './support/form'
import { DEMO_PASSWORD, fillCredentials, firstSignIn, readEnrollmentSecret, signIn } from './support/sign-in'
import { nextTotpCode } from './support/totp'

async function typeCode(page: import('playwright-core').Page, code: string) {
  await page.getByTestId('totp-input').locator('input').first().click()
  await page.keyboard.type(code, { delay: 30 })
}

describe('account settings', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lets a researcher bind and unbind the optional second factor, then change the password', async () => {
    const admin = await apiAs('systemAdmin')
    const account = await createAccount(admin, {
      username: uniqueUsername('e2e.acct'),
      displayName: '冯博士',
      role: 'researcher',
    })
    const { context, page } = await newPage(browser)
    try {
      const firstPassword = 'Feng#Research2026'
      await firstSignIn(page, account.username, account.initialPassword, firstPassword)
      await page.locator('[data-menu-path="/account"]').click()
      await page.getByTestId('profile').getByText(account.username).waitFor()
      await screenshotBoth(page, 'account-profile')

      await page.getByRole('tab', { name: '两步验证' }).click()
      await page.getByRole('button', { name: '开始绑定身份验证器' }).click()
      const secret = await readEnrollmentSecret(page)
      await screenshotBoth(page, 'account-totp-enroll')
      await typeCode(page, await nextTotpCode(account.username, secret))
      await page.getByRole('button', { name: '完成绑定' }).click()
      await page.locator('.ant-result-title', { hasText: '两步验证已启用' }).waitFor()
      await screenshotBoth(page, 'account-totp-enabled')

      await page.getByRole('button', { name: '关闭两步验证' }).click()
      await confirmPopover(page, /继\s*续/)
      await typeCode(page, await nextTotpCode(account.username, secret))
      await page.getByRole('button', { name: '确认关闭' }).click()
      await page.getByText('两步验证已关闭').waitFor()
      await page.getByRole('button', { name: '开始绑定身份验证器' }).waitFor()

      await page.getByRole('tab', { name: '修改密码' }).click()
      await page.getByLabel('当前密码').fill('Not#TheRightOne1')
      await page.getByLabel('新密码', { exact: true }).fill('Feng#Research2027')
      await page.getByLabel('确认新密码').fill('Feng#Research2027')
      await page.getByRole('button', { name: '修改密码' }).last().click()
      await page.locator('.ant-form-item-explain-error', { hasText: '当前密码不正确' }).waitFor()
      await screenshotBoth(page, 'account-password-error')

      await page.getByLabel('当前密码').fill(firstPassword)
      await page.getByRole('button', { name: '修改密码' }).last().click()
      await page.locator('.ant-modal-confirm-title', { hasText: '密码已修改' }).waitFor()
      await page.getByRole('button', { name: '重新登录' }).click()
      await page.waitForURL(/\/sign-in/)
      await signIn(page, account.username, 'Feng#Research2027')
      await expect.poll(() => page.getByTestId('current-user-name').textContent()).toBe('冯博士')
    } finally {
      await context.close()
    }
  })
})

describe('navigation', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('sends a signed-out visitor to sign-in and back to the page asked for; unknown pages say so', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.goto('/account?tab=password')
      await page.waitForURL(/\/sign-in\?next=/)
      await page.getByRole('button', { name: /登\s*录/ }).waitFor()
      await screenshotBoth(page, 'sign-in')
      await fillCredentials(page, 'researcher', DEMO_PASSWORD)
      await page.waitForURL(/\/account\?tab=password/)
      await page.getByLabel('当前密码').waitFor()

      await page.goto('/no-such-page')
      await page.getByText('页面不存在').first().waitFor()
      await screenshotBoth(page, 'not-found')

      await page.goto('/admin/users')
      await page.getByText('无权访问').first().waitFor()
      await screenshotBoth(page, 'forbidden')
    } finally {
      await context.close()
    }
  })
})
