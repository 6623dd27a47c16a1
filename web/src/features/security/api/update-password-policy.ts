import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { PasswordPolicy } from '../../../shared/server-rules'
import { passwordPolicyQueryKey } from './get-password-policy'

export const updatePasswordPolicy = (policy: PasswordPolicy) =>
  http.put<PasswordPolicy>('/security/password-policy', policy)

export function useUpdatePasswordPolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updatePasswordPolicy,
    onSuccess: (policy) => queryClient.setQueryData(passwordPolicyQueryKey, policy),
  })
}
