import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { sessionQueryKey } from '../../../shared/session'

export const confirmTotp = (code: string) => http.post<void>('/account/totp/confirm', { code })

export function useConfirmTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  })
}
