import { z } from 'zod'
import { PasswordPolicy } from '../../platform/auth/password-policy'

export const SignInInput = z.strictObject({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号不超过 64 个字符'),
  password: z.string().min(1, '请输入密码').max(128, '密码不超过 128 个字符'),
})
export type SignInInput = z.infer<typeof SignInInput>

export const ChallengeInput = z.union([
  z.strictObject({
    challengeToken: z.string().min(16).max(128),
    code: z.string().regex(/^\d{6}$/, '动态验证码应为 6 位数字'),
  }),
  z.strictObject({
    challengeToken: z.string().min(16).max(128),
    newPassword: z.string().min(1, '请输入新密码').max(128, '密码不超过 128 个字符'),
  }),
])
export type ChallengeInput = z.infer<typeof ChallengeInput>

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  totpEnrolled: z.boolean(),
  totpRequired: z.boolean(),
})

export const SessionView = z.object({
  user: SessionUser.nullable(),
  csrfToken: z.string().optional(),
  permissions: z.array(z.string()),
  idleTimeoutSeconds: z.number().optional(),
  expiresAt: z.string().optional(),
  demo: z.boolean(),
  warnings: z.array(z.string()),
  /** The password policy in force, so the account page can show it. */
  passwordPolicy: PasswordPolicy.optional(),
})
export type SessionView = z.infer<typeof SessionView>

export const ChallengeStep = z.enum(['verifyTotp', 'changePassword', 'enrollTotp'])
export type ChallengeStep = z.infer<typeof ChallengeStep>

export const SignInResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signedIn'), session: SessionView }),
  z.object({
    status: z.literal('challenge'),
    step: ChallengeStep,
    challengeToken: z.string(),
    reason: z.enum(['firstSignIn', 'expired', 'secondFactor']).optional(),
    enrollment: z.object({ secret: z.string(), otpauthUri: z.string() }).optional(),
    passwordPolicy: PasswordPolicy.optional(),
  }),
])
export type SignInResult = z.infer<typeof SignInResult>

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128, '密码不超过 128 个字符'),
})

export const TotpCodeInput = z.strictObject({ code: z.string().regex(/^\d{6}$/, '动态验证码应为 6 位数字') })
export const TotpEnrollment = z.object({ secret: z.string(), otpauthUri: z.string() })
