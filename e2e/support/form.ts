import type { Locator, Page } from 'playwright-core'

/** The open dropdown of an antd Select / TreeSelect (only one is open at a time). */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
}

/** Opens a Select by its field and picks the option showing `text` (typing it first for remote search). */
export async function pickOption(page: Page, field: Locator, text: string, options: { type?: boolean } = {}) {
  await field.click()
  if (options.type) await field.fill(text)
  const option = openDropdown(page).locator('.ant-select-item-option', { hasText: text }).first()
  await option.click()
}

export async function pickTreeOption(page: Page, field: Locator, text: string) {
  await field.click()
  await field.fill(text)
  await openDropdown(page).locator('.ant-select-tree-title', { hasText: text }).first().click()
}

/** antd puts a space between two Chinese characters on a button: 保存 shows as 保 存. */
export function saveButton(scope: Locator | Page): Locator {
  return scope.getByRole('button', { name: /^保\s*存$/ })
}
