import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { SignInInput, SignInResult } from './types'

export const signIn = (input: SignInInput) => http.post<SignInResult>('/auth/sign-in', input)

export function useSignIn() {
  return useMutation({ mutationFn: signIn })
}
