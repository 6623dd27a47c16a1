import { useQuery } from '@tanstack/react-query'
import { http, isApiError } from '../../../shared/http'
import type { VerificationDetail } from './types'

export const verificationKey = (projectId: string) => ['verification', projectId] as const

/** The project's staged verification; `null` when the center has not started one yet (the server answers 404). */
export async function getVerification(projectId: string): Promise<VerificationDetail | null> {
  try {
    return await http.get<VerificationDetail>(`/projects/${projectId}/verification`)
  } catch (error) {
    if (isApiError(error) && error.status === 404 && error.code === 'NOT_FOUND') return null
    throw error
  }
}

export function useVerification(projectId: string) {
  return useQuery({ queryKey: verificationKey(projectId), queryFn: () => getVerification(projectId) })
}
