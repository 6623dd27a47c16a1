import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeUscc } from '../server/src/platform/validation/uscc'
import { apiAs, uniqueUsername } from './support/api'
import { launchBrowser, newPage, screenshotBoth } from './support/browser'
import { firstSignIn, signInAs } from './support/sign-in'
import {
  acceptAndReportBack,
  closeFinding,
  offerToPilotPlatform,
  recordLandedCompany,
  runStagesAndIssueReport,
  verifyReportByCode,
} from './support/verification-steps'

// Demo data (server/src/db/demo/verification-data.ts): admitted to the 温州 center's pool, not yet verified.
const PROJECT = '柔性电子皮肤触觉传感阵列'
const PILOT_PLATFORM = '湖州南太湖智能装备中试平台'
const FINDING = '500 次弯折后阵列边缘通道灵敏度下降 12%'

describe('staged verification, report, hand-off to a pilot platform and landing', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('runs an admitted project from its first stage to a company landed in 温州', async () => {
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
      // The three people sign in side by side (each waits for its own second-factor step).
      await Promise.all([
        signInAs(center.page, 'centerOperator'),
        firstSignIn(other.page, username, created.initialPassword, `Hz#${Date.now().toString(36)}Aa1`),
        signInAs(pilot.page, 'pilotPlatformOperator'),
      ])
      const code = await runStagesAndIssueReport(center.page, PROJECT)

      await verifyReportByCode(other.page, PROJECT, code)
      await screenshotBoth(other.page, 'verification-report-check')

      await offerToPilotPlatform(center.page, PROJECT, PILOT_PLATFORM)
      await acceptAndReportBack(pilot.page, PROJECT, FINDING)

      await closeFinding(center.page, PROJECT, FINDING)
      await recordLandedCompany(center.page, PROJECT, {
        name: '温州柔感智能科技有限公司',
        uscc: completeUscc('91330303MA2E2E0L7'),
        district: '龙湾区',
      })
      await screenshotBoth(center.page, 'verification-landed')

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
