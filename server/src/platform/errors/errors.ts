/**
 * One error type for the whole platform. The code list is closed: adding a code means adding its HTTP
 * status here, so every rejection maps to the right status in one place.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  INVALID_USCC: 400,
  UNAUTHENTICATED: 401,
  SIGN_IN_FAILED: 401,
  SESSION_EXPIRED: 401,
  TOTP_INVALID: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CALENDAR_YEAR_MISSING: 422,
  RULE_VIOLATION: 422,
  PASSWORD_POLICY: 422,
  PASSWORD_REUSED: 422,
  STATE_INVALID: 422,
  RULE_VERSION_MISSING: 422,
  RULE_PARAMETER_PENDING: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: unknown

  /** `message` is for the person (Chinese); `details` is for the developer. */
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.status = ERROR_STATUS[code]
    this.details = details
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

export const notFound = (what: string, details?: unknown) =>
  new AppError('NOT_FOUND', `${what}不存在或无权查看`, details)
