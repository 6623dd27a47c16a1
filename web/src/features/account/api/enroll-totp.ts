import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type TotpEnrollment = { secret: string; otpauthUri: string }

export const enrollTotp = () => http.post<TotpEnrollment>('/account/totp/enroll')

export function useEnrollTotp() {
  return useMutation({ mutationFn: enrollTotp })
}
