import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type ResetCredentialsInput = { id: string; password: boolean; totp: boolean }

/** A password reset returns a one-time password; a TOTP reset makes the person bind again at next sign-in. */
export const resetCredentials = ({ id, ...body }: ResetCredentialsInput) =>
  http.post<{ initialPassword?: string }>(`/users/${id}/reset-credentials`, body)

export function useResetCredentials() {
  return useMutation({ mutationFn: resetCredentials })
}
