import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type ChangePasswordInput = { currentPassword: string; newPassword: string }

/** 204, and every session of the account ends: the person signs in again with the new password. */
export const changePassword = (input: ChangePasswordInput) => http.post<void>('/account/password', input)

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword })
}
