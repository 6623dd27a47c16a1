import { http } from '../../../shared/http'
import type { ExpertDuplicate } from './types'

/** 疑似重复: an expert of the same name at the same organization. */
export const findExpertDuplicates = (input: { name: string; currentOrgName?: string }) =>
  http.post<{ items: ExpertDuplicate[] }>('/experts/duplicates', input)
