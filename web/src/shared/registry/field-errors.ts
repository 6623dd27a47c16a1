import type { FormInstance } from 'antd'
import { isApiError } from '../http'

type NamePath = (string | number)[]

/**
 * Puts the server's field problems under the form's fields, following nested paths (`ipItems.0.number`) into
 * list fields and renaming fields the form holds differently (`priceMinFen` is asked in 万元 as `priceMinWan`).
 * Returns true when at least one problem found its field.
 */
export function showServerFieldErrors(
  form: FormInstance,
  error: unknown,
  known: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false
  const byField = new Map<string, { name: NamePath; errors: string[] }>()
  for (const problem of error.fields) {
    const [head = '', ...rest] = problem.path.split('.')
    const field = rename[head] ?? head
    if (!known.includes(field)) continue
    const name: NamePath = [field, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))]
    const key = name.join('.')
    const entry = byField.get(key) ?? { name, errors: [] }
    entry.errors.push(problem.message)
    byField.set(key, entry)
  }
  if (byField.size === 0) return false
  form.setFields([...byField.values()])
  const first = [...byField.values()][0]
  if (first) form.scrollToField(first.name, { block: 'center' })
  return true
}
