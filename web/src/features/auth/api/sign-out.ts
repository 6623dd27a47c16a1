import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { useSessionClient } from '../../../shared/session'

export const signOut = () => http.post<void>('/auth/sign-out')

/** Ends the session on the server; the local session is cleared even if the server already forgot it. */
export function useSignOut() {
  const session = useSessionClient()
  return useMutation({ mutationFn: signOut, onSettled: () => session.clear() })
}
