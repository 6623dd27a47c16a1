import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, screenshotBoth } from './support/browser'
import { newPerson, nextSearch, search } from './support/registry'
import { signInAs } from './support/sign-in'

type Session = { context: BrowserContext; page: Page }

/** The ids of the results a match list shows, in order. */
async function shownIds(page: Page, toType: string): Promise<string[]> {
  return page
    .getByTestId(`matches-${toType}`)
    .getByTestId('match-result')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''))
}

/** Clicks a feedback button and waits for the judgement to be stored and the list to be asked again. */
async function judge(page: Page, id: string, button: 'feedback-irrelevant' | 'feedback-interested') {
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/v1/match/feedback') && r.status() === 200)
  const refreshed = page.waitForResponse((r) => /\/api\/v1\/match\/demand\/[^/]+\/achievement/.test(r.url()))
  await page.locator(`[data-testid="match-result"][data-id="${id}"]`).getByTestId(button).click()
  await stored
  await refreshed
}

/**
 * 匹配推荐 / 为什么推荐 on the records' pages: reasons for every result, 不相关 / 有意向 re-rank the list, and
 * 有意向并联系 sends the owner a lead.
 */
describe('matching panels', () => {
  let browser: Browser
  let enterprise: Session
  beforeAll(async () => {
    browser = await launchBrowser()
    enterprise = await newPerson(browser)
    await signInAs(enterprise.page, 'enterpriseUser')
  })
  afterAll(async () => {
    await enterprise?.context.close()
    await browser?.close()
  })

  it('explains a demand’s matching achievements; 不相关 and 有意向 are recorded and order the person’s list', async () => {
    const { page } = enterprise
    await page.locator('[data-menu-path="/demands"]').click()
    const found = nextSearch(page, '/demands', 'q')
    await search(page, '灵巧手触觉传感')
    await found
    await page
      .getByTestId('results')
      .getByRole('link', { name: /灵巧手触觉传感/ })
      .first()
      .click()
    const list = page.getByTestId('matches-achievement')
    await list.getByTestId('match-result').nth(3).waitFor()
    const first = list.getByTestId('match-result').first()
    expect(await first.getByTestId('match-reasons').locator('li').count()).toBeGreaterThan(1)
    await first.getByText('命中词').waitFor()
    await first.locator('.ant-progress').waitFor()

    const before = await shownIds(page, 'achievement')
    const irrelevant = before[0] as string
    const interested = before[3] as string
    await judge(page, irrelevant, 'feedback-irrelevant')
    await page.getByText('已记录“不相关”').waitFor()
    await judge(page, interested, 'feedback-interested')
    await page.getByText('已记录“有意向”').waitFor()

    // The person's own judgements order their list at once: 有意向 first, 不相关 last (the shared re-ranker
    // retrains too, and moves only a little on two judgements).
    await expect.poll(async () => (await shownIds(page, 'achievement'))[0]).toBe(interested)
    expect((await shownIds(page, 'achievement')).at(-1)).toBe(irrelevant)
    await screenshotBoth(page, 'demand-matches')

    // The judgements are the server's: after a reload both results are still listed, their buttons pressed.
    const listed = page.waitForResponse((r) => /\/api\/v1\/match\/demand\/[^/]+\/achievement/.test(r.url()))
    await page.reload()
    await listed
    const result = (id: string) => page.locator(`[data-testid="match-result"][data-id="${id}"]`)
    await expect
      .poll(() => result(irrelevant).getByTestId('feedback-irrelevant').getAttribute('aria-pressed'))
      .toBe('true')
    await result(irrelevant).getByText('已标记不相关').waitFor()
    expect(await result(irrelevant).getByTestId('feedback-interested').getAttribute('aria-pressed')).toBe('false')
    expect(await result(interested).getByTestId('feedback-interested').getAttribute('aria-pressed')).toBe('true')
    await result(interested).getByText('已标记有意向').waitFor()
    await result(interested).scrollIntoViewIfNeeded()
    await page.setViewportSize({ width: 1280, height: 900 })
    await screenshot(page, 'demand-matches-judged-1280')
    await screenshotBoth(page, 'demand-matches-judged')
  })

  it('offers an achievement’s demands, enterprises and PoC centers with reasons; 有意向并联系 reaches the owner', async () => {
    const researcher = await newPerson(browser)
    try {
      const { page } = researcher
      await signInAs(page, 'researcher')
      await page.locator('[data-menu-path="/achievements"]').click()
      await page.getByRole('tab', { name: '本单位成果' }).click()
      const found = nextSearch(page, '/achievements', 'q')
      await search(page, '低空无人机城市物流调度系统')
      await found
      await page.getByTestId('results').getByRole('link', { name: '低空无人机城市物流调度系统' }).click()
      const panel = page.getByTestId('match-panel')
      const demand = panel.getByTestId('matches-demand').getByTestId('match-result').first()
      await demand.waitFor()
      expect(await demand.getByTestId('match-reasons').locator('li').count()).toBeGreaterThan(0)
      const demandTitle = (await demand.getByTestId('match-title').textContent()) ?? ''
      const demandId = await demand.getAttribute('data-id')

      await panel.getByRole('tab', { name: '企业' }).click()
      await panel.getByTestId('matches-enterprise').getByTestId('match-result').first().waitFor()
      await panel.getByRole('tab', { name: '验证中心与中试平台' }).click()
      const center = panel.getByTestId('matches-carrier').getByTestId('match-result').first()
      await center.getByTestId('match-reasons').locator('li').first().waitFor()
      await screenshotBoth(page, 'achievement-matches')

      await panel.getByRole('tab', { name: '技术需求' }).click()
      await demand.getByTestId('match-lead').click()
      const dialog = page.locator('.ant-modal').filter({ hasText: '有意向并联系' })
      await dialog.locator('textarea').fill('我们的调度系统可用于贵单位的需求，欢迎交流')
      await dialog.getByRole('button', { name: '发送意向' }).click()
      await page.getByText('意向已发送给对方').waitFor()
      // The same result now says so, and takes no second lead.
      const sentTo = panel
        .getByTestId('matches-demand')
        .locator(`[data-testid="match-result"][data-id="${demandId}"]`)
        .getByTestId('match-lead')
      await sentTo.filter({ hasText: '已表达意向' }).waitFor()
      expect(await sentTo.isDisabled()).toBe(true)

      // The demand's owner finds it among 收到的意向 if it is this enterprise; the researcher among 我的意向.
      await page.locator('[data-menu-path="/leads"]').click()
      await page.getByRole('tab', { name: '我的意向' }).click()
      await page.getByTestId('leads-sent').locator('.ant-table-row', { hasText: demandTitle }).waitFor()
    } finally {
      await researcher.context.close()
    }
  })
})
