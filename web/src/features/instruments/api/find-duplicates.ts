import { http } from '../../../shared/http'
import type { InstrumentDuplicate } from './types'

/** 疑似重复: an instrument of the same carrier with a very similar name and model. */
export const findInstrumentDuplicates = (input: { name: string; carrierId: string; model?: string | null }) =>
  http.post<{ items: InstrumentDuplicate[] }>('/instruments/duplicates', input)
