import type { Page } from 'playwright-core'

/**
 * What a person on a phone sees as broken (e2e/phone-layout.test.ts checks every page with it): the page scrolls
 * sideways, a table column or a section heading is squeezed to a character or two per line, a page or card title
 * is cut to “…”, or a textarea's character count is drawn over the field's explanation. Empty when nothing is.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const sideways = document.documentElement.scrollWidth - window.innerWidth
    if (sideways > 1) problems.push(`页面横向溢出 ${sideways}px`)
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
      const text = (cell.textContent ?? '').trim()
      const width = cell.getBoundingClientRect().width
      if (text.length >= 4 && width > 0 && width < 56)
        problems.push(`表格列过窄 ${Math.round(width)}px：${text.slice(0, 12)}`)
    }
    for (const title of document.querySelectorAll<HTMLElement>(
      '.ant-card-head-title, .ant-page-header-heading-title',
    )) {
      const clipped = title.scrollWidth > title.clientWidth + 1 && getComputedStyle(title).textOverflow === 'ellipsis'
      if (clipped) problems.push(`标题被截断：${(title.textContent ?? '').slice(0, 20)}`)
    }
    for (const heading of document.querySelectorAll<HTMLElement>('.ant-divider-inner-text')) {
      const text = (heading.textContent ?? '').trim()
      const width = heading.getBoundingClientRect().width
      if (text.length >= 4 && width > 0 && width < 72) problems.push(`分节标题过窄 ${Math.round(width)}px：${text}`)
    }
    // A textarea's character count drawn over the field's explanation or error.
    for (const count of document.querySelectorAll<HTMLElement>('.ant-input-data-count')) {
      const c = count.getBoundingClientRect()
      const item = count.closest('.ant-form-item')
      for (const note of item?.querySelectorAll<HTMLElement>('.ant-form-item-extra, .ant-form-item-explain') ?? []) {
        const n = note.getBoundingClientRect()
        const overlap = c.left < n.right && n.left < c.right && c.top < n.bottom && n.top < c.bottom
        if (overlap && c.width > 0 && n.width > 0)
          problems.push(`字数统计与说明重叠：${(note.textContent ?? '').slice(0, 12)}`)
      }
    }
    return [...new Set(problems)]
  })
}
