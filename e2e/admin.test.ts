import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeUscc } from '../server/src/platform/validation/uscc'
import { apiAs } from './support/api'
import { launchBrowser, newPage, screenshot, screenshotBoth } from './support/browser'
import { pickOption, pickTreeOption, saveButton } from './support/form'
import { firstSignIn, signInAs } from './support/sign-in'

/** The field's error text, as shown under the field. */
function fieldError(page: Page, label: string) {
  return page
    .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error')
}

describe('system administrator', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('creates an organization: a wrong 统一社会信用代码 is explained under the field, the corrected one is saved', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'systemAdmin')
      await page.locator('[data-menu-path="/organizations"]').click()
      await page.getByRole('button', { name: /新建机构/ }).click()
      const dialog = page.getByRole('dialog')
      const name = `温州瓯江新材料科技有限公司${Date.now().toString(36).slice(-4)}`
      const valid = completeUscc('91330302MA2E2E001')
      const wrongCheck = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`
      await dialog.getByLabel('机构名称').fill(name)
      await pickOption(page, dialog.getByLabel('机构类型'), '企业')
      await pickTreeOption(page, dialog.getByLabel('所在辖区'), '鹿城区')
      await dialog.getByLabel('统一社会信用代码').fill(wrongCheck)
      await saveButton(dialog).click()

      await expect.poll(() => fieldError(page, '统一社会信用代码').textContent()).toContain('校验码')
      // One width only: resizing with the form dialog open preceded this test's one flaky failure (stop 9).
      await screenshot(page, 'organization-form-uscc-error')

      await dialog.getByLabel('统一社会信用代码').fill(valid)
      await saveButton(dialog).click()
      await page.getByText('机构已创建').waitFor()
      await dialog.waitFor({ state: 'hidden' })
      await page.getByRole('cell', { name }).waitFor()
      await page.getByText(valid).first().waitFor()
      await screenshotBoth(page, 'organizations')
    } finally {
      await context.close()
    }
  })

  it('edits an organization, and refuses an edit made on a version someone else has already changed', async () => {
    const api = await apiAs('systemAdmin')
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'systemAdmin')
      await page.goto('/organizations')
      const target = (
        await api.get<{ items: { id: string; name: string; version: number }[] }>('/organizations?q=鹿城')
      ).items[0]
      if (!target) throw new Error('no demo organization in 鹿城区')
      const row = page.locator('tr', { hasText: target.name })
      await row.getByTestId(`edit-${target.id}`).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('联系人').fill('郑主任')
      await dialog.getByLabel('联系电话').fill('0577-88886666')
      await saveButton(dialog).click()
      await page.getByText('机构信息已保存').waitFor()
      await row.getByText('郑主任').waitFor()

      await row.getByTestId(`edit-${target.id}`).click()
      await dialog.getByLabel('联系人').fill('王主任')
      const current = await api.get<{ version: number }>(`/organizations/${target.id}`)
      await api.patch(`/organizations/${target.id}`, { contactName: '另一位管理员', version: current.version })
      await saveButton(dialog).click()
      await page.getByText('该机构已被他人修改，请关闭后刷新列表再编辑').waitFor()
      await screenshotBoth(page, 'organization-stale-edit')
    } finally {
      await context.close()
    }
  })

  it('creates an account, shows its one-time password once, and the new person sets a password and binds TOTP', async () => {
    const { context, page } = await newPage(browser)
    const username = `e2e.expert${Date.now().toString(36).slice(-5)}`
    let initialPassword = ''
    try {
      await signInAs(page, 'systemAdmin')
      await page.locator('[data-menu-path="/admin/users"]').click()
      await page.getByRole('button', { name: /新建账号/ }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('登录账号').fill(username)
      await dialog.getByLabel('姓名').fill('钱研究员')
      await pickOption(page, dialog.getByLabel('角色'), '评审专家')
      await pickOption(page, dialog.getByLabel('所属机构'), '温州', { type: true })
      await dialog.getByRole('button', { name: /创建账号/ }).click()
      await page.getByTestId('one-time-password').waitFor()
      initialPassword = ((await page.getByTestId('initial-password').textContent()) ?? '').trim()
      expect(initialPassword.length).toBeGreaterThanOrEqual(8)
      await screenshotBoth(page, 'user-created-one-time-password')
      await page.getByRole('button', { name: '我已妥善记录' }).click()
      await page.getByTestId('one-time-password').waitFor({ state: 'hidden' })
      await page.getByText(username).first().waitFor()
      await screenshotBoth(page, 'users')
    } finally {
      await context.close()
    }

    const person = await newPage(browser)
    try {
      const secret = await firstSignIn(person.page, username, initialPassword, 'Qian#Expert2026', async (screen) => {
        await screenshotBoth(person.page, `sign-in-${screen}`)
      })
      expect(secret, 'an expert must bind a second factor').toMatch(/^[A-Z2-7]{16,}$/)
      await expect.poll(() => person.page.getByTestId('current-user-name').textContent()).toBe('钱研究员')
    } finally {
      await person.context.close()
    }
  })
})
