import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { PasswordPolicy } from '../../../shared/server-rules'

export const passwordPolicyQueryKey = ['security', 'password-policy'] as const

export const getPasswordPolicy = () => http.get<PasswordPolicy>('/security/password-policy')

export function usePasswordPolicy() {
  return useQuery({ queryKey: passwordPolicyQueryKey, queryFn: getPasswordPolicy })
}
