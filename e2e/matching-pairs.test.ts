import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs } from './support/api'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { signInAs } from './support/sign-in'

type ProjectPage = { items: { id: string; title: string }[] }

/** The results of one tab of the project's 匹配推荐 panel, each with its 为什么推荐 lines. */
async function resultsOf(page: Page, target: 'expert' | 'carrier' | 'investor') {
  const list = page.getByTestId(`project-matches-${target}`)
  await list.getByTestId('match-result').first().waitFor()
  return list.getByTestId('match-result').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('[data-testid="match-title"]')?.textContent ?? '',
      reasons: [...item.querySelectorAll('[data-testid="match-reasons"] li')].map((li) => li.textContent ?? ''),
    })),
  )
}

describe('project matches: experts, centers and platforms, investors', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('shows the center in charge experts, centers and platforms, and investors for a landed project, each with why', async () => {
    const center = await apiAs('centerOperator')
    const { items } = await center.get<ProjectPage>('/projects?q=存算一体')
    const project = items.find((p) => p.title.includes('存算一体'))
    expect(project, 'the demo’s landed 存算一体 project').toBeDefined()

    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'centerOperator')
      await page.goto(`/projects/${project!.id}`)
      await page.getByRole('tab', { name: '匹配推荐' }).click()
      const panel = page.getByTestId('project-match-panel')
      await panel.getByText('为什么推荐').waitFor()

      const experts = await resultsOf(page, 'expert')
      expect(experts.length).toBeGreaterThan(0)
      expect(experts[0]!.reasons).toContain('未发现利益冲突')
      expect(experts.every((e) => e.reasons.length > 1)).toBe(true)
      // An expert matched by field but withdrawn for a conflict of interest, with the reason.
      await panel.getByText(/因利益冲突回避/).click()
      await expect.poll(() => page.getByTestId('excluded-result').first().textContent()).toMatch(/回避：/)

      await panel.getByRole('tab', { name: '验证中心与中试平台' }).click()
      const carriers = await resultsOf(page, 'carrier')
      expect(carriers.some((c) => c.reasons.some((r) => /^具备所需能力：/.test(r)))).toBe(true)
      expect(carriers.some((c) => c.reasons.some((r) => /^距项目所在概念验证中心约 \d+ 公里$/.test(r)))).toBe(true)

      await panel.getByRole('tab', { name: '投资机构' }).click()
      const investors = await resultsOf(page, 'investor')
      const wenzhou = investors.find((i) => i.title === '温州瓯创科技创业投资有限公司')
      expect(wenzhou?.reasons).toEqual([
        '投资阶段相符：项目已转化落地，处于初创期（A 轮）；机构投种子期、天使轮、初创期（A 轮）',
        '关注产业相同：集成电路',
        '关注方向命中：边缘 AI',
        '单笔投资 100–3000 万元，覆盖项目预算 120 万元',
        '投资地域包含浙江省温州市',
      ])
      await screenshotBoth(page, 'matching-project-investors')
    } finally {
      await context.close()
    }
  })

  it('lets an investor keep its 投资偏好, explaining a refused ticket range in Chinese', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'investor')
      await page.locator('[data-menu-path="/investors/me"]').click()
      await page.getByTestId('investor-profile-summary').waitFor()
      const lower = page.getByLabel('单笔投资下限（万元）')
      const upper = page.getByLabel('单笔投资上限（万元）')
      await expect.poll(() => lower.inputValue()).toBe('50.00')
      await upper.fill('20')
      await page.getByTestId('submit').click()
      await page.getByText('单笔投资上限不能低于下限').first().waitFor()
      await upper.fill('800')
      await page.getByTestId('submit').click()
      await page.getByText('投资偏好已保存').waitFor()
      await expect.poll(() => page.getByTestId('investor-profile-summary').textContent()).toContain('800 万元')
      await screenshotBoth(page, 'matching-investor-profile')
    } finally {
      await context.close()
    }
  })
})
