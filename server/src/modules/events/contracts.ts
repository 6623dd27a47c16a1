import { z } from 'zod'
import { eventKinds } from './schema'

const Moment = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` })

const EventFields = {
  kind: z.enum(eventKinds, { error: '请选择活动类型（路演或对接会）' }),
  title: z.string().trim().min(4, '活动名称至少 4 个字').max(100, '活动名称不超过 100 个字'),
  description: z.string().trim().min(10, '活动介绍至少 10 个字').max(4000, '活动介绍不超过 4000 个字'),
  venue: z.string().trim().min(2, '请填写活动地点').max(200, '活动地点不超过 200 个字'),
  onlineUrl: z
    .url({ protocol: /^https?$/, error: '线上地址应为 http(s) 网址' })
    .max(500)
    .nullish(),
  startsAt: Moment('开始时间'),
  endsAt: Moment('结束时间'),
  signupDeadline: Moment('报名截止时间'),
  capacity: z.number().int('名额应为整数').min(1, '名额至少为 1').max(10_000, '名额不超过 10000').nullish(),
}
type Times = { startsAt: string; endsAt: string; signupDeadline: string }
function checkTimes(v: Times, ctx: z.RefinementCtx) {
  if (Date.parse(v.endsAt) <= Date.parse(v.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' })
  if (Date.parse(v.signupDeadline) > Date.parse(v.startsAt))
    ctx.addIssue({ code: 'custom', path: ['signupDeadline'], message: '报名截止时间不能晚于活动开始时间' })
}

const Featured = z
  .array(z.strictObject({ recordType: z.enum(['achievement', 'demand']), recordId: z.uuid('记录编号格式不正确') }))
  .max(30, '推介项目不超过 30 项')
function checkFeatured(featured: { recordId: string }[] | undefined, ctx: z.RefinementCtx) {
  const ids = (featured ?? []).map((f) => f.recordId)
  if (new Set(ids).size !== ids.length)
    ctx.addIssue({ code: 'custom', path: ['featured'], message: '推介项目不能重复' })
}

export const CreateEvent = z.strictObject({ ...EventFields, featured: Featured.default([]) }).superRefine((v, ctx) => {
  checkTimes(v, ctx)
  checkFeatured(v.featured, ctx)
})
export type CreateEvent = z.infer<typeof CreateEvent>

/**
 * 修改活动: everything but the kind, on the version read. `featured` absent leaves the records on stage as
 * they are; a record some sign-up came for cannot be taken off. Sign-ups are told when the time or the
 * place changes.
 */
export const UpdateEvent = z
  .strictObject({ ...EventFields, featured: Featured.optional(), version: z.number().int().positive() })
  .omit({ kind: true })
  .superRefine((v, ctx) => {
    checkTimes(v, ctx)
    checkFeatured(v.featured, ctx)
  })
export type UpdateEvent = z.infer<typeof UpdateEvent>

export const SignUp = z.strictObject({
  interestedRecordIds: z.array(z.uuid('记录编号格式不正确')).max(30).default([]),
  contactName: z.string().trim().min(1, '请填写联系人').max(50, '联系人不超过 50 个字'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确'),
  note: z.string().trim().max(500, '留言不超过 500 字').nullish(),
})
export type SignUp = z.infer<typeof SignUp>

export const CancelEvent = z.strictObject({
  reason: z.string().trim().min(2, '请说明取消原因').max(500, '取消原因不超过 500 字'),
})

export const EventQuery = z.strictObject({
  city: z
    .string()
    .regex(/^\d{6}$/, '辖区代码应为 6 位数字')
    .optional(),
  scope: z.enum(['all', 'organized', 'joined']).default('all'),
})

/** `full`: before the deadline with every seat taken (a cancelled sign-up reopens it). */
const EventStatus = z.enum(['open', 'full', 'signupClosed', 'ongoing', 'finished', 'cancelled'])
export const Event = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  organizerOrgId: z.string(),
  organizerOrgName: z.string(),
  jurisdictionCode: z.string(),
  venue: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  signupDeadline: z.string(),
  capacity: z.number().nullable(),
  signupCount: z.number(),
  featured: z.array(
    z.object({ recordType: z.enum(['achievement', 'demand']), recordId: z.string(), title: z.string() }),
  ),
  status: EventStatus,
  cancelReason: z.string().nullable(),
  /** The caller's own sign-up, when they have one. */
  mySignup: z
    .object({ status: z.enum(['registered', 'cancelled']), interestedRecordIds: z.array(z.string()) })
    .nullable(),
  /** Whether the caller's organization runs it (may edit, see sign-ups and cancel). */
  organizedByMe: z.boolean(),
  version: z.number(),
})

export const Signup = z.object({
  id: z.string(),
  orgName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  note: z.string().nullable(),
  interested: z.array(z.string()),
  status: z.enum(['registered', 'cancelled']),
  createdAt: z.string(),
})
