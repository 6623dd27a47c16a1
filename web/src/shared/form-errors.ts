import type { FormInstance } from 'antd'
import { isApiError } from './http'

/**
 * Puts the server's field-level problems under the matching form fields. Returns true when at least one
 * problem found its field, so the caller can skip a duplicate toast.
 */
export function showFieldErrors(form: FormInstance, error: unknown, knownFields?: readonly string[]): boolean {
  if (!isApiError(error)) return false
  const known = knownFields ?? Object.keys(form.getFieldsValue(true) as Record<string, unknown>)
  const byField = new Map<string, string[]>()
  for (const problem of error.fields) {
    const field = problem.path.split('.')[0] ?? ''
    if (!known.includes(field)) continue
    byField.set(field, [...(byField.get(field) ?? []), problem.message])
  }
  if (byField.size === 0) return false
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })))
  return true
}
