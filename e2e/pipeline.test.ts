import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeUscc } from '../server/src/platform/validation/uscc'
import { apiAs, uniqueUsername } from './support/api'
import { desktop, launchBrowser, mobile, newPage, screenshotBoth } from './support/browser'
import { confirmPopover, pickOption, tick } from './support/form'
import { layoutProblems } from './support/layout'
import { firstSignIn, signInAs } from './support/sign-in'
import {
  acceptAndReportBack,
  closeFinding,
  offerToPilotPlatform,
  recordLandedCompany,
  runStagesAndIssueReport,
  verifyReportByCode,
} from './support/verification-steps'

/** The researcher's achievement the application starts from (demo data of 瓯越理工大学). */
const ACHIEVEMENT = '低空无人机城市物流调度系统'
const CENTER = '温州市数字经济概念验证中心'
/** The demo 评审专家 account's expert profile. */
const EXPERT = '吴志远'

const PILOT_PLATFORM = '湖州南太湖智能装备中试平台'
const FINDING = '城区复杂楼宇间定位漂移超过 3 米'

/** antd puts a space between two Chinese characters on a button. */
const button = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`)

/**
 * The proof-of-concept pipeline end to end, as people click through it: a researcher applies, the center admits
 * the project through an evaluation round, verification runs through its stages, the report is issued and
 * verified by another center, a pilot platform takes the project over and reports back, and a company is
 * recorded as landed. Steps run in order on one project; each `it` is one person's part.
 */
describe('概念验证 pipeline in the browser: apply → 入库评价 → 阶段验证 → 报告互认 → 中试 → 落地', () => {
  let browser: Browser
  const title = `${ACHIEVEMENT}概念验证${String(Date.now()).slice(-6)}`
  let projectUrl = ''

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('a researcher applies for proof of concept starting from one of their achievements', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'researcher')
      await page.locator('[data-menu-path="/my-projects"]').click()
      await page.getByRole('button', { name: /申请概念验证/ }).click()
      const form = page.getByTestId('project-form')
      await form.waitFor()
      // Picking the achievement copies its title, summary and TRL into the form.
      await pickOption(page, page.getByLabel('源自成果'), ACHIEVEMENT, { type: true })
      const titleBox = page.getByLabel('项目名称')
      await expect.poll(() => titleBox.inputValue()).toBe(ACHIEVEMENT)
      await titleBox.fill(title)
      // The form settles after the achievement fills it; tick until the box holds its state.
      for (const label of ['原理验证', '技术与工艺可行性验证']) await tick(page.getByLabel(label))
      await page.getByLabel('验证预算（万元）').fill('50')
      await pickOption(page, page.getByLabel('负责的概念验证中心'), CENTER, { type: true })
      await page.getByRole('button', { name: button('提交申请') }).click()
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/)
      projectUrl = new URL(page.url()).pathname
      await expect.poll(() => page.getByTestId('record-title').textContent()).toBe(title)
      expect(await page.getByTestId('project-status').first().textContent()).toBe('已申报')
      await expect.poll(() => page.getByTestId('source-achievements').textContent()).toContain(ACHIEVEMENT)
      expect(await page.getByTestId('project-facts').textContent()).toContain(CENTER)
      await screenshotBoth(page, 'project-applied-researcher')
      await page.getByRole('tab', { name: '进展记录' }).click()
      expect(await page.getByTestId('project-timeline').textContent()).toContain('已申报')
    } finally {
      await context.close()
    }
  })

  it('the center runs a round: one reviewer, the demo expert pinned, optimal assignment; the expert confirms no conflict and scores; the center admits', async () => {
    expect(projectUrl).not.toBe('')
    const center = await newPage(browser)
    const expert = await newPage(browser)
    try {
      const page = center.page
      await signInAs(page, 'centerOperator')
      await page.locator('[data-menu-path="/evaluation-rounds"]').click()
      await page.getByRole('button', { name: /新建评价轮次/ }).click()
      await page.getByTestId('round-form').waitFor()
      await page.getByLabel('轮次名称').fill(`入库评价 ${title}`)
      await pickOption(page, page.getByLabel('评价项目'), title, { type: true })
      // The Wenzhou four, equal weights, by default.
      expect(await page.getByLabel('指标 1 名称').inputValue()).toBe('理论创新性')
      expect(await page.getByLabel('指标 4 名称').inputValue()).toBe('知识产权完整性')
      expect(await page.getByTestId('weight-sum').textContent()).toContain('100')
      await page.getByLabel('每个项目评审专家人数').fill('1')
      await page.getByRole('button', { name: /创建评价轮次/ }).click()
      await page.waitForURL(/\/evaluation-rounds\/[0-9a-f-]{36}/)

      const seats = page.getByTestId('round-project').filter({ hasText: title })
      await seats.getByRole('button', { name: /固定 \/ 禁止专家/ }).click()
      const dialog = page.getByRole('dialog')
      await pickOption(page, dialog.getByLabel('专家', { exact: true }), EXPERT, { type: true })
      await dialog.getByRole('button', { name: button('保存') }).click()
      await seats.getByText(`固定：${EXPERT}`).waitFor()
      await dialog.getByRole('button', { name: 'Close' }).click()
      await page.getByRole('button', { name: button('运行分配') }).click()
      await page.getByTestId('run-summary').waitFor()
      await seats.locator('.ant-table-row', { hasText: EXPERT }).getByText('待确认回避').waitFor()
      await screenshotBoth(page, 'evaluation-round-assigned')

      // The expert: the parties first, the content only after 确认无利益冲突, then scores.
      const e = expert.page
      await signInAs(e, 'expert')
      await e.locator('[data-menu-path="/evaluation-invitations"]').click()
      await e.getByTestId('invitations').getByRole('link', { name: title }).click()
      await e.getByText('项目材料将在确认无利益冲突后显示').waitFor()
      expect(await e.getByTestId('project-material').count()).toBe(0)
      await e.getByRole('button', { name: /确认无利益冲突/ }).click()
      await confirmPopover(e, button('确认'))
      await e.getByTestId('project-material').waitFor()
      await e.getByRole('button', { name: /接受评审/ }).click()
      await e.getByTestId('score-form').waitFor()
      for (const [name, score] of [
        ['理论创新性', '86'],
        ['技术可行性', '82'],
        ['市场潜力', '90'],
        ['知识产权完整性', '78'],
      ] as const)
        await e.getByLabel(`${name}得分`).fill(score)
      await e.getByLabel('市场潜力意见').fill('城市低空物流需求明确，建议补充空域审批路径。')
      await e.getByLabel('综合意见').fill('调度算法成熟度较高，建议尽快开展真实场景试飞验证。')
      await screenshotBoth(e, 'evaluation-scoring-expert')
      // On a phone the 综合意见's character count ran over its explanation.
      await e.setViewportSize(mobile)
      await expect.poll(() => layoutProblems(e)).toEqual([])
      await e.setViewportSize(desktop)
      await e.getByRole('button', { name: /提交评分/ }).click()
      await confirmPopover(e, button('提交'))
      await expect.poll(() => e.getByTestId('invitation-status').textContent()).toBe('已提交评分')

      // Back at the center: the ranked list, and 入库 with an explained decision.
      await page.reload()
      await page.getByRole('tab', { name: '结果排名' }).click()
      const row = page.getByTestId('results').locator('.ant-table-row', { hasText: title })
      await row.getByTestId('decide').click()
      const decision = page.getByRole('dialog')
      await decision.getByText('入库', { exact: true }).click()
      await decision.getByLabel('决定理由').fill('专家评分较高，同意纳入概念验证项目库。')
      await decision.getByRole('button', { name: button('确定') }).click()
      const recorded = page.locator('.ant-modal-confirm')
      await recorded.locator('.ant-modal-confirm-title', { hasText: '决定已记录' }).waitFor()
      expect(await recorded.textContent()).toContain('专家评分较高')
      await recorded.getByRole('button').click()
      await row.getByTestId('decision').waitFor()
      expect(await row.getByTestId('decision').textContent()).toBe('入库')
      await screenshotBoth(page, 'evaluation-results-center')
    } finally {
      await center.context.close()
      await expert.context.close()
    }
  })

  it('the researcher sees the project admitted, with the comments and never the reviewer’s name', async () => {
    const { context, page } = await newPage(browser)
    try {
      await signInAs(page, 'researcher')
      await page.goto(projectUrl)
      await expect.poll(() => page.getByTestId('project-status').first().textContent()).toBe('已入库')
      await page.getByRole('tab', { name: '评审意见' }).click()
      const feedback = page.getByTestId('evaluation-feedback')
      await feedback.waitFor()
      const text = (await feedback.textContent()) ?? ''
      expect(text).toContain('评审专家 A')
      expect(text).toContain('城市低空物流需求明确')
      expect(text).toContain('调度算法成熟度较高')
      expect(text).not.toContain(EXPERT)
      await screenshotBoth(page, 'project-feedback-researcher')
    } finally {
      await context.close()
    }
  })

  it('the center verifies it stage by stage and issues the report; another center verifies the report by its code; a pilot platform takes it over and reports back; a company lands', async () => {
    expect(projectUrl).not.toBe('')
    // Arranged through the API: an operator of another PoC center (湖州), to check the report by its code.
    const admin = await apiAs('systemAdmin')
    const orgs = await admin.get<{ items: { id: string; name: string; kind: string }[] }>(
      '/organizations?pageSize=100&kind=pocCenter',
    )
    const huzhou = orgs.items.find((o) => o.kind === 'pocCenter' && o.name.includes('湖州'))
    expect(huzhou, 'a 湖州 PoC center in the demo data').toBeTruthy()
    const username = uniqueUsername('hzcenter')
    const created = await admin.post<{ initialPassword: string }>('/users', {
      username,
      displayName: '孙经理（湖州概念验证中心）',
      role: 'centerOperator',
      orgId: huzhou?.id,
    })

    const center = await newPage(browser)
    const other = await newPage(browser)
    const pilot = await newPage(browser)
    try {
      await signInAs(center.page, 'centerOperator')
      const code = await runStagesAndIssueReport(center.page, title)
      await screenshotBoth(center.page, 'pipeline-report-issued')

      await firstSignIn(other.page, username, created.initialPassword, `Hz#${Date.now().toString(36)}Aa1`)
      await verifyReportByCode(other.page, title, code)

      await offerToPilotPlatform(center.page, title, PILOT_PLATFORM)
      await signInAs(pilot.page, 'pilotPlatformOperator')
      await acceptAndReportBack(pilot.page, title, FINDING)
      await screenshotBoth(pilot.page, 'pipeline-pilot-handoff')

      await closeFinding(center.page, title, FINDING)
      await recordLandedCompany(center.page, title, {
        name: '温州低空智运科技有限公司',
        uscc: completeUscc('91330303MA2E3F0K5'),
        district: '龙湾区',
      })
      await screenshotBoth(center.page, 'pipeline-landed')

      // The printable report reads on its own, without the menu, with its code.
      await center.page.goto(`/reports/${code}/print`)
      expect(await center.page.getByTestId('print-code').textContent()).toBe(code)
      expect(await center.page.locator('.ant-layout-sider').count()).toBe(0)
    } finally {
      await center.context.close()
      await other.context.close()
      await pilot.context.close()
    }
  })
})
