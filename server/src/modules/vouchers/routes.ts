import { systemActor } from '../../platform/auth/actor'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import {
  CancelOrder,
  CreateOrder,
  CreatePool,
  CreditList,
  ExpiryRun,
  IdParams,
  IssueVoucher,
  Order,
  OrderPage,
  OrderQuery,
  Payout,
  Pool,
  PoolList,
  ProviderAction,
  Rate,
  Redeem,
  ReviewRedemption,
  Voucher,
  VoucherPage,
  VoucherQuery,
} from './contracts'
import { listCredit } from './credit'
import { expireVouchers } from './expiry'
import { getVoucher, issueVoucher, listVouchers } from './issue'
import { cancelOrder, createOrder, getOrder, listOrders, providerAction } from './orders'
import { createPool, listPools } from './pools'
import { payProvider, rateOrder, reviewRedemption, submitRedemption } from './redemption'
import './home'

/** 创新券: pools, issue, 科技服务商城 orders, redemption with proof, payout, rating, credit; expiry at start. */
export function registerVoucherRoutes(app: App) {
  app.addHook('onReady', async () => {
    await expireVouchers(systemActor('voucher expiry at start'))
  })
  app.get(
    '/api/v1/voucher-pools',
    { config: { action: 'voucher.issue' }, schema: { response: { 200: PoolList } } },
    (req) => listPools(req.actor),
  )
  app.post(
    '/api/v1/voucher-pools',
    { config: { action: 'voucher.manage' }, schema: { body: CreatePool, response: { 201: Pool } } },
    async (req, reply) => reply.code(201).send(await createPool(req.actor, req.body)),
  )
  app.get(
    '/api/v1/vouchers',
    { config: { action: 'voucher.read' }, schema: { querystring: VoucherQuery, response: { 200: VoucherPage } } },
    (req) => listVouchers(req.actor, req.query),
  )
  app.post(
    '/api/v1/vouchers',
    { config: { action: 'voucher.issue' }, schema: { body: IssueVoucher, response: { 201: Voucher } } },
    async (req, reply) => reply.code(201).send(await issueVoucher(req.actor, req.body)),
  )
  app.get(
    '/api/v1/vouchers/:id',
    { config: { action: 'voucher.read' }, schema: { params: IdParams, response: { 200: Voucher } } },
    (req) => getVoucher(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/vouchers/expire',
    { config: { action: 'voucher.manage' }, schema: { body: EmptyBody, response: { 200: ExpiryRun } } },
    (req) => expireVouchers(req.actor),
  )
  app.get(
    '/api/v1/service-orders',
    { config: { action: 'voucher.read' }, schema: { querystring: OrderQuery, response: { 200: OrderPage } } },
    (req) => listOrders(req.actor, req.query),
  )
  app.post(
    '/api/v1/service-orders',
    { config: { action: 'voucher.order' }, schema: { body: CreateOrder, response: { 201: Order } } },
    async (req, reply) => reply.code(201).send(await createOrder(req.actor, req.body)),
  )
  app.get(
    '/api/v1/service-orders/:id',
    { config: { action: 'voucher.read' }, schema: { params: IdParams, response: { 200: Order } } },
    (req) => getOrder(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/service-orders/:id/provider',
    {
      config: { action: 'voucher.serve' },
      schema: { params: IdParams, body: ProviderAction, response: { 200: Order } },
    },
    (req) => providerAction(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/service-orders/:id/cancel',
    { config: { action: 'voucher.order' }, schema: { params: IdParams, body: CancelOrder, response: { 200: Order } } },
    (req) => cancelOrder(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/service-orders/:id/redemption',
    { config: { action: 'voucher.order' }, schema: { params: IdParams, body: Redeem, response: { 200: Order } } },
    (req) => submitRedemption(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/service-orders/:id/redemption-review',
    {
      config: { action: 'voucher.review' },
      schema: { params: IdParams, body: ReviewRedemption, response: { 200: Order } },
    },
    (req) => reviewRedemption(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/service-orders/:id/payout',
    { config: { action: 'voucher.pay' }, schema: { params: IdParams, body: Payout, response: { 200: Order } } },
    (req) => payProvider(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/service-orders/:id/rating',
    { config: { action: 'voucher.order' }, schema: { params: IdParams, body: Rate, response: { 200: Order } } },
    (req) => rateOrder(req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/v1/provider-credit',
    { config: { action: 'voucher.read' }, schema: { response: { 200: CreditList } } },
    (req) => listCredit(req.actor),
  )
}
