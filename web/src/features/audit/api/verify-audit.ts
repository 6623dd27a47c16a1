import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ChainReport } from './types'

export const verifyAudit = () => http.post<ChainReport>('/audit/verify')

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit })
}
