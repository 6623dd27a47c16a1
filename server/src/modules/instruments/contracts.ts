import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { availabilities, instrumentCategories } from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e15, '金额过大')

const fields = {
  name: z.string().trim().min(2, '仪器名称至少 2 个字').max(100, '仪器名称不超过 100 个字'),
  assetNumber: z.string().trim().max(40, '资产编号不超过 40 个字符').nullish(),
  category: z.enum(instrumentCategories, { error: '请选择仪器类别' }),
  model: z.string().trim().max(100, '型号不超过 100 个字符').nullish(),
  manufacturer: z.string().trim().max(100, '生产厂家不超过 100 个字').nullish(),
  specifications: z.string().trim().min(10, '主要技术指标至少 10 个字').max(3000, '主要技术指标不超过 3000 个字'),
  hasCma: z.boolean({ error: 'CMA 资质应为是或否' }),
  hasCnas: z.boolean({ error: 'CNAS 资质应为是或否' }),
  openHours: z.string().trim().max(200, '开放时间不超过 200 个字').nullish(),
  bookingMethod: z.string().trim().max(200, '预约方式不超过 200 个字').nullish(),
  /** Per `feeUnit`; omitted or null: 面议. */
  priceFen: Fen.nullish(),
  feeUnit: z.string().trim().max(20, '计费单位不超过 20 个字').nullish(),
  location: z.string().trim().max(200, '放置地点不超过 200 个字').nullish(),
  availability: z.enum(availabilities, { error: '状态应为可预约、维护中或停用' }),
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

export const CreateInstrument = z.strictObject({
  ...fields,
  carrierId: z.uuid('所属载体编号格式不正确'),
  hasCma: fields.hasCma.default(false),
  hasCnas: fields.hasCnas.default(false),
  availability: fields.availability.default('available'),
  confidentiality: fields.confidentiality.default('public'),
})
export type CreateInstrument = z.infer<typeof CreateInstrument>

export const UpdateInstrument = z
  .strictObject(fields)
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
export type UpdateInstrument = z.infer<typeof UpdateInstrument>

const csv = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true')

export const InstrumentQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  carrier: z.uuid('载体编号格式不正确').optional(),
  category: csv(300)
    .pipe(z.array(z.enum(instrumentCategories, { error: '仪器类别不正确' })))
    .optional(),
  cma: flag.optional(),
  cnas: flag.optional(),
  availability: csv(100)
    .pipe(z.array(z.enum(availabilities, { error: '仪器状态不正确' })))
    .optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  updatedFrom: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  updatedTo: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  owner: z.enum(['mine'], { error: 'owner 只能为 mine' }).optional(),
  status: z.enum(['active', 'archived'], { error: '状态应为 active 或 archived' }).default('active'),
  sort: z.enum(['relevance', 'updated', 'name'], { error: '排序方式不正确' }).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type InstrumentQuery = z.infer<typeof InstrumentQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))

export const Instrument = z.object({
  id: z.string(),
  name: z.string(),
  carrierId: z.string(),
  /** Null when the caller may not see the carrier (a 保密 carrier sharing a public instrument). */
  carrierName: z.string().nullable(),
  assetNumber: z.string().nullable(),
  category: z.enum(instrumentCategories),
  categoryLabel: z.string(),
  model: z.string().nullable(),
  manufacturer: z.string().nullable(),
  specifications: z.string(),
  hasCma: z.boolean(),
  hasCnas: z.boolean(),
  openHours: z.string().nullable(),
  bookingMethod: z.string().nullable(),
  priceFen: z.number().nullable(),
  feeUnit: z.string().nullable(),
  priceLabel: z.string(),
  location: z.string().nullable(),
  availability: z.enum(availabilities),
  availabilityLabel: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  confidentiality: z.enum(confidentialityLevels),
  confidentialityLabel: z.string(),
  source: z.string(),
  sourceLabel: z.string().nullable(),
  archived: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
})
export type Instrument = z.infer<typeof Instrument>

export const InstrumentListItem = Instrument.pick({
  id: true,
  name: true,
  carrierId: true,
  carrierName: true,
  category: true,
  categoryLabel: true,
  model: true,
  manufacturer: true,
  hasCma: true,
  hasCnas: true,
  priceLabel: true,
  availability: true,
  availabilityLabel: true,
  ownerOrgName: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  updatedAt: true,
}).extend({ nameMarked: Marked, snippet: Marked })

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const InstrumentPage = z.object({
  items: z.array(InstrumentListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({ id: z.string(), name: z.string(), similarity: z.number(), reason: z.string() })
export const SavedInstrument = z.object({ instrument: Instrument, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  name: fields.name,
  carrierId: z.uuid('所属载体编号格式不正确'),
  model: fields.model,
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
