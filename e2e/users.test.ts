import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { apiAs, createAccount, uniqueUsername } from './support/api'
import { launchBrowser, newPage } from './support/browser'
import { confirmPopover } from './support/form'
import { firstSignIn, signIn, signInAs } from './support/sign-in'

describe('disabling an account', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('ends the person’s session at once and enabling lets them back in', async () => {
    const admin = await apiAs('systemAdmin')
    const account = await createAccount(admin, {
      username: uniqueUsername('e2e.off'),
      displayName: '褚工程师',
      role: 'enterpriseUser',
    })
    const person = await newPage(browser)
    const administrator = await newPage(browser)
    try {
      await firstSignIn(person.page, account.username, account.initialPassword, 'Chu#Enterprise2026')

      await signInAs(administrator.page, 'systemAdmin')
      await administrator.page.goto(`/admin/users?q=${account.username}`)
      const row = administrator.page.locator('tr', { hasText: account.username })
      await row.getByText('停用', { exact: true }).click()
      await confirmPopover(administrator.page, /确\s*定/)
      await administrator.page.getByText(`已停用 ${account.username}`).waitFor()
      await row.getByText('已停用').first().waitFor()

      // The person's next request finds the session gone: the page says so and returns to sign-in.
      await person.page.locator('[data-menu-path="/account"]').click()
      await person.page.getByRole('tab', { name: '两步验证' }).click()
      await person.page.getByRole('button', { name: '开始绑定身份验证器' }).click()
      await person.page.getByText('登录已失效，请重新登录').waitFor()
      await person.page.waitForURL(/\/sign-in\?next=/)

      await row.getByText('启用', { exact: true }).click()
      await confirmPopover(administrator.page, /确\s*定/)
      await administrator.page.getByText(`已启用 ${account.username}`).waitFor()
      await signIn(person.page, account.username, 'Chu#Enterprise2026')
    } finally {
      await person.context.close()
      await administrator.context.close()
    }
  })
})
