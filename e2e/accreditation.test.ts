import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, uniqueUsername } from './support/api'
import { baseUrl, launchBrowser, newPage, screenshotBoth } from './support/browser'
import { confirmPopover } from './support/form'
import { choose, typeDate } from './support/registry'
import { firstSignIn, signInAs } from './support/sign-in'

const CENTER = '温州市合成生物概念验证中心'
const CENTER_ORG = '温州瓯江合成生物技术研究院有限公司'
const NOTICE_START = '2026-09-24'

/** The expected end of a notice of `count` working days, from the published 2026 arrangement itself. */
function noticeEnd(startOn: string, count: number): { end: string; days: string[] } {
  const year = JSON.parse(fs.readFileSync(new URL('../data/holidays/cn-2026.json', import.meta.url), 'utf8')) as {
    holidays: { from: string; to: string }[]
    adjustedWorkdays: string[]
  }
  const isHoliday = (d: string) => year.holidays.some((h) => h.from <= d && d <= h.to)
  const days: string[] = []
  for (let t = Date.parse(`${startOn}T00:00:00Z`); days.length < count; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10)
    const weekend = [0, 6].includes(new Date(t).getUTCDay())
    if (year.adjustedWorkdays.includes(d) || (!weekend && !isHoliday(d))) days.push(d)
  }
  return { end: days.at(-1)!, days }
}

/** The server's platform clock (FIRSTMILE_TEST_CLOCK): business dates follow it; 10:00 in Shanghai. */
async function setServerDate(date: string | null) {
  const response = await fetch(`${baseUrl()}/test-support/clock`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(date ? { at: `${date}T02:00:00Z` } : { reset: true }),
  })
  expect(response.status, await response.text()).toBe(200)
}

/** The machine running the suite may be busy: pages and answers get time. */
const slow = { timeout: 45_000, interval: 250 }
type Target = {
  key: string
  label: string
  target: number | null
  current: number | null
  met: boolean | null
  overdue: boolean
}

async function freshPage(browser: Browser) {
  const opened = await newPage(browser)
  opened.context.setDefaultTimeout(30_000)
  return opened
}

