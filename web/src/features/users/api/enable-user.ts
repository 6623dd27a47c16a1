import { useMutation } from '@tanstack/react-query'
import type { User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export const enableUser = (id: string) => http.post<User>(`/users/${id}/enable`)

export function useEnableUser() {
  return useMutation({ mutationFn: enableUser })
}
