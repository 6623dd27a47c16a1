import { http } from '../../../shared/http'
import type { CarrierDuplicate } from './types'

/** 疑似重复: a carrier of the same operator with a very similar name or introduction. */
export const findCarrierDuplicates = (input: { name: string; introduction?: string; organizationId?: string }) =>
  http.post<{ items: CarrierDuplicate[] }>('/carriers/duplicates', input)
