import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { settledDropdown, tick } from './form'

/**
 * The second half of the proof-of-concept pipeline as people click through it: the center runs the stages of an
 * admitted project and issues the report, another center checks it by its code, a pilot platform takes the
 * project over and reports back, the center closes the finding and records the landing. Each step starts from
 * the project's title so it joins the first half (apply → evaluation → 入库) in one test.
 */

/** How long a page may take to show what the server answered (the test machine is shared). */
const settle = { timeout: 15_000, interval: 200 }

/** The open dialog of a ModalForm (only one is open at a time). */
const dialog = (page: Page): Locator => page.locator('.ant-modal-content:visible').last()

/** Picks an option of the Select under a form label (its shown value covers the input, so the box is clicked). */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.locator('.ant-form-item', { hasText: label }).locator('.ant-select-selector').click()
  await (await settledDropdown(page)).locator('.ant-select-item-option', { hasText: option }).first().click()
}

/** Presses the dialog's confirm button and waits until the dialog has closed (the server accepted it). */
async function confirm(page: Page, name: RegExp) {
  const open = dialog(page)
  await open.getByRole('button', { name }).click()
  await open.waitFor({ state: 'hidden' })
}

/** 验证工作台 of the project, found by its title in the center's list. */
export async function openWorkspace(page: Page, projectTitle: string, tab?: string) {
  await page.goto(`/verification?q=${encodeURIComponent(projectTitle)}`)
  await page.getByRole('link', { name: projectTitle, exact: true }).click()
  await expect.poll(() => page.getByTestId('workspace-title').textContent(), settle).toBe(projectTitle)
  if (tab) await page.getByRole('tab', { name: tab }).click()
}

/**
 * The center starts verifying, works the first stage (tranche, milestone, deliverable), passes every stage's gate
 * with the director the 双主任制 names, issues the report and returns its verification code.
 */
