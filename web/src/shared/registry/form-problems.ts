import type { FormInstance } from 'antd'
import { isApiError } from '../http'

export type FieldPath = (string | number)[]
export type Problem = { name: FieldPath; label: string; message: string }

/** `tiers.0.level` → ['tiers', 0, 'level'] (list positions as numbers, as antd names them). */
export function toFieldPath(path: string): FieldPath {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/**
 * Puts a 400's field problems under the form's fields, nested list items included (`directors.1.name`), and
 * returns them all with a Chinese label so the form can list them above the buttons too (a long form's
 * field may be out of sight). `rename` maps an API path to the form's (amounts in 元 instead of 分 …).
 */
export function placeServerProblems(
  form: FormInstance,
  error: unknown,
  labels: Record<string, string>,
  rename: (path: FieldPath) => FieldPath = (path) => path,
): Problem[] {
  if (!isApiError(error)) return []
  const problems: Problem[] = error.fields.map((field) => {
    const name = rename(toFieldPath(field.path))
    const top = String(name[0] ?? '')
    const position = name.find((part) => typeof part === 'number')
    const label = `${labels[top] ?? '表单'}${position === undefined ? '' : `第 ${position + 1} 项`}`
    return { name, label, message: field.message }
  })
  const byName = new Map<string, Problem[]>()
  for (const problem of problems) {
    // A problem of a whole list item (`tiers.0`) is shown on the list as a whole.
    const target = typeof problem.name.at(-1) === 'number' ? problem.name.slice(0, 1) : problem.name
    const key = JSON.stringify(target)
    byName.set(key, [...(byName.get(key) ?? []), problem])
  }
  // The server's answer replaces the last one: a field it no longer names loses its old message.
  clearServerProblems(form)
  form.setFields(
    [...byName].map(([key, list]) => ({ name: JSON.parse(key) as FieldPath, errors: list.map((p) => p.message) })),
  )
  return problems
}

/** Takes every field's error message away, before a new attempt is judged (a fixed score loses 「请为…评分」). */
export function clearServerProblems(form: FormInstance): void {
  form.setFields(
    form
      .getFieldsError()
      .filter((field) => field.errors.length)
      .map((field) => ({ name: field.name, errors: [] })),
  )
}
