import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { SignInResult } from './types'

export type ChallengeAnswer = { challengeToken: string; code: string } | { challengeToken: string; newPassword: string }

export const submitChallenge = (answer: ChallengeAnswer) => http.post<SignInResult>('/auth/challenge', answer)

export function useSubmitChallenge() {
  return useMutation({ mutationFn: submitChallenge })
}
