import { useMutation } from '@tanstack/react-query'
import type { User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export const unlockUser = (id: string) => http.post<User>(`/users/${id}/unlock`)

export function useUnlockUser() {
  return useMutation({ mutationFn: unlockUser })
}
