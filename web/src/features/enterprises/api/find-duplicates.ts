import { http } from '../../../shared/http'
import type { EnterpriseDuplicate } from './types'

/** 疑似重复: registered enterprises with the same 统一社会信用代码 or a very similar name. */
export const findEnterpriseDuplicates = (input: { name: string; uscc?: string }) =>
  http.post<{ items: EnterpriseDuplicate[] }>('/enterprises/duplicates', input)
