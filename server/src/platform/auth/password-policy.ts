import { z } from 'zod'

/** Defaults follow MLPS 2.0 level 3 (GB/T 22239-2019 身份鉴别): complexity, periodic change, lockout. */
export const PasswordPolicy = z.strictObject({
  minLength: z.number().int().min(8, '最短长度不得低于 8').max(64).default(8),
  minClasses: z.number().int().min(2, '至少应要求 2 类字符').max(4).default(3),
  forbidUsername: z.boolean().default(true),
  /** Days until a password must be changed; 0 turns expiry off. */
  maxAgeDays: z.number().int().min(0).max(3650).default(90),
  /** How many previous passwords may not be reused. */
  historyCount: z.number().int().min(0).max(24).default(5),
  lockoutThreshold: z.number().int().min(3).max(20).default(5),
  lockoutMinutes: z.number().int().min(1).max(1440).default(15),
})
export type PasswordPolicy = z.infer<typeof PasswordPolicy>
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = PasswordPolicy.parse({})

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
]

/** What is wrong with a new password under the policy, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy): string[] {
  const problems: string[] = []
  if ([...password].length < policy.minLength) problems.push(`长度至少 ${policy.minLength} 位`)
  if (password.length > 128) problems.push('长度不超过 128 位')
  const present = CLASSES.filter(([re]) => re.test(password)).length
  if (present < policy.minClasses) {
    problems.push(`至少包含大写字母、小写字母、数字、符号中的 ${policy.minClasses} 类（当前 ${present} 类）`)
  }
  if (policy.forbidUsername && username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('不得包含用户名')
  }
  return problems
}
