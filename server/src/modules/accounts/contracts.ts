import { z } from 'zod'
import { roles } from '../../platform/auth/roles'

const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{2,31}$/, '账号为 3–32 位，以字母开头，可含字母、数字和 . _ -')

export const CreateUser = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  role: z.enum(roles, { error: '请选择角色' }),
  orgId: z.uuid('请选择所属机构'),
  email: z.email('电子邮箱格式不正确').max(254).nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^[0-9+\-() ]{5,20}$/, '手机号格式不正确')
    .nullish(),
})
export type CreateUser = z.infer<typeof CreateUser>

export const UpdateUser = CreateUser.omit({ username: true }).partial().extend({ version: z.number().int().positive() })
export type UpdateUser = z.infer<typeof UpdateUser>

export const ResetCredentials = z
  .strictObject({ password: z.boolean(), totp: z.boolean() })
  .refine((v) => v.password || v.totp, '请至少选择重置密码或重置动态验证码之一')

export const UserQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
  orgId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  locked: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type UserQuery = z.infer<typeof UserQuery>

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  roleLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  jurisdictionCode: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number(),
  totpEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
})
export type User = z.infer<typeof User>

export const UserPage = z.object({ items: z.array(User), total: z.number() })
export const CreatedUser = z.object({ user: User, initialPassword: z.string() })
export const CredentialReset = z.object({ initialPassword: z.string().optional() })
export const UserIdParams = z.strictObject({ id: z.uuid('编号格式不正确') })

export const ActiveSession = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  role: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
})
