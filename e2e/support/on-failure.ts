import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { openPages } from './browser'

const failureDir = fileURLToPath(new URL('../../screenshots/failures/', import.meta.url))

/**
 * A browser test that fails on a CI machine leaves only its log behind. So that a failure can be understood from
 * the log, each open page's address, open dialogs, their buttons and any error texts are printed, and a screenshot
 * goes to screenshots/failures/.
 */
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return
  const slug = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)
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
      fs.mkdirSync(failureDir, { recursive: true })
      await page.screenshot({ path: `${failureDir}${slug}-${index}.png`, fullPage: true, timeout: 5_000 })
    } catch (error) {
      console.error(`[e2e failure] page ${index}: could not be read (${(error as Error).message.split('\n')[0]})`)
    }
  }
})
