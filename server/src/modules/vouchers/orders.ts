import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { findCarrier } from '../carriers/service'
import { oversightScope } from '../jurisdictions/service'
import { findOrganization, organizationNames } from '../organizations/service'
import { dispatch, formatFen, notify } from '../policies/service'
import type { CancelOrder, CreateOrder, OrderQuery, ProviderAction } from './contracts'
import { categoryLabels, orderStatusLabels } from './labels'
import { type ServiceOrderStatus, serviceOrderEvents, serviceOrders, type VoucherCategory } from './schema'

export type OrderRow = typeof serviceOrders.$inferSelect
type Notice = NonNullable<Awaited<ReturnType<typeof notify>>>

/** The enterprise that ordered, the provider that serves, and officers over the enterprise's area. */
export async function orderVisibility(actor: Actor): Promise<SQL | undefined | 'none'> {
  if (actor.kind === 'system') return undefined
  if (actor.kind !== 'user') return 'none'
  if (actor.role === 'cityOfficer' || actor.role === 'districtOfficer') {
    const scope = await oversightScope(actor)
    return scope === 'all' ? undefined : scope === 'none' ? 'none' : inArray(serviceOrders.jurisdictionCode, scope)
  }
  return or(eq(serviceOrders.enterpriseOrgId, actor.orgId), eq(serviceOrders.providerOrgId, actor.orgId))
}

export async function findOrder(actor: Actor, id: string): Promise<OrderRow> {
  const visible = await orderVisibility(actor)
  if (visible === 'none') throw notFound('服务订单')
  const [row] = await db
    .select()
    .from(serviceOrders)
    .where(and(eq(serviceOrders.id, id), visible))
  if (!row) throw notFound('服务订单')
  return row
}

async function toOrders(rows: readonly OrderRow[]) {
  const names = await organizationNames(rows.map((r) => r.enterpriseOrgId))
  return rows.map((r) => ({
    id: r.id,
    enterpriseOrgId: r.enterpriseOrgId,
    enterpriseName: names.get(r.enterpriseOrgId) ?? '',
    carrierId: r.carrierId,
    carrierName: r.carrierName,
    providerOrgId: r.providerOrgId,
    jurisdictionCode: r.jurisdictionCode,
    category: r.category,
    categoryLabel: categoryLabels[r.category],
    title: r.title,
    description: r.description,
    priceFen: r.priceFen,
    status: r.status,
    statusLabel: orderStatusLabels[r.status],
    contract: r.contract,
    paymentProof: r.paymentProof,
    contractAmountFen: r.contractAmountFen,
    enterprisePaidFen: r.enterprisePaidFen,
    allocations: r.allocations,
    voucherFen: r.voucherFen,
    reviewNote: r.reviewNote,
    falseClaim: r.falseClaim,
    paidOn: r.paidOn,
    rating: r.rating,
    ratingComment: r.ratingComment,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }))
}

export async function getOrder(actor: Actor, id: string) {
  requirePermission(actor, 'voucher.read')
  const row = await findOrder(actor, id)
  const events = await db
    .select()
    .from(serviceOrderEvents)
    .where(eq(serviceOrderEvents.orderId, id))
    .orderBy(asc(serviceOrderEvents.createdAt))
  const [order] = await toOrders([row])
  return {
    ...order!,
    events: events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      toLabel: orderStatusLabels[e.toStatus],
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    })),
  }
}

