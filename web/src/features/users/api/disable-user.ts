import { useMutation } from '@tanstack/react-query'
import type { User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

/** Disabling ends every session of the account on the server. */
export const disableUser = (id: string) => http.post<User>(`/users/${id}/disable`)

export function useDisableUser() {
  return useMutation({ mutationFn: disableUser })
}
