import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'

/**
 * A registry list's search, filters, sort and page live in the address (`?q=…&maturity=lab,pilot&page=2`), so
 * back, reload and a shared link show the same list. Lists of values are comma-separated, as the API takes them.
 */
export function useListState() {
  const [params, setParams] = useSearchParams()
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params])
  const getList = useCallback(
    (key: string) =>
      (params.get(key) ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    [params],
  )
  /** Sets some keys (undefined, '' or [] removes one); any change but the page's goes back to page 1. */
  const set = useCallback(
    (changes: Record<string, string | number | readonly string[] | undefined | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [key, value] of Object.entries(changes)) {
            const text = Array.isArray(value) ? value.join(',') : value == null ? '' : String(value)
            if (text === '') next.delete(key)
            else next.set(key, text)
          }
          if (!('page' in changes)) next.delete('page')
          return next
        },
        { replace: true },
      )
    },
    [setParams],
  )
  const query = useMemo(() => Object.fromEntries(params.entries()), [params])
  const page = Number(params.get('page') ?? '1') || 1
  const pageSize = Number(params.get('pageSize') ?? '10') || 10
  const clear = useCallback(
    (keep: readonly string[] = []) =>
      setParams(
        (current) => {
          const next = new URLSearchParams()
          for (const key of keep) {
            const value = current.get(key)
            if (value) next.set(key, value)
          }
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  return { get, getList, set, clear, query, page, pageSize }
}