export async function runStagesAndIssueReport(page: Page, projectTitle: string): Promise<string> {
  await openWorkspace(page, projectTitle)
  const start = page.getByTestId('start-verification')
  await start.getByLabel('原理验证拨付（元）').fill('80000')
  await start.getByRole('button', { name: '开始验证' }).click()
  await expect.poll(() => page.getByTestId('project-status').textContent(), settle).toBe('验证中')

  const first = page.getByTestId('stage-principle')
  await first.getByRole('button', { name: '添加里程碑' }).click()
  await dialog(page).getByLabel('里程碑名称').fill('柔性阵列灵敏度理论推导与仿真')
  await confirm(page, /确\s*定/)
  await first.getByRole('button', { name: '标记完成' }).click()
  await dialog(page).getByLabel('完成情况').fill('仿真灵敏度 0.8 kPa⁻¹，满足设计目标')
  await confirm(page, /确\s*定/)
  await first.locator('input[type=file]').setInputFiles({
    name: '原理验证报告.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('液态金属柔性阵列原理验证：灵敏度 0.8 kPa^-1，迟滞 < 3%。'),
  })
  await first.getByText('原理验证报告', { exact: true }).waitFor()
  await first.getByRole('button', { name: '登记支出' }).click()
  await dialog(page).getByLabel('支出事项').fill('液态金属材料采购')
  await dialog(page).getByLabel('金额（元）').fill('12000')
  await confirm(page, /确\s*定/)
  await first.getByText('液态金属材料采购').waitFor()

  // Every planned stage through its gate, one after the other, until none is in progress.
  for (let round = 0; round < 4; round++) {
    const active = page.locator('[data-testid^="stage-"]', { has: page.getByText('进行中', { exact: true }) })
    if ((await active.count()) === 0) break
    // Held by its own test id: once decided, the stage is no longer the one in progress.
    const testId = (await active.first().getAttribute('data-testid')) ?? ''
    const stage = page.getByTestId(testId)
    // A stage passes only with something to show for it: the first has its report, the others get one here.
    if (testId !== 'stage-principle') {
      const report = `阶段验证报告${round}`
      await stage.locator('input[type=file]').setInputFiles({
        name: `${report}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from('本阶段验证数据与结论。'),
      })
      await stage.getByText(report, { exact: true }).waitFor()
    }
    await stage.getByRole('button', { name: '评审结论' }).click()
    await dialog(page).getByLabel('评审意见').fill('本阶段里程碑与交付成果齐全，各项指标达到设计要求，同意通过')
    await confirm(page, /提交结论/)
    await stage.getByTestId('gate').first().waitFor()
  }
  await page.getByRole('tab', { name: '验证报告' }).click()
  const panel = page.getByTestId('report-panel')
  await panel.getByRole('button', { name: '出具报告' }).click()
  await confirm(page, /签\s*发/)
  const code = ((await panel.getByTestId('report-code').first().textContent()) ?? '').trim()
  expect(code).toMatch(/^FM-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  await expect.poll(() => page.getByTestId('project-status').textContent(), settle).toBe('验证完成')
  return code
}

/** Another center's operator checks the report by its code and sees it valid, with what it covers (结果互认). */
export async function verifyReportByCode(page: Page, projectTitle: string, code: string) {
  await page.locator('[data-menu-path="/report-check"]').click()
  await page.getByLabel('报告验证码').fill(code)
  await page.getByRole('button', { name: /核\s*验/ }).click()
  const result = page.getByTestId('report-check-result')
  await result.getByTestId('report-valid').waitFor()
  expect(await result.textContent()).toContain(projectTitle)
  expect(await result.getByTestId('report-stages').textContent()).toContain('原理验证')
}

/** The center offers the verified project to the named pilot platform among the suggestions. */
export async function offerToPilotPlatform(page: Page, projectTitle: string, platformName: string) {
  await openWorkspace(page, projectTitle, '中试对接')
  const suggestions = page.getByTestId('pilot-suggestions')
  await tick(suggestions.getByRole('checkbox', { name: `选择 ${platformName}` }))
  await suggestions.getByRole('button', { name: /推送至所选中试平台/ }).click()
  const offer = page.getByTestId('handoff').filter({ hasText: platformName })
  await expect.poll(() => offer.getByTestId('handoff-status').textContent(), settle).toBe('待中试平台答复')
}

/** The pilot platform's operator accepts the offer, records a pilot node and sends a finding back. */
export async function acceptAndReportBack(page: Page, projectTitle: string, finding: string) {
  await page.locator('[data-menu-path="/handoffs"]').click()
  await page.getByRole('link', { name: projectTitle }).click()
  const handoff = page.getByTestId('handoff')
  await handoff.getByRole('button', { name: /承\s*接/ }).click()
  await confirm(page, /确认承接/)
  await expect.poll(() => handoff.getByTestId('handoff-status').textContent(), settle).toBe('中试中')
  await handoff.getByRole('button', { name: '添加中试节点' }).click()
  await dialog(page).getByLabel('节点名称').fill('首批 50 片电子皮肤试制')
  await confirm(page, /确\s*定/)
  await handoff.getByTestId('pilot-milestone').filter({ hasText: '首批 50 片电子皮肤试制' }).waitFor()
  await handoff.getByRole('button', { name: '反馈问题' }).click()
  await choose(page, dialog(page), '涉及的验证阶段', '原理验证')
  await dialog(page).getByLabel('问题描述').fill(finding)
  await confirm(page, /发送反馈/)
  await expect.poll(() => handoff.getByTestId('finding-status').first().textContent(), settle).toBe('待验证中心处理')
}

/** The center sees the finding and closes it as resolved. */
export async function closeFinding(page: Page, projectTitle: string, finding: string) {
  await openWorkspace(page, projectTitle, '中试对接')
  const row = page.getByTestId('finding').filter({ hasText: finding })
  await row.getByRole('button', { name: '关闭为已解决' }).click()
  await dialog(page).getByLabel('处理说明').fill('复核原理验证数据，该问题由封装工艺引起，中试中改进即可')
  await confirm(page, /确\s*定/)
  await expect.poll(() => row.getByTestId('finding-status').textContent(), settle).toBe('已解决')
}

/** A company founded in the project's city is recorded as landed; the project shows 已落地. */
export async function recordLandedCompany(
  page: Page,
  projectTitle: string,
  company: { name: string; uscc: string; district: string },
) {
  await openWorkspace(page, projectTitle, '转化落地')
  const outcomes = page.getByTestId('project-outcomes')
  await outcomes.getByRole('button', { name: '登记成果' }).click()
  const form = dialog(page)
  await choose(page, form, '成果类型', '落地成立企业')
  await form.getByLabel('企业名称').fill(company.name)
  await form.getByLabel('统一社会信用代码').fill(company.uscc)
  await choose(page, form, '企业所在区县', company.district)
  await form.getByLabel('注册资本（元）').fill('3000000')
  await confirm(page, /登\s*记/)
  await outcomes.getByText(company.name, { exact: false }).waitFor()
  await outcomes.getByTestId('landed').waitFor()
  await expect.poll(() => page.getByTestId('project-status').textContent(), settle).toBe('已落地转化')
}
