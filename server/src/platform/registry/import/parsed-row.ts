/** A row as far as its cells parsed: `failed` holds the keys of the columns that did not. */
export type ParsedRow<Row> = { row: Partial<Row>; failed: ReadonlySet<string> }

/** Whether the named columns parsed (an optional one may still be empty): a check reading one that failed is skipped. */
export function parsedAll<Row>(parsed: ParsedRow<Row>, ...keys: (keyof Row & string)[]): boolean {
  return keys.every((k) => !parsed.failed.has(k))
}

/**
 * For a zod rule across columns (`.superRefine(rule, { when: whenParsed('a', 'b') })`): it runs whenever its own
 * columns parsed, even when other cells of the row did not, so one dry run reports every problem of the row.
 */
export function whenParsed(...keys: string[]) {
  return (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }): boolean =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    payload.issues.every((i) => i.path !== undefined && i.path.length > 0 && !keys.includes(String(i.path[0])))
}