export async function listOrders(actor: Actor, query: z.output<typeof OrderQuery>) {
  requirePermission(actor, 'voucher.read')
  const visible = await orderVisibility(actor)
  if (visible === 'none') return { items: [], total: 0 }
  const where = and(visible, query.status ? eq(serviceOrders.status, query.status) : undefined)
  const [total] = await db.select({ n: count() }).from(serviceOrders).where(where)
  const rows = await db
    .select()
    .from(serviceOrders)
    .where(where)
    .orderBy(desc(serviceOrders.updatedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await toOrders(rows), total: Number(total?.n ?? 0) }
}

/** Moves an order on, with its event and audit record; refuses a stale version. */
export async function transition(
  tx: Transaction,
  actor: Actor,
  row: OrderRow,
  to: ServiceOrderStatus,
  changes: Partial<typeof serviceOrders.$inferInsert>,
  note: string | null,
  action = `voucher.order.${to}`,
): Promise<OrderRow> {
  const [after] = await tx
    .update(serviceOrders)
    .set({ ...changes, status: to, version: row.version + 1, updatedAt: now() })
    .where(and(eq(serviceOrders.id, row.id), eq(serviceOrders.version, row.version)))
    .returning()
  if (!after) throw new AppError('STALE_VERSION', '订单已被更新，请刷新后重试')
  await tx.insert(serviceOrderEvents).values({
    id: newId(),
    orderId: row.id,
    fromStatus: row.status,
    toStatus: to,
    note,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorRole: actor.kind === 'user' ? actor.role : 'system',
    createdAt: now(),
  })
  await audit(tx, actor, { action, targetType: 'serviceOrder', targetId: row.id, before: row, after, detail: { note } })
  return after
}

/** Which carriers offer a category: 概念验证 from PoC centers, 中试 from pilot platforms, 检测 from either with testing. */
function offers(kind: string, capabilities: readonly { category: string }[], category: VoucherCategory): boolean {
  const has = (c: string) => capabilities.some((x) => x.category === c)
  if (category === 'poc')
    return kind === 'pocCenter' || ['principle', 'technical', 'productScenario', 'commercial'].some(has)
  if (category === 'pilot') return kind === 'pilotPlatform' || has('pilot')
  return has('testing')
}

/** 科技服务商城下单: an enterprise orders a PoC, pilot or testing service from a center or platform. */
export async function createOrder(actor: Actor, input: z.output<typeof CreateOrder>) {
  requirePermission(actor, 'voucher.order')
  const user = requireUser(actor)
  const enterprise = await findOrganization(user.orgId)
  if (enterprise?.kind !== 'enterprise') throw new AppError('FORBIDDEN', '只有企业可以下单')
  const carrier = await findCarrier(input.carrierId)
  if (!carrier || carrier.archivedAt || (carrier.kind !== 'pocCenter' && carrier.kind !== 'pilotPlatform'))
    throw new AppError('VALIDATION_FAILED', '服务方应为概念验证中心或中试平台', {
      fields: [{ path: 'carrierId', message: '不是概念验证中心或中试平台' }],
    })
  if (!offers(carrier.kind, carrier.capabilities, input.category))
    throw new AppError('VALIDATION_FAILED', `${carrier.name}不提供${categoryLabels[input.category]}服务`, {
      fields: [{ path: 'category', message: '服务方不提供该类服务' }],
    })
  const id = newId()
  const notices: Notice[] = []
  await db.transaction(async (tx) => {
    const at = now()
    const [row] = await tx
      .insert(serviceOrders)
      .values({
        id,
        enterpriseOrgId: enterprise.id,
        carrierId: carrier.id,
        carrierName: carrier.name,
        providerOrgId: carrier.ownerOrgId,
        jurisdictionCode: enterprise.jurisdictionCode,
        category: input.category,
        title: input.title,
        description: input.description,
        priceFen: input.priceFen,
        status: 'ordered',
        allocations: [],
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await tx.insert(serviceOrderEvents).values({
      id: newId(),
      orderId: id,
      fromStatus: null,
      toStatus: 'ordered',
      note: null,
      actorUserId: user.userId,
      actorRole: user.role,
      createdAt: at,
    })
    await audit(tx, actor, { action: 'voucher.order.create', targetType: 'serviceOrder', targetId: id, after: row })
    const notice = await notify(tx, {
      recipientOrgId: carrier.ownerOrgId,
      kind: 'voucher.order',
      title: `新的服务订单：${input.title}`,
      body: `${enterprise.name}向${carrier.name}订购${categoryLabels[input.category]}服务“${input.title}”，报价 ${formatFen(input.priceFen)}。`,
      link: `/service-orders/${id}`,
      data: { orderId: id },
    })
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  return getOrder(actor, id)
}

const PROVIDER_STEPS: Record<z.output<typeof ProviderAction>['action'], [ServiceOrderStatus, ServiceOrderStatus]> = {
  accept: ['ordered', 'accepted'],
  decline: ['ordered', 'cancelled'],
  deliver: ['accepted', 'delivered'],
}

/** The provider accepts or declines an order, and reports the service delivered. */
export async function providerAction(actor: Actor, id: string, input: z.output<typeof ProviderAction>) {
  requirePermission(actor, 'voucher.serve')
  const user = requireUser(actor)
  const row = await findOrder(actor, id)
  if (row.providerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有服务方可以办理')
  if (row.version !== input.version) throw new AppError('STALE_VERSION', '订单已被更新，请刷新后重试')
  const [from, to] = PROVIDER_STEPS[input.action]
  if (row.status !== from)
    throw new AppError(
      'STATE_INVALID',
      `订单当前为“${orderStatusLabels[row.status]}”，不能${input.action === 'deliver' ? '确认完成' : '接单或拒单'}`,
    )
  const notices: Notice[] = []
  await db.transaction(async (tx) => {
    const after = await transition(tx, actor, row, to, {}, input.note ?? null)
    const notice = await notify(tx, {
      recipientOrgId: row.enterpriseOrgId,
      kind: 'voucher.order',
      title: `服务订单${orderStatusLabels[to]}：${row.title}`,
      body: `${row.carrierName}：${orderStatusLabels[to]}${input.note ? `（${input.note}）` : ''}。${to === 'delivered' ? '可提交合同与付款凭证申请创新券兑付，并对服务评价。' : ''}`,
      link: `/service-orders/${after.id}`,
      data: { orderId: after.id },
    })
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  return getOrder(actor, id)
}

export async function cancelOrder(actor: Actor, id: string, input: z.output<typeof CancelOrder>) {
  requirePermission(actor, 'voucher.order')
  const user = requireUser(actor)
  const row = await findOrder(actor, id)
  if (row.enterpriseOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有下单企业可以取消')
  if (row.version !== input.version) throw new AppError('STALE_VERSION', '订单已被更新，请刷新后重试')
  if (row.status !== 'ordered' && row.status !== 'accepted')
    throw new AppError('STATE_INVALID', '服务完成后不能取消订单')
  await db.transaction((tx) => transition(tx, actor, row, 'cancelled', {}, input.note ?? null))
  return getOrder(actor, id)
}
