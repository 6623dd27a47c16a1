import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Expert } from './types'

/** 我的专家档案: the profile linked to the signed-in expert's account (404 when there is none yet). */
export const getOwnExpert = () => http.get<Expert>('/experts/me')

export function useOwnExpert() {
  return useQuery({ queryKey: ['experts', 'me'], queryFn: getOwnExpert, retry: false })
}
