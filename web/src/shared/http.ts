/** The one HTTP client: JSON in and out, the session cookie, the CSRF header, errors as ApiError. */

export type FieldProblem = { path: string; message: string }

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }

  /** Field-level problems of a 400 VALIDATION_FAILED (or a rule error that names its field). */
  get fields(): FieldProblem[] {
    const details = this.details as { fields?: unknown; field?: unknown; path?: unknown } | null
    if (details && Array.isArray(details.fields)) {
      return details.fields.filter(
        (f): f is FieldProblem => typeof f === 'object' && f !== null && 'path' in f && 'message' in f,
      )
    }
    const single = details?.field ?? details?.path
    if (typeof single === 'string') return [{ path: single, message: this.message }]
    return []
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Query = Record<string, string | number | boolean | null | undefined>

let csrfToken: string | undefined
let lastAnsweredAt = Date.now()
let unauthorizedHandler: (() => void) | undefined

export function setCsrfToken(token: string | undefined) {
  csrfToken = token
}

/** Called when a request that needed a session got 401: the app sends the person back to sign-in. */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler
}

/** When the server last answered a request: its idle timeout counts from the last request it saw. */
export function lastServerActivity(): number {
  return lastAnsweredAt
}

export function buildUrl(path: string, query?: Query): string {
  const url = `/api/v1${path}`
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${url}?${text}` : url
}

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试'

async function send(method: Method, path: string, body?: unknown, query?: Query): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE, null)
  }
  if (!response.ok) throw await toApiError(response, path)
  lastAnsweredAt = Date.now()
  return response
}

const SESSION_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED'])

type ErrorPayload = { error?: { code?: string; message?: string; details?: unknown } }

async function toApiError(response: Response, path: string): Promise<ApiError> {
  let payload: ErrorPayload | null
  try {
    payload = (await response.json()) as ErrorPayload
  } catch {
    payload = null
  }
  const error = new ApiError(
    response.status,
    payload?.error?.code ?? `HTTP_${response.status}`,
    payload?.error?.message ?? fallbackMessage(response.status),
    payload?.error?.details ?? null,
  )
  // Only a lost session sends the person to sign-in; a wrong password or code is a 401 too.
  if (response.status === 401 && SESSION_LOST.has(error.code) && path !== '/auth/sign-out') unauthorizedHandler?.()
  return error
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '没有权限执行此操作'
  if (status === 404) return '请求的内容不存在'
  if (status === 429) return '请求过于频繁，请稍后再试'
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试'
  return `请求失败（${status}）`
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: async <T>(path: string, query?: Query) => json<T>(await send('GET', path, undefined, query)),
  post: async <T>(path: string, body?: unknown) => json<T>(await send('POST', path, body ?? {})),
  put: async <T>(path: string, body: unknown) => json<T>(await send('PUT', path, body)),
  patch: async <T>(path: string, body: unknown) => json<T>(await send('PATCH', path, body)),
  delete: async <T>(path: string) => json<T>(await send('DELETE', path)),
  /** A file upload (multipart/form-data, the file under `file`): imports. */
  upload: async <T>(path: string, file: Blob, fileName: string, query?: Query): Promise<T> => {
    const form = new FormData()
    form.append('file', file, fileName)
    let response: Response
    try {
      response = await fetch(buildUrl(path, query), {
        method: 'POST',
        headers: { Accept: 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
        credentials: 'include',
        body: form,
      })
    } catch {
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE, null)
    }
    if (!response.ok) throw await toApiError(response, path)
    lastAnsweredAt = Date.now()
    return json<T>(response)
  },
  /** A file download (export): returns the blob and the file name the server suggested. */
  download: async (path: string, query?: Query): Promise<{ blob: Blob; fileName: string | undefined }> => {
    const response = await send('GET', path, undefined, query)
    const disposition = response.headers.get('Content-Disposition') ?? ''
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
    const plain = /filename="?([^";]+)"?/i.exec(disposition)
    const fileName = star?.[1] ? decodeURIComponent(star[1]) : plain?.[1]
    return { blob: await response.blob(), fileName }
  },
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return '操作失败，请稍后重试'
}
