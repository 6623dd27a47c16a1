import { z } from 'zod'
import { checkUscc, normalizeUscc } from '../../platform/validation/uscc'
import { organizationKinds } from './schema'

const Uscc = z
  .string()
  .trim()
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const problem = checkUscc(value)
    if (problem) ctx.addIssue({ code: 'custom', message: `统一社会信用代码${problem.message}` })
  })

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')

const OrganizationFields = {
  name: z.string().trim().min(2, '机构名称至少 2 个字').max(100, '机构名称不超过 100 个字'),
  kind: z.enum(organizationKinds, { error: '请选择机构类型' }),
  /** Omitted means a legal entity (the common case). */
  isLegalEntity: z.boolean().optional(),
  uscc: Uscc.nullish(),
  jurisdictionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  address: z.string().trim().max(200, '地址不超过 200 个字').nullish(),
  contactName: z.string().trim().max(50).nullish(),
  contactPhone: Phone.nullish(),
}

function requireUsccForLegalEntity(value: { isLegalEntity?: boolean; uscc?: string | null }, ctx: z.RefinementCtx) {
  if (value.isLegalEntity !== false && !value.uscc) {
    ctx.addIssue({ code: 'custom', path: ['uscc'], message: '独立法人机构必须填写统一社会信用代码' })
  }
}

export const CreateOrganization = z.strictObject(OrganizationFields).superRefine(requireUsccForLegalEntity)
export type CreateOrganization = z.infer<typeof CreateOrganization>

export const UpdateOrganization = z
  .strictObject(OrganizationFields)
  .partial()
  .extend({ status: z.enum(['active', 'deregistered']).optional(), version: z.number().int().positive() })
export type UpdateOrganization = z.infer<typeof UpdateOrganization>

export const OrganizationQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(organizationKinds).optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  status: z.enum(['active', 'deregistered']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type OrganizationQuery = z.infer<typeof OrganizationQuery>

export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  kindLabel: z.string(),
  uscc: z.string().nullable(),
  isLegalEntity: z.boolean(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(['active', 'deregistered']),
  version: z.number(),
  createdAt: z.string(),
})
export type Organization = z.infer<typeof Organization>

export const OrganizationPage = z.object({ items: z.array(Organization), total: z.number() })
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
