import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { sessionQueryKey } from '../../../shared/session'

export const disableTotp = (code: string) => http.post<void>('/account/totp/disable', { code })

export function useDisableTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  })
}
