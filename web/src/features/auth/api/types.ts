import type { SignInResult } from '../../../shared/contracts'

export type { SignInInput, SignInResult } from '../../../shared/contracts'

export type Challenge = Extract<SignInResult, { status: 'challenge' }>
export type ChallengeStep = Challenge['step']
