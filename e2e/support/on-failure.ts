import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'
import { closeAfterTest, duringTest, openPages, pageLogs } from './browser'

const failureDir = fileURLToPath(new URL('../../screenshots/failures/', import.meta.url))

beforeEach(() => {
  duringTest.value = true
})

afterEach(async (context) => {
  duringTest.value = false
  try {
    if (context.task.result?.state === 'fail') await describeFailure(context.task.name)
  } finally {
    for (const close of closeAfterTest.splice(0)) await close().catch(() => null)
  }
})

/**
 * A browser test that fails on a CI machine leaves only its log behind. So that a failure can be understood from
 * the log, each open page's address, open dialogs, their buttons and any error texts are printed, and a screenshot
 * goes to screenshots/failures/.
 */
async function describeFailure(name: string): Promise<void> {
  const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)
  let index = 0
  for (const page of openPages) {
    index += 1
    try {
      const seen = await page.evaluate(() => {
        const visible = (element: Element) => (element as HTMLElement).offsetParent !== null
        const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)
        return {
          url: location.href,
          dialogs: [...document.querySelectorAll('[role="dialog"]')].filter(visible).map((dialog) => ({
            title: text(dialog.querySelector('.ant-modal-title, .ant-drawer-title') ?? dialog).slice(0, 80),
            buttons: [...dialog.querySelectorAll('button')]
              .map((button) => {
                const label = text(button) || button.getAttribute('aria-label') || ''
                const loading = button.classList.contains('ant-btn-loading') ? ' (loading)' : ''
                return label && `${label}${loading}${(button as HTMLButtonElement).disabled ? ' (disabled)' : ''}`
              })
              .filter(Boolean),
          })),
          errors: [
            ...document.querySelectorAll(
              '.ant-form-item-explain-error, .ant-message-notice, .ant-alert-error, .ant-result-title',
            ),
          ]
            .filter(visible)
            .map(text),
        }
      })
      console.error(`[e2e failure] page ${index}: ${JSON.stringify(seen)}`)
      for (const line of pageLogs.get(page) ?? []) console.error(`[e2e failure] page ${index} log: ${line}`)
      // What the role locators see, which can differ from the DOM above: a dialog under aria-hidden, or a button
      // whose accessible name is not its text, is found by CSS but not by getByRole.
      const dialogs = page.locator('[role="dialog"]')
      for (let d = 0; d < Math.min(await dialogs.count(), 3); d++) {
        const hiddenBy = await dialogs.nth(d).evaluate((dialog) => {
          const marks: string[] = []
          for (let e: Element | null = dialog; e; e = e.parentElement)
            if (e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('inert'))
              marks.push(`${e.tagName.toLowerCase()}.${e.className}`.slice(0, 80))
          return marks
        })
        const aria = await dialogs
          .nth(d)
          .ariaSnapshot({ timeout: 3_000 })
          .catch(() => '(none)')
        console.error(
          `[e2e failure] page ${index} dialog ${d + 1}: role-visible ${await page.getByRole('dialog').count()}, ` +
            `hidden by ${JSON.stringify(hiddenBy)}, aria:\n${aria.slice(0, 1500)}`,
        )
      }
      fs.mkdirSync(failureDir, { recursive: true })
      await page.screenshot({ path: `${failureDir}${slug}-${index}.png`, fullPage: true, timeout: 5_000 })
    } catch (error) {
      console.error(`[e2e failure] page ${index}: could not be read (${(error as Error).message.split('\n')[0]})`)
    }
  }
}
