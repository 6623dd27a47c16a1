import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs } from './support/api'
import { launchBrowser, newPage, screenshot, screenshotBoth } from './support/browser'
import { pickOption, saveButton, tick } from './support/form'
import { formItem, newPerson, runMark } from './support/registry'
import { signInAs } from './support/sign-in'

type Session = { context: BrowserContext; page: Page }

const pad = (n: number) => String(n).padStart(2, '0')
/** A Shanghai wall-clock time `days` from now, as the pickers take it: 2026-12-20 14:00. */
function inDays(days: number, hour: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(hour)}:00`
}

async function typeInPicker(input: Locator, value: string) {
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

/**
 * 路演与对接会: the PoC center publishes a 对接会 featuring a public achievement (a deadline after the start is
 * explained under its field first); an enterprise signs up for that achievement; the center reads the sign-up
 * in its 报名名单; a visitor finds the event on the public portal.
 */
describe('路演与对接会', () => {
  let browser: Browser
  let center: Session
  let enterprise: Session
  const title = `瓯江智能装备成果对接会${runMark()}`

  beforeAll(async () => {
    browser = await launchBrowser()
    center = await newPerson(browser)
    enterprise = await newPerson(browser)
    await Promise.all([signInAs(center.page, 'centerOperator'), signInAs(enterprise.page, 'enterpriseUser')])
  })
  afterAll(async () => {
    await center?.context.close()
    await enterprise?.context.close()
    await browser?.close()
  })

  it('the center publishes a 对接会 with a featured achievement; a deadline after the start is refused under its field', async () => {
    const { page } = center
    await page.locator('[data-menu-path="/events"]').click()
    await page.getByTestId('new-event').click()
    const dialog = page.getByRole('dialog')
    // A button-style radio: its input is hidden, the label takes the click.
    const kind = dialog.locator('.ant-radio-button-wrapper', { hasText: '对接会' })
    await expect
      .poll(async () => {
        await kind.click()
        return kind.getAttribute('class')
      })
      .toContain('ant-radio-button-wrapper-checked')
    await dialog.getByLabel('活动名称').fill(title)
    await dialog
      .getByLabel('活动介绍')
      .fill('面向温州智能装备企业，集中推介经概念验证的激光加工与运动控制成果，现场一对一洽谈。')
    const range = formItem(page, '活动时间').locator('input')
    await typeInPicker(range.first(), inDays(10, 14))
    await typeInPicker(range.last(), inDays(10, 17))
    await typeInPicker(dialog.getByLabel('报名截止'), inDays(11, 17))
    await dialog.getByLabel('活动地点').fill('温州市科技大市场二楼对接室')
    await dialog.getByLabel('名额').fill('30')
    await pickOption(page, dialog.getByLabel('推介成果'), '超快激光精密微加工装备', { type: true })
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: /发\s*布/ }).click()
    await formItem(page, '报名截止').getByText('报名截止时间不能晚于活动开始时间').waitFor()
    await screenshotBoth(page, 'event-form-error')

    await typeInPicker(dialog.getByLabel('报名截止'), inDays(8, 17))
    await dialog.getByRole('button', { name: /发\s*布/ }).click()
    await page.getByText('活动已发布').waitFor()
    await page.locator('.ant-page-header-heading-title', { hasText: title }).waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/events\/[0-9a-f-]{36}$/)
    const facts = page.getByTestId('event-facts')
    await facts.getByText('报名中').waitFor()
    await facts.getByText('已报名 0 / 30 人').waitFor()
    await page.getByTestId('event-featured').getByText('超快激光精密微加工装备').waitFor()
  })

  it('an enterprise signs up for the featured achievement from the city’s list', async () => {
    const { page } = enterprise
    await page.locator('[data-menu-path="/events"]').click()
    await page.getByRole('link', { name: title }).click()
    await page.getByTestId('sign-up').click()
    const dialog = page.getByRole('dialog')
    await tick(dialog.getByRole('checkbox', { name: '超快激光精密微加工装备' }))
    await dialog.getByLabel('联系电话').fill('电话待定')
    await dialog.getByRole('button', { name: /提交报名/ }).click()
    await formItem(page, '联系电话').getByText('联系电话格式不正确').waitFor()
    await dialog.getByLabel('联系电话').fill('0577-88990011')
    await dialog.getByLabel('留言').fill('希望洽谈激光加工装备的许可与联合开发')
    await dialog.getByRole('button', { name: /提交报名/ }).click()
    await page.getByText('报名成功').waitFor()
    await page.getByTestId('signed-up').waitFor()
    await page.getByTestId('event-facts').getByText('已报名 1 / 30 人').waitFor()
    await screenshotBoth(page, 'event-signed-up')

    await page.goto('/events?scope=joined')
    await page.getByTestId('events').getByRole('link', { name: title }).waitFor()
    await screenshotBoth(page, 'events-joined')
  })

  it('the center reads the sign-up in its 报名名单', async () => {
    const { page } = center
    await page.reload()
    const signups = page.getByTestId('event-signups')
    const row = signups.locator('tr', { hasText: '0577-88990011' })
    await row.getByText('超快激光精密微加工装备').waitFor()
    await row.getByText('希望洽谈激光加工装备的许可与联合开发').waitFor()
    await row.getByText('已报名').waitFor()
    await screenshotBoth(page, 'event-signups')
  })

  it('a visitor finds the event on the public portal and is asked to sign in to sign up', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.goto('/portal?city=330300')
      await page.getByRole('link', { name: '路演活动' }).click()
      await page.getByTestId('public-events').getByRole('link', { name: title }).waitFor()
      await screenshotBoth(page, 'portal-events')
      await page.getByTestId('public-events').getByRole('link', { name: title }).click()
      await page.getByTestId('event-featured').getByRole('link', { name: '超快激光精密微加工装备' }).waitFor()
      await page.getByText('已报名 1 / 30 人').waitFor()
      await page.getByTestId('portal-sign-up').getByText('登录后报名').waitFor()
      await screenshotBoth(page, 'portal-event')
    } finally {
      await context.close()
    }
  })

  it('a visitor reads 名额已满 on a full event, with no invitation to sign up', async () => {
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
    const [organizer, firm] = await Promise.all([apiAs('centerOperator'), apiAs('enterpriseUser')])
    const full = await organizer.post<{ id: string }>('/events', {
      kind: 'roadshow',
      title: `激光加工成果闭门路演${runMark()}`,
      description: '仅一个席位：面向单一企业的激光加工成果闭门路演与洽谈。',
      venue: '温州市科技大市场三楼路演厅',
      startsAt: at(6),
      endsAt: at(6.1),
      signupDeadline: at(5),
      capacity: 1,
    })
    await firm.post(`/events/${full.id}/signups`, { contactName: '陈经理', contactPhone: '0577-88990011' })
    const { context, page } = await newPage(browser)
    try {
      await page.goto(`/portal/events/${full.id}`)
      const facts = page.getByTestId('event-facts')
      await facts.getByText('已报名 1 / 1 人').waitFor()
      await facts.getByText('名额已满').waitFor()
      expect(await facts.getByText('报名中').count()).toBe(0)
      expect(await page.getByTestId('portal-full').isDisabled()).toBe(true)
      expect(await page.getByTestId('portal-sign-up').count()).toBe(0)
      await screenshotBoth(page, 'portal-event-full')
    } finally {
      await context.close()
    }
  })

  it('the center moves the event to another place and puts one more achievement on stage, but cannot take off the one the enterprise came for', async () => {
    const { page } = center
    await page.getByTestId('edit-event').click()
    const dialog = page.getByRole('dialog')
    const featured = formItem(page, '推介成果')
    // What is on stage shows by title before any search.
    const onStage = featured.locator('.ant-select-selection-item', { hasText: '超快激光精密微加工装备' })
    await onStage.waitFor()
    await onStage.locator('.ant-select-selection-item-remove').click()
    await pickOption(page, dialog.getByLabel('推介成果'), '碱性电解水制氢催化电极', { type: true })
    await page.keyboard.press('Escape')
    await dialog.getByLabel('活动地点').fill('温州大学科技园报告厅')
    await saveButton(dialog).click()
    await dialog.getByText('「超快激光精密微加工装备」已有 1 个报名表示关注，不能移除').waitFor()
    // One width only: resizing the window with a form dialog open is where two flaky steps failed
    // (stop 9's admin test, this test once), with the dialog and its 保存 on screen but not found by role.
    await screenshot(page, 'event-edit-refused')

    await pickOption(page, dialog.getByLabel('推介成果'), '超快激光精密微加工装备', { type: true })
    await page.keyboard.press('Escape')
    await saveButton(dialog).click()
    await page.getByText('活动已修改', { exact: false }).first().waitFor()
    await page.getByTestId('event-facts').getByText('温州大学科技园报告厅').waitFor()
    const stage = page.getByTestId('event-featured')
    await stage.getByText('超快激光精密微加工装备').waitFor()
    await stage.getByText('碱性电解水制氢催化电极').waitFor()
  })

  it('the center cancels with a reason; the enterprise that signed up reads it in its 站内消息', async () => {
    await center.page.getByTestId('cancel-event').click()
    const dialog = center.page.getByRole('dialog')
    await dialog.getByLabel('取消原因').fill('主讲专家行程冲突，活动延期另行通知')
    await dialog.getByRole('button', { name: /确认取消活动/ }).click()
    await center.page.getByText('活动已取消', { exact: true }).first().waitFor()
    await center.page.getByTestId('event-facts').getByText('已取消').waitFor()

    const { page } = enterprise
    await page.locator('[data-menu-path="/notifications"]').click()
    // The move came first: its message names the new place.
    await page
      .getByTestId('notification')
      .filter({ hasText: `活动时间或地点变更：${title}` })
      .getByText('地点：温州大学科技园报告厅')
      .waitFor()
    const message = page.getByTestId('notification').filter({ hasText: `活动已取消：${title}` })
    await message.getByText('您报名的活动已由主办单位取消。取消原因：主讲专家行程冲突，活动延期另行通知').waitFor()
    await message.getByRole('button', { name: '查看' }).click()
    await page.getByTestId('event-facts').getByText('已取消').waitFor()
    await page.getByText('主讲专家行程冲突，活动延期另行通知').waitFor()
    expect(await page.getByTestId('sign-up').count()).toBe(0)
    await screenshotBoth(page, 'event-cancelled')
  })
})