/** antd puts a space between two Chinese characters on a button. */
const spaced = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`)

/**
 * Confirms a Popconfirm and waits for the page's answer: the success message, or — failing the test with the
 * server's reason — an error message. On a busy machine the answer may take a while; the reason is what matters.
 */
async function popconfirm(page: Page, trigger: string, ok: string, done: string) {
  await page.getByRole('button', { name: spaced(trigger) }).click()
  await confirmPopover(page, spaced(ok))
  const answer = page.locator('.ant-message-error').or(page.locator('.ant-message-success').filter({ hasText: done }))
  await answer.first().waitFor({ timeout: 60_000 })
  expect(await answer.first().textContent()).toContain(done)
}

async function modalOk(page: Page, ok: string) {
  await page
    .locator('.ant-modal-content')
    .getByRole('button', { name: spaced(ok) })
    .click()
  await page.locator('.ant-modal-content').waitFor({ state: 'detached' })
}

async function openMenu(page: Page, path: string) {
  await page.locator(`.ant-layout-sider [data-menu-path="${path}"]`).click()
  await page.waitForURL((url) => url.pathname === path)
}

async function expectStatus(page: Page, label: string) {
  const status = () => page.getByTestId('application-status').first().textContent()
  try {
    await expect.poll(status, slow).toBe(label)
  } catch {
    // The server's answer decides: on a busy machine the page may still show the state it was opened in.
    await page.reload()
    await expect.poll(status, slow).toBe(label)
  }
}

describe('温州 accreditation in the browser (指引 三)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await setServerDate(null)
    await browser?.close()
  })

  it('runs 通知 → 自主申报 → 退回修改 → 审核推荐 → 拟认定 → 公示 (国庆 skipped) → 异议处理 → 正式认定', async () => {
    // Setup at the real date: an operator account for the center's organization; everyone signs in first
    // (codes and sessions are checked against the server clock, which the test then sets to September 2026).
    const admin = await apiAs('systemAdmin')
    const orgs = await admin.get<{ items: { id: string; name: string }[] }>(
      '/organizations?kind=pocCenter&jurisdiction=330302&pageSize=100',
    )
    const orgId = orgs.items.find((o) => o.name === CENTER_ORG)?.id
    expect(orgId, 'demo organization of the applying center').toBeTruthy()
    const username = uniqueUsername('hecheng')
    const created = await admin.post<{ initialPassword: string }>('/users', {
      username,
      displayName: '蒋晓雯',
      role: 'centerOperator',
      orgId,
    })
    const operator = await freshPage(browser)
    const district = await freshPage(browser)
    const city = await freshPage(browser)
    const objector = await freshPage(browser)
    try {
      await firstSignIn(operator.page, username, created.initialPassword, 'Hecheng@2026!x')
      await signInAs(district.page, 'districtOfficer')
      await signInAs(city.page, 'cityOfficer')
      await signInAs(objector.page, 'researcher')
      // The demo application (submitted under the 2026 call) is withdrawn, so the center applies anew.
      const withdrawn = await operator.page.evaluate(async () => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string }
        const list = (await (await fetch('/api/v1/accreditation/applications')).json()) as {
          items: { id: string; version: number; status: string }[]
        }
        const open = list.items.find((a) => a.status === 'submitted')!
        const response = await fetch(`/api/v1/accreditation/applications/${open.id}/withdraw`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
          body: JSON.stringify({ version: open.version, note: '按新一批通知重新申报' }),
        })
        return response.status
      })
      expect(withdrawn).toBe(200)

      await setServerDate('2026-09-21')

      // 通知发布 (市科技局).
      const callTitle = `2026年度温州市概念验证中心认定（第二批）${String(Date.now()).slice(-5)}`
      await city.page.goto('/accreditation?tab=calls')
      await city.page.getByRole('button', { name: '发布认定通知' }).click()
      await city.page.getByLabel('通知标题').fill(callTitle)
      await typeDate(city.page, '受理开始日期', '2026-09-21')
      await typeDate(city.page, '申报截止日期', '2026-10-31')
      await modalOk(city.page, '发布')
      await expect.poll(() => city.page.getByTestId('calls').textContent(), slow).toContain(callTitle)

      // 自主申报: the center's records fill what the platform knows; the name format is checked.
      const { page } = operator
      await page.goto('/accreditation?tab=calls')
      await page
        .getByRole('row', { name: new RegExp(callTitle) })
        .getByRole('button', { name: spaced('申报') })
        .click()
      await choose(page, '申报载体', CENTER)
      await expect.poll(() => page.getByText('已带入').count(), slow).toBeGreaterThan(0)
      await page.getByLabel('申报名称').fill('瓯江合成生物概念验证中心')
      await page.getByRole('button', { name: '保存草稿并核验' }).click()
      await page.getByText('名称应按“温州市xx(产业领域)概念验证中心”统一命名').first().waitFor()
      await page.getByLabel('申报名称').fill(CENTER)
      await page.getByRole('button', { name: '保存草稿并核验' }).click()
      await page.waitForURL(/\/accreditation\/applications\/[^/]+\/edit$/)
      const pool = page.getByTestId('condition-pool')
      await expect.poll(() => pool.textContent(), slow).toContain('平台记录：累计入库项目 42 个')
      expect(await pool.locator('.ant-tag').first().textContent()).toBe('满足')
      await expect.poll(() => page.getByTestId('condition-checks').textContent(), slow).toContain('全部满足')
      await screenshotBoth(page, 'accreditation-application-form')
      await page.getByRole('button', { name: '提交申报' }).click()
      await page.waitForURL(/\/accreditation\/applications\/[^/]+$/)
      await expectStatus(page, '已申报，待区县审核')
      const applicationUrl = page.url()

      // 县区审核: return for correction with a reason; the applicant resubmits; site visit; recommend.
      // It starts from the 待办 on the district officer's home page, which opens the queue it names.
      await district.page.goto('/')
      await district.page
        .getByTestId('todos')
        .getByRole('link', { name: /个认定申报待审核推荐/ })
        .click()
      await district.page.waitForURL(/\/accreditation\?status=submitted$/)
      await district.page.getByTestId('applications').getByRole('link', { name: CENTER }).click()
      await district.page.getByRole('button', { name: '退回修改' }).click()
      await district.page.getByLabel('退回理由').fill('请补充合作协议原件扫描件')
      await modalOk(district.page, '退回')
      await expectStatus(district.page, '退回修改')
      await page.reload()
      await expect.poll(() => page.getByTestId('events').textContent(), slow).toContain('请补充合作协议原件扫描件')
      await page.getByRole('button', { name: '重新提交' }).click()
      await expectStatus(page, '已申报，待区县审核')
      await district.page.reload()
      await district.page.getByRole('button', { name: '记录实地考察' }).click()
      await typeDate(district.page, '考察日期', '2026-09-21')
      await district.page.getByLabel('考察情况').fill('场地、发酵设备与申报一致，服务团队在岗')
      await modalOk(district.page, '保存')
      await expect.poll(() => district.page.getByTestId('site-visits').textContent(), slow).toContain('2026-09-21')
      await popconfirm(district.page, '审核推荐', '推荐', '已审核推荐至市科技局')
      await expectStatus(district.page, '区县已推荐')

      // 市科技局: 拟认定名单, then 公示 from Thursday 24 September — 中秋 and 国庆 are not working days.
      await city.page.goto('/')
      await city.page
        .getByTestId('todos')
        .getByRole('link', { name: /已获区县推荐，待确定拟认定名单/ })
        .click()
      await city.page.waitForURL(/\/accreditation\?status=recommended$/)
      await city.page.getByTestId('applications').getByRole('link', { name: CENTER }).click()
      await popconfirm(city.page, '列入拟认定名单', '列入', '已列入拟认定名单')
      await expectStatus(city.page, '列入拟认定名单')
      await city.page.getByRole('button', { name: '返回认定管理' }).click()
      await city.page.getByRole('tab', { name: '认定通知' }).click()
      await city.page
        .getByRole('row', { name: new RegExp(callTitle) })
        .getByRole('button', { name: '发布公示' })
        .click()
      await typeDate(city.page, '公示开始日期', NOTICE_START)
      await modalOk(city.page, '发布公示')
      await city.page.waitForURL(/\/public-notices\/[^/]+$/)
      const expected = noticeEnd(NOTICE_START, 5)
      expect(expected.end).toBe('2026-10-08')
      await expect.poll(() => city.page.getByTestId('notice-end').textContent(), slow).toBe(expected.end)
      expect(await city.page.getByTestId('notice-period').textContent()).toContain('5 个工作日')
      expect(await city.page.getByTestId('notice-workdays').textContent()).toContain(expected.days.join(''))
      const explanation = await city.page.getByTestId('notice-explanation').textContent()
      expect(explanation).toContain('中秋节（2026-09-25 至 2026-09-27）')
      expect(explanation).toContain('国庆节（2026-10-01 至 2026-10-07）')
      const noticeUrl = city.page.url()

      // 异议: filed by a researcher on the notice's last day, resolved by the city before 认定.
      await setServerDate(expected.end)
      await openMenu(objector.page, '/public-notices')
      await objector.page.getByTestId('notices').getByRole('link').first().click()
      expect(objector.page.url()).toBe(noticeUrl)
      await objector.page.getByRole('button', { name: '提出异议' }).click()
      await choose(objector.page, '异议对象', CENTER)
      await objector.page.getByLabel('异议理由').fill('申报材料中专职技术经理人人数与实际在岗情况不符，请核查')
      await modalOk(objector.page, '提交异议')
      await city.page.reload()
      const objections = city.page.getByTestId('objections')
      await expect.poll(() => objections.textContent(), slow).toContain('专职技术经理人')
      await objections.getByRole('button', { name: spaced('处理') }).click()
      await choose(city.page, '核查结论', '异议不成立（继续认定）')
      await city.page.getByLabel('处理意见').fill('经核查社保缴纳记录，专职技术经理人 2 人属实')
      await modalOk(city.page, '保存处理结果')
      await expect.poll(() => objections.textContent(), slow).toContain('异议不成立')
      await screenshotBoth(city.page, 'accreditation-notice')

      // 正式认定 the working day after the notice ends, with a printable certificate.
      await setServerDate('2026-10-09')
      await city.page.getByTestId('notice-entries').getByRole('link', { name: CENTER }).click()
      expect(city.page.url()).toBe(applicationUrl)
      await popconfirm(city.page, '正式认定', '正式认定', '已正式认定')
      await city.page.waitForURL(/\/accreditation\/certificates\/[^/]+$/)
      await expect.poll(() => city.page.getByTestId('certificate-name').textContent(), slow).toBe(CENTER)
      expect(await city.page.getByTestId('certificate-no').textContent()).toMatch(/^330300-POC-2026-\d{3}$/)
      expect(await city.page.getByTestId('certificate').textContent()).toContain('2026 年 10 月 9 日')
      expect(await city.page.getByTestId('accreditation-explanation').textContent()).toContain('异议 1 件')
      await screenshotBoth(city.page, 'accreditation-certificate')
    } finally {
      await setServerDate(null)
      for (const p of [operator, district, city, objector]) await p.context.close()
    }
  }, 180_000)

  it('shows 湖州 and 温州 targets with progress and industry-chain coverage from the records', async () => {
    const { context, page } = await freshPage(browser)
    try {
      await signInAs(page, 'pilotPlatformOperator')
      const progress = Object.fromEntries(
        await Promise.all(
          ['330300', '330500'].map(async (c) => [
            c,
            (await (await fetch(`${baseUrl()}/api/v1/targets?city=${c}`)).json()) as {
              items: Target[]
            },
          ]),
        ),
      ) as Record<string, { items: Target[] }>
      await page.locator('[data-menu-path="/targets"]').click()
      for (const code of ['330300', '330500']) {
        const card = page.getByTestId(`targets-${code}`)
        await card.locator('canvas').first().waitFor()
        const items = progress[code]!.items
        expect(items.length).toBeGreaterThan(1)
        for (const item of items.filter((i) => i.target !== null && i.current !== null)) {
          const row = card.getByTestId(`target-${item.key}`)
          await expect.poll(() => row.textContent(), slow).toContain(item.label)
          expect(await row.getByTestId('target-figure').textContent()).toBe(`${item.current} / ${item.target}`)
          // A target whose date has passed unmet says so; the others are under way or done.
          expect(await row.textContent()).toContain(item.overdue ? '未按期完成' : item.met ? '已完成' : '推进中')
        }
        await expect.poll(() => page.getByTestId(`coverage-${code}`).textContent(), slow).toMatch(/\d+ \/ \d+ 条已覆盖/)
      }
      const wenzhou = progress['330300']!.items.find((i) => i.key === 'wenzhou.municipal')
      expect(wenzhou?.target).toBe(30)
      expect(progress['330500']!.items.some((i) => i.label.includes('中试平台'))).toBe(true)
      await screenshotBoth(page, 'accreditation-targets')
    } finally {
      await context.close()
    }
  })
})
