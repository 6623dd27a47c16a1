import { App } from 'antd'
import { errorMessage } from './http'

type PageResult<T> = { items: T[]; total: number }
type TableParams = { current?: number; pageSize?: number; [key: string]: unknown }

/** The blank values ProTable's search form sends are dropped; `current` becomes the API's `page`. */
export function pageQuery(params: TableParams): Record<string, string | number | undefined> {
  const query: Record<string, string | number | undefined> = {
    page: params.current ?? 1,
    pageSize: params.pageSize ?? 20,
  }
  for (const [key, value] of Object.entries(params)) {
    if (key === 'current' || key === 'pageSize' || key === 'keyword') continue
    if (typeof value === 'string' && value.trim() !== '') query[key] = value.trim()
    if (typeof value === 'number' || typeof value === 'boolean') query[key] = String(value)
  }
  return query
}

/** Wraps a list fetcher for ProTable's `request`: a failure shows the server's Chinese message. */
export function useTableRequest<T>(fetcher: (params: TableParams) => Promise<PageResult<T>>) {
  const { message } = App.useApp()
  return async (params: TableParams) => {
    try {
      const page = await fetcher(params)
      return { data: page.items, total: page.total, success: true }
    } catch (error) {
      message.error(errorMessage(error))
      return { data: [] as T[], total: 0, success: false }
    }
  }
}
