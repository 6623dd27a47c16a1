import { z } from 'zod'
import { declarationKeys } from './rule-document'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e13, '金额过大')
const Count = (label: string) =>
  z.number().int(`${label}应为整数`).min(0, `${label}不能为负`).max(100_000, `${label}过大`)

/**
 * What the applicant declares because the platform has no record of it (seed 004 二): partners, funds,
 * staff, management systems, compliance. Evidence is attached per condition (metadata only).
 */
export const DeclaredFacts = z.strictObject({
  partners: z
    .array(
      z.strictObject({
        name: z.string().trim().min(2, '合作单位名称至少 2 个字').max(100, '合作单位名称不超过 100 个字'),
        relation: z.string().trim().min(2, '请说明合作关系').max(200, '合作关系说明不超过 200 个字'),
      }),
    )
    .max(50, '合作单位不超过 50 个')
    .default([]),
  specialFundsFenPerYear: Fen.nullable().default(null),
  fundSizeFen: Fen.nullable().default(null),
  fundName: z.string().trim().max(100, '基金名称不超过 100 个字').nullable().default(null),
  staff: z
    .strictObject({
      total: Count('服务人员总数'),
      fullTime: Count('专职服务人员数'),
      fullTimeTechManagers: Count('专职技术经理人数'),
    })
    // 其中: full-time staff are part of all staff, and full-time 技术经理人 part of the full-time staff; figures that
    // do not nest could meet each condition separately while describing no real team.
    .superRefine((staff, ctx) => {
      if (staff.fullTime > staff.total)
        ctx.addIssue({ code: 'custom', path: ['fullTime'], message: '专职服务人员数不能多于服务人员总数' })
      if (staff.fullTimeTechManagers > staff.fullTime)
        ctx.addIssue({
          code: 'custom',
          path: ['fullTimeTechManagers'],
          message: '专职技术经理人数不能多于专职服务人员数',
        })
    })
    .nullable()
    .default(null),
  advisoryExpertIds: z.array(z.uuid('专家编号格式不正确')).max(50, '顾问专家不超过 50 人').default([]),
  declarations: z.partialRecord(z.enum(declarationKeys), z.boolean()).default({}),
})
export type DeclaredFacts = z.infer<typeof DeclaredFacts>

export const AttachmentInput = z.strictObject({
  name: z.string().trim().min(1, '请填写附件名称').max(200, '附件名称不超过 200 个字'),
  conditionId: z.string().regex(/^[a-z][A-Za-z0-9.]*$/, '请选择附件对应的认定条件'),
  sizeBytes: z
    .number()
    .int()
    .min(1, '附件大小应大于 0')
    .max(50 * 1024 * 1024, '附件不超过 50 MB'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件摘要应为 64 位十六进制 SHA-256'),
  note: z.string().trim().max(200, '附件说明不超过 200 个字').nullish(),
})
export type AttachmentInput = z.infer<typeof AttachmentInput>
