import { http } from '../../../shared/http'
import type { Duplicate } from '../../../shared/registry/duplicate-alert'

/** 疑似重复 while typing: the same owner with a very similar title, or near-identical text. */
export const findAchievementDuplicates = (input: { title: string; summary?: string; ownerOrgId?: string }) =>
  http.post<{ items: Duplicate[] }>('/achievements/duplicates', input)
