import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs } from './support/api'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { signInAs } from './support/sign-in'

type ProjectPage = { items: { id: string; title: string }[] }
type ExpertMatches = { results: { id: string; title: string }[] }

/** The expert tab of the project's 匹配推荐 panel, with its results shown. */
async function openExpertMatches(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}`)
  await page.getByRole('tab', { name: '匹配推荐' }).click()
  const list = page.getByTestId('project-matches-expert')
  await list.getByTestId('match-result').nth(1).waitFor()
  return list
}

/** Clicks 有意向 / 不相关 on one result and waits for the judgement to be stored and the list to be asked again. */
async function judge(page: Page, id: string, button: 'feedback-interested' | 'feedback-irrelevant') {
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/v1/match/feedback') && r.status() === 200)
  const refreshed = page.waitForResponse((r) => /\/api\/v1\/match\/project\/[^/]+\/expert/.test(r.url()))
  await page
    .getByTestId('project-matches-expert')
    .locator(`[data-testid="match-result"][data-id="${id}"]`)
    .getByTestId(button)
    .click()
  await stored
  await refreshed
}

const judgementOf = (page: Page, id: string) =>
  page
    .getByTestId('project-matches-expert')
    .locator(`[data-testid="match-result"][data-id="${id}"]`)
    .getByTestId('match-feedback')
    .getAttribute('data-judgement')

describe('有意向 / 不相关 on a project’s matches', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lets the center in charge mark one expert 有意向 and another 不相关, still marked after a reload', async () => {
    const center = await apiAs('centerOperator')
    const { items } = await center.get<ProjectPage>('/projects?pageSize=50')
    // A project with at least two experts to judge; the landed 存算一体 project is left to matching-pairs.
    let chosen: { projectId: string; experts: ExpertMatches['results'] } | undefined
    for (const project of [...items].sort(
      (a, b) => Number(a.title.includes('存算一体')) - Number(b.title.includes('存算一体')),
    )) {
      const matches = await center.get<ExpertMatches>(`/match/project/${project.id}/expert?limit=10`)
      if (matches.results.length >= 2) {
        chosen = { projectId: project.id, experts: matches.results }
        break
      }
    }
    expect(chosen, 'a demo project of the center with two matching experts').toBeDefined()
    const { projectId, experts } = chosen!
    // The first 有意向 and the second 不相关: the order the re-ranker learns is the one shown (other tests keep theirs),
    // and the one judged 不相关 stays in the list to be seen marked.
    const interested = experts[0]!.id
    const irrelevant = experts[1]!.id

    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'centerOperator')
      await openExpertMatches(page, projectId)
      await judge(page, interested, 'feedback-interested')
      await page.getByText('已记录“有意向”').waitFor()
      await judge(page, irrelevant, 'feedback-irrelevant')
      await page.getByText('已记录“不相关”').waitFor()
      await expect.poll(() => judgementOf(page, interested)).toBe('interested')
      await expect.poll(() => judgementOf(page, irrelevant)).toBe('irrelevant')

      await page.reload()
      const list = await openExpertMatches(page, projectId)
      await expect.poll(() => judgementOf(page, interested)).toBe('interested')
      await expect.poll(() => judgementOf(page, irrelevant)).toBe('irrelevant')
      const marked = list.locator(`[data-testid="match-result"][data-id="${interested}"]`)
      expect(await marked.getByTestId('feedback-interested').getAttribute('aria-pressed')).toBe('true')
      expect(await marked.getByTestId('feedback-interested').textContent()).toContain('已标记有意向')
      const dismissed = list.locator(`[data-testid="match-result"][data-id="${irrelevant}"]`)
      expect(await dismissed.getByTestId('feedback-irrelevant').textContent()).toContain('已标记不相关')
      // Only the two judged results are marked.
      expect(await list.locator('[data-testid="match-feedback"]:not([data-judgement=""])').count()).toBe(2)
      await screenshotBoth(page, 'matching-project-feedback')
    } finally {
      await context.close()
    }
  })
})
