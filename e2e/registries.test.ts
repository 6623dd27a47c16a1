import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshotBoth } from './support/browser'
import { tick } from './support/form'
import { choose, formItem, listTotal, newPerson, nextSearch, runMark, search, typeDate } from './support/registry'
import { signInAs } from './support/sign-in'

type Session = { context: BrowserContext; page: Page }

/**
 * 资源库 in the workspace, as people use it: a researcher enters a 保密 achievement with the 智能推荐分类 and
 * imports a file with bad rows; an enterprise publishes a demand and a scenario, searches with filters and
 * facets, and cannot see the other organization's 保密 achievement. Each person signs in once.
 */
describe('registries: achievements, demands, scenarios', () => {
  let browser: Browser
  let researcher: Session
  let enterprise: Session
  const mark = runMark()
  const secretTitle = `眼底图像深度学习近视筛查算法${mark}`
  let secretUrl = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    researcher = await newPerson(browser)
    enterprise = await newPerson(browser)
    await signInAs(researcher.page, 'researcher')
    await signInAs(enterprise.page, 'enterpriseUser')
  })
  afterAll(async () => {
    await researcher?.context.close()
    await enterprise?.context.close()
    await browser?.close()
  })

  it('enters a 保密 achievement: a server field error in Chinese, 智能推荐分类, IP, then its page', async () => {
    const { page } = researcher
    await page.locator('[data-menu-path="/achievements"]').click()
    await page.getByRole('button', { name: '录入成果' }).click()
    await page.getByLabel('成果名称').fill(secretTitle)
    await page.getByLabel('成果简介').fill('眼底照片自动分析近视')
    await choose(page, '技术就绪度（TRL）', 'TRL 4 · 实验室环境验证')
    await choose(page, '成熟度', '实验室')
    await choose(page, '转化方式', '许可')
    await page.keyboard.press('Escape')
    await tick(page.getByLabel('保密'))
    await page.getByRole('button', { name: '保存成果' }).click()
    // The server's own rule, in Chinese, under the field it is about.
    await formItem(page, '成果简介').getByText('成果简介至少 20 个字').waitFor()

    await page
      .getByLabel('成果简介')
      .fill(
        '利用深度学习对青少年眼底照片进行自动分析，实现近视的早期筛查与风险分级，筛查准确率超过百分之九十，可用于学校和社区。',
      )
    await page.getByTestId('classify').click()
    await page.getByTestId('classify-apply').click()
    const category = formItem(page, '学科门类').locator('.ant-select-selection-item')
    await expect.poll(() => category.textContent()).not.toBe('')
    await expect.poll(() => formItem(page, '产业分类').locator('.ant-select-selection-item').count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: /添加知识产权/ }).click()
    await page.getByLabel('编号').fill(`ZL2025${mark}`)
    await screenshotBoth(page, 'achievement-form')
    await page.getByRole('button', { name: '保存成果' }).click()

    await page.getByTestId('record-title').filter({ hasText: secretTitle }).waitFor()
    await page.getByTestId('confidentiality').filter({ hasText: '保密' }).waitFor()
    await page.getByText(`ZL2025${mark}`).waitFor()
    await page.getByTestId('history').getByText('第 1 版').waitFor()
    await page.getByTestId('match-panel').waitFor()
    secretUrl = new URL(page.url()).pathname
    expect(secretUrl).toMatch(/^\/achievements\/[0-9a-f-]{36}$/)
    await screenshotBoth(page, 'achievement-detail')
  })

  it('enters that achievement again: the save says it found a similar record and links to it', async () => {
    const { page } = researcher
    await page.goto('/achievements/new', { waitUntil: 'domcontentloaded' })
    await page.getByLabel('成果名称').fill(`${secretTitle}（二期）`)
    await page
      .getByLabel('成果简介')
      .fill(
        '利用深度学习对青少年眼底照片进行自动分析，实现近视的早期筛查与风险分级，筛查准确率超过百分之九十，可用于学校和社区。',
      )
    await choose(page, '技术就绪度（TRL）', 'TRL 4 · 实验室环境验证')
    await choose(page, '成熟度', '实验室')
    await choose(page, '转化方式', '许可')
    await page.keyboard.press('Escape')
    await tick(page.getByLabel('保密'))
    await page.getByRole('button', { name: '保存成果' }).click()

    // The dialog's link is a router link: it rendered outside the router once and blanked the page.
    const dialog = page.locator('.ant-modal-confirm').filter({ hasText: '成果已保存，但发现相似记录' })
    const similar = dialog.getByRole('link', { name: secretTitle, exact: true })
    await similar.waitFor()
    expect(await similar.getAttribute('href')).toBe(secretUrl)
    await dialog.getByRole('button', { name: '查看已保存的成果' }).click()
    await page
      .getByTestId('record-title')
      .filter({ hasText: `${secretTitle}（二期）` })
      .waitFor()
    expect(new URL(page.url()).pathname).not.toBe(secretUrl)
  })

  it('keeps that 保密 achievement from another organization: not in its search, not at its address', async () => {
    const { page } = enterprise
    await page.goto('/achievements', { waitUntil: 'domcontentloaded' })
    const answer = nextSearch<{ items: { title: string }[]; total: number }>(page, '/achievements')
    await search(page, secretTitle)
    const found = await answer
    expect(found.items.map((i) => i.title)).not.toContain(secretTitle)
    await page.getByTestId('results').waitFor()
    expect(await page.getByTestId('results').getByText(secretTitle).count()).toBe(0)

    await page.goto(secretUrl, { waitUntil: 'domcontentloaded' })
    await page.getByText('成果不存在或无权查看').waitFor()

    // Its own organization finds it by the same words.
    await researcher.page.goto(`/achievements?q=${encodeURIComponent(secretTitle)}`, { waitUntil: 'domcontentloaded' })
    await researcher.page.getByTestId('results').getByText(secretTitle).first().waitFor()
  })

  it('imports a file with bad rows: the dry run lists row, column and reason and writes nothing; a clean file commits', async () => {
    const { page } = researcher
    await page.goto('/achievements?tab=mine', { waitUntil: 'domcontentloaded' })
    await page.getByTestId('results').locator('[data-testid="result"]').first().waitFor()
    const before = await listTotal(page)

    await page.getByRole('button', { name: '批量导入' }).click()
    const drawer = page.locator('.ant-drawer-content')
    const download = page.waitForEvent('download')
    await drawer.getByRole('button', { name: '下载模板' }).click()
    const template = await (await download).path()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(template)
    const sheet = workbook.getWorksheet('数据')
    if (!sheet) throw new Error('template has no 数据 sheet')
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace('*', ''))
    const row = (values: Record<string, string>) => headers.map((h) => values[h] ?? '')
    const good = {
      成果名称: `导入测试成果：高效钙钛矿光伏组件封装${mark}`,
      成果简介: '提出低温封装工艺，使钙钛矿光伏组件在湿热老化一千小时后效率保持率超过百分之九十。',
      关键词: '钙钛矿、光伏、封装',
      技术就绪度: '4',
      成熟度: '实验室',
      转化方式: '许可、合作开发',
      公开程度: '内部',
    }
    const file = (rows: string[][]) => {
      const out = new ExcelJS.Workbook()
      const data = out.addWorksheet('数据')
      data.addRow(headers)
      for (const r of rows) data.addRow(r)
      return out
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-import-'))
    const badFile = path.join(dir, '成果导入（有错误）.xlsx')
    await file([
      row(good),
      row({ ...good, 成果名称: `第二项成果${mark}`, 技术就绪度: '12' }),
      row({ ...good, 成果名称: '', 成熟度: '量产' }),
    ]).xlsx.writeFile(badFile)

    await drawer.locator('input[type=file]').setInputFiles(badFile)
    await drawer.getByTestId('import-check').click()
    const report = drawer.getByTestId('import-report')
    await report.getByText('本次未写入任何数据').waitFor()
    const rows = report.locator('.ant-table-row')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3)
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    )
    expect(cells).toContainEqual(['3', '技术就绪度', 'TRL 最大为 9'])
    expect(cells.some(([line, column]) => line === '4' && column === '成果名称')).toBe(true)
    expect(
      cells.some(([line, column, why]) => line === '4' && column === '成熟度' && why?.includes('成熟度应为')),
    ).toBe(true)
    expect(cells.some(([line]) => line === '2')).toBe(false)
    expect(await drawer.getByTestId('import-commit').isDisabled()).toBe(true)
    await screenshotBoth(page, 'achievement-import-report')

    await page.locator('.ant-drawer-close').click()
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.getByTestId('results').locator('[data-testid="result"]').first().waitFor()
    expect(await listTotal(page)).toBe(before)

    const goodFile = path.join(dir, '成果导入.xlsx')
    await file([row(good)]).xlsx.writeFile(goodFile)
    await page.getByRole('button', { name: '批量导入' }).click()
    await drawer.locator('input[type=file]').setInputFiles(goodFile)
    await drawer.getByTestId('import-check').click()
    await drawer.getByText('校验通过').waitFor()
    await drawer.getByTestId('import-commit').click()
    await drawer.getByText('导入完成').first().waitFor()
    await page.locator('.ant-drawer-close').click()
    await expect.poll(() => listTotal(page)).toBe(before + 1)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('publishes a demand with 智能推荐产业分类 and moves it to 已对接 with a reason', async () => {
    const { page } = enterprise
    await page.locator('[data-menu-path="/demands"]').click()
    await page.getByRole('button', { name: '发布需求' }).click()
    const title = `纺织印染废水深度处理与回用${mark}`
    await page.getByLabel('需求名称').fill(title)
    await page
      .getByLabel('需求描述')
      .fill('寻求印染废水膜处理与深度回用技术，要求回用率达到百分之六十以上，吨水处理成本低于五元，可在园区集中示范。')
    await page.getByTestId('classify').click()
    await page.getByTestId('classify-apply').click()
    await choose(page, '合作方式', '合作开发')
    await page.keyboard.press('Escape')
    await typeDate(page, '征集截止日期', '2027-12-31')
    await tick(page.getByLabel('公开'))
    await page.getByRole('button', { name: '发布需求' }).click()

    await page.getByTestId('record-title').filter({ hasText: title }).waitFor()
    await page.getByTestId('status').filter({ hasText: '征集中' }).waitFor()
    await page.getByTestId('status-matched').click()
    await page.getByTestId('status-reason').fill('已与高校团队达成合作意向')
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定/ })
      .click()
    await page.getByTestId('status').filter({ hasText: '已对接' }).waitFor()
    await page.getByText('已与高校团队达成合作意向').first().waitFor()
    await screenshotBoth(page, 'demand-detail')
  })

  it('publishes a scenario with what it offers and until when', async () => {
    const { page } = enterprise
    await page.locator('[data-menu-path="/scenarios"]').click()
    await page.getByRole('button', { name: '发布场景' }).click()
    const title = `智能工厂视觉质检开放场景${mark}`
    await page.getByLabel('场景名称').fill(title)
    await page
      .getByLabel('场景描述')
      .fill('开放两条电气装配产线，征集基于机器视觉的缺陷检测方案，提供真实产线数据和试用场地，验证通过后优先采购。')
    await tick(page.getByLabel('场地'))
    await tick(page.getByLabel('数据'))
    await typeDate(page, '征集截止日期', '2027-10-31')
    await page.getByLabel('场景地址').fill('温州市瓯海区东方南路')
    await page.getByRole('button', { name: '发布场景' }).click()

    await page.getByTestId('record-title').filter({ hasText: title }).waitFor()
    await page.getByText('提供场地').first().waitFor()
    await page.getByTestId('match-panel').waitFor()
    await screenshotBoth(page, 'scenario-detail')
  })

  it('searches achievements with filters and facet counts; highlighted words; the count follows the filter', async () => {
    const { page } = enterprise
    await page.goto('/achievements', { waitUntil: 'domcontentloaded' })
    await page.getByTestId('results').locator('[data-testid="result"]').first().waitFor()
    // A one-character slip is read by its near spelling and says so; a word found nowhere is not said to be.
    const total = page.getByTestId('total')
    await search(page, '具身只能')
    await expect.poll(() => total.textContent()).toMatch(/“具身[^”]*” 的近似写法一并检索/)
    const nowhere = nextSearch<{ total: number }>(page, '/achievements')
    await search(page, 'qzxjvw')
    expect((await nowhere).total).toBe(0)
    await expect.poll(() => total.textContent()).toBe('共 0 项成果')
    const answer = nextSearch<{
      total: number
      facets: Record<string, { value: string; label: string; count: number }[]>
    }>(page, '/achievements')
    await search(page, '具身智能')
    const searched = await answer
    const results = page.getByTestId('results')
    await results.getByText('具身智能机器人关节控制').first().waitFor()
    expect(await results.locator('mark.fm-hit').count()).toBeGreaterThan(0)
    await expect.poll(() => listTotal(page)).toBe(searched.total)

    // Each facet value shows how many results it leads to; ticking one gives exactly that many.
    const maturity = searched.facets.maturity?.[0]
    if (!maturity) throw new Error('no maturity facet')
    const option = page.getByTestId('facet-maturity').locator('label', { hasText: maturity.label })
    await expect.poll(() => option.textContent()).toContain(String(maturity.count))
    const filtered = nextSearch<{ total: number }>(page, '/achievements', 'maturity')
    await option.click()
    expect((await filtered).total).toBe(maturity.count)
    await expect.poll(() => listTotal(page)).toBe(maturity.count)
    expect(new URL(page.url()).searchParams.get('maturity')).toBe(maturity.value)

    // The area's industry tree (温州 for this enterprise) narrows to a chain; every result then carries it.
    await page.getByTestId('filters').getByRole('button', { name: '清除全部' }).click()
    await search(page, '')
    await page.waitForURL((url) => !url.searchParams.has('q') && !url.searchParams.has('maturity'))
    const byChain = nextSearch<{ items: { industries: { name: string }[] }[]; total: number }>(
      page,
      '/achievements',
      'industry',
    )
    await page.getByTestId('filter-industry').locator('.ant-select').click()
    await page.keyboard.type('前沿电池')
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: '前沿电池' })
      .first()
      .click()
    await page.keyboard.press('Escape')
    const chained = await byChain
    expect(chained.total).toBeGreaterThan(0)
    for (const item of chained.items) expect(item.industries.map((i) => i.name)).toContain('前沿电池')
    await expect.poll(() => listTotal(page)).toBe(chained.total)
    await screenshotBoth(page, 'achievements-search')
  })
})
