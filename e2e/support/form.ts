import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { settled } from './browser'

/**
 * The open dropdown of an antd Select / TreeSelect (only one is open at a time; the one just closed may still be
 * sliding out while the new one slides in).
 */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-leave)').last()
}

/** Waits for the open dropdown to finish sliding in, so a click lands on the option it aims at. */
export async function settledDropdown(page: Page): Promise<Locator> {
  const dropdown = openDropdown(page)
  await settled(dropdown)
  return dropdown
}

/** Presses a Popconfirm's button once the pop-over has finished zooming in (see `settled`). */
export async function confirmPopover(page: Page, ok: RegExp): Promise<void> {
  const popover = page.locator('.ant-popconfirm:not(.ant-popover-hidden):not(.ant-zoom-big-leave)').last()
  await settled(popover)
  await popover.getByRole('button', { name: ok }).click()
}

/** Opens a Select by its field and picks the option showing `text` (typing it first for remote search). */
export async function pickOption(page: Page, field: Locator, text: string, options: { type?: boolean } = {}) {
  await field.click()
  if (options.type) await field.fill(text)
  const option = (await settledDropdown(page)).locator('.ant-select-item-option', { hasText: text }).first()
  await option.click()
}

export async function pickTreeOption(page: Page, field: Locator, text: string) {
  await field.click()
  await field.fill(text)
  await (await settledDropdown(page)).locator('.ant-select-tree-title', { hasText: text }).first().click()
}

/** antd puts a space between two Chinese characters on a button: 保存 shows as 保 存. */
export function saveButton(scope: Locator | Page): Locator {
  return scope.getByRole('button', { name: /^保\s*存$/ })
}

/**
 * Ticks a checkbox or radio until it holds. Under load a form can re-render from data that has just arrived and
 * drop a tick made a moment before (playwright's check() then fails with "did not change its state").
 */
export async function tick(box: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if (!(await box.isChecked())) await box.click()
        return box.isChecked()
      },
      { timeout: 30_000 },
    )
    .toBe(true)
}
