import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { newPage } from './browser'
import { settledDropdown } from './form'

/** A suffix that makes a title unique in this run (Chinese-friendly: digits only). */
export function runMark(): string {
  return String(Date.now()).slice(-7)
}

/** The form item holding a field, found by its label (for selects whose value is shown beside the input). */
export function formItem(page: Page, label: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) })
}

/** Picks an option (by its whole text) of an antd Select found by its label. */
export async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click()
  await (await settledDropdown(page)).locator(`.ant-select-item-option[title="${option}"]`).first().click()
}

/** The text box of a search field (antd puts the test id on the input itself). */
export function searchBox(page: Page, testId = 'search'): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

/** Runs a search from a search field as a person does: type, Enter. */
export async function search(page: Page, text: string, testId = 'search') {
  const box = searchBox(page, testId)
  await box.fill(text)
  await box.press('Enter')
}

/** Types a date into an antd DatePicker found by its label and confirms it. */
export async function typeDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(date)
  await input.press('Enter')
}

/** The number in “共 N 项…” above a registry list. */
export async function listTotal(page: Page, testId = 'total'): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? ''
  const match = /共\s*(\d+)/.exec(text)
  if (!match) throw new Error(`no total in “${text}”`)
  return Number(match[1])
}

/** Waits for the registry search the page makes next (optionally one with a given query parameter). */
export function nextSearch<T>(page: Page, path: string, withParameter?: string): Promise<T> {
  return page
    .waitForResponse((r) => {
      const url = new URL(r.url())
      return (
        url.pathname === `/api/v1${path}` &&
        r.request().method() === 'GET' &&
        (!withParameter || url.searchParams.has(withParameter))
      )
    })
    .then((r) => r.json() as Promise<T>)
}

/**
 * A fresh person for the registry tests: these pages load search indexes, classifiers and matches, so a step
 * may wait up to 30 s on a busy machine (never a fixed sleep: every wait ends as soon as the page is ready).
 */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const person = await newPage(browser)
  person.context.setDefaultTimeout(30_000)
  return person
}
