import { z } from 'zod'
import { serviceOrderStatuses, voucherCategories, voucherStatuses } from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e13, '金额过大')
const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD')
const Area = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
const Version = z.number().int().min(1)
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
const Category = z.enum(voucherCategories, { error: '服务类别应为 poc（概念验证）、pilot（中试）或 testing（检测）' })

/** A document's metadata and digest: the contract, the payment proof. */
export const FileInput = z.strictObject({
  fileName: z.string().trim().min(1, '请填写文件名').max(200, '文件名不超过 200 个字'),
  mediaType: z.string().trim().min(3, '请填写文件类型').max(100, '文件类型不超过 100 个字'),
  sizeBytes: z
    .number()
    .int('文件大小应为整数')
    .min(1, '文件不能为空')
    .max(1024 * 1024 * 1024, '文件不超过 1 GB'),
  digest: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位十六进制（SM3 或 SHA-256）'),
})
const StoredFile = z.object({
  key: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  digest: z.string(),
})

export const CreatePool = z.strictObject({
  name: z.string().trim().min(2, '请填写券池名称').max(80, '券池名称不超过 80 个字'),
  jurisdictionCode: Area,
  year: z.number().int().min(2000, '年度应为四位年份').max(2100, '年度应为四位年份'),
  totalFen: Fen.min(1, '资金总额应大于 0'),
  policyCode: z
    .string()
    .regex(/^[a-z][a-z0-9-]{2,59}$/, '政策编码不正确')
    .optional(),
})
export const Pool = z.object({
  id: z.string(),
  name: z.string(),
  jurisdictionCode: z.string(),
  year: z.number(),
  policyCode: z.string().nullable(),
  totalFen: z.number(),
  issuedFen: z.number(),
  returnedFen: z.number(),
  availableFen: z.number(),
  paidOutFen: z.number(),
  summary: z.string(),
  createdAt: z.string(),
})
export const PoolList = z.object({ items: z.array(Pool) })

export const IssueVoucher = z.strictObject({
  poolId: z.uuid('券池编号格式不正确'),
  enterpriseOrgId: z.uuid('企业编号格式不正确'),
  amountFen: Fen.min(1, '券面金额应大于 0'),
  validFrom: IsoDate,
  validTo: IsoDate,
  categories: z.array(Category).min(1, '请选择可兑付的服务类别').max(3),
})
export const Voucher = z.object({
  id: z.string(),
  code: z.string(),
  poolId: z.string(),
  enterpriseOrgId: z.string(),
  enterpriseName: z.string(),
  amountFen: z.number(),
  balanceFen: z.number(),
  heldFen: z.number(),
  categories: z.array(Category),
  categoryLabels: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(voucherStatuses),
  statusLabel: z.string(),
  createdAt: z.string(),
})
export const VoucherQuery = z.strictObject({
  status: z.enum(voucherStatuses, { error: '状态不正确' }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export const VoucherPage = z.object({ items: z.array(Voucher), total: z.number() })
export const ExpiryRun = z.object({ expired: z.number(), returnedFen: z.number() })

export const CreateOrder = z.strictObject({
  carrierId: z.uuid('载体编号格式不正确'),
  category: Category,
  title: z.string().trim().min(2, '请填写服务名称').max(100, '服务名称不超过 100 个字'),
  description: z.string().trim().min(2, '请说明服务内容').max(2000, '服务内容不超过 2000 个字'),
  priceFen: Fen.min(1, '服务价格应大于 0'),
})
export const ProviderAction = z.strictObject({
  action: z.enum(['accept', 'decline', 'deliver'], { error: '操作应为 accept、decline 或 deliver' }),
  note: z.string().trim().max(500, '说明不超过 500 个字').optional(),
  version: Version,
})
export const CancelOrder = z.strictObject({ note: z.string().trim().max(500).optional(), version: Version })
export const Redeem = z.strictObject({
  contract: FileInput,
  paymentProof: FileInput,
  contractAmountFen: Fen.min(1, '合同金额应大于 0'),
  enterprisePaidFen: Fen,
  allocations: z
    .array(z.strictObject({ voucherId: z.uuid('创新券编号格式不正确'), amountFen: Fen.min(1, '抵扣金额应大于 0') }))
    .min(1, '请选择用于抵扣的创新券')
    .max(10, '一次最多使用 10 张创新券'),
  version: Version,
})
export const ReviewRedemption = z.strictObject({
  decision: z.enum(['approve', 'reject'], {
    error: (issue) => (issue.input === undefined ? '请选择审核结论' : '审核结论应为“核准兑付”或“不予兑付”'),
  }),
  /** 虚假申报: recorded against the provider's credit. */
  falseClaim: z.boolean().default(false),
  note: z.string().trim().max(1000, '审核意见不超过 1000 个字').optional(),
  version: Version,
})
export const Payout = z.strictObject({
  paidOn: IsoDate,
  reference: z.string().trim().min(1, '请填写拨付凭证号').max(100, '拨付凭证号不超过 100 个字'),
  version: Version,
})
export const Rate = z.strictObject({
  score: z.number().int('评分应为 1–5 的整数').min(1, '评分应为 1–5 的整数').max(5, '评分应为 1–5 的整数'),
  comment: z.string().trim().max(500, '评价不超过 500 个字').optional(),
})
export const Order = z.object({
  id: z.string(),
  enterpriseOrgId: z.string(),
  enterpriseName: z.string(),
  carrierId: z.string(),
  carrierName: z.string(),
  providerOrgId: z.string(),
  jurisdictionCode: z.string(),
  category: Category,
  categoryLabel: z.string(),
  title: z.string(),
  description: z.string(),
  priceFen: z.number(),
  status: z.enum(serviceOrderStatuses),
  statusLabel: z.string(),
  contract: StoredFile.nullable(),
  paymentProof: StoredFile.nullable(),
  contractAmountFen: z.number().nullable(),
  enterprisePaidFen: z.number().nullable(),
  allocations: z.array(z.object({ voucherId: z.string(), amountFen: z.number() })),
  voucherFen: z.number(),
  reviewNote: z.string().nullable(),
  falseClaim: z.boolean(),
  paidOn: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  events: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      toLabel: z.string(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
})
export const OrderQuery = z.strictObject({
  status: z.enum(serviceOrderStatuses, { error: '状态不正确' }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export const OrderPage = z.object({ items: z.array(Order.omit({ events: true })), total: z.number() })
export const CreditRecord = z.object({
  providerOrgId: z.string(),
  providerName: z.string(),
  flagged: z.boolean(),
  reason: z.string(),
  badRatings: z.number(),
  falseClaims: z.number(),
  flaggedAt: z.string().nullable(),
})
export const CreditList = z.object({ items: z.array(CreditRecord) })
