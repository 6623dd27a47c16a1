import { and, count, desc, eq, isNull } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser, systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { isAppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { getEnterprise } from '../enterprises/service'
import { findOrganization } from '../organizations/service'
import { messageProvider, type OutboundMessage } from './messaging'
import { notifications } from './schema'

export type NewNotification = {
  recipientOrgId: string
  kind: string
  title: string
  body: string
  link?: string | null
  data?: Record<string, unknown>
  /** A message with the same key is delivered once (a push repeated for the same policy version). */
  dedupeKey?: string
}
type Row = typeof notifications.$inferSelect

/** Puts a message in an organization's inbox, in the caller's transaction; null when it was already delivered. */
export async function notify(tx: Transaction, message: NewNotification): Promise<Row | null> {
  const [row] = await tx
    .insert(notifications)
    .values({
      id: newId(),
      recipientOrgId: message.recipientOrgId,
      kind: message.kind,
      title: message.title,
      body: message.body,
      link: message.link ?? null,
      data: message.data ?? {},
      dedupeKey: message.dedupeKey ?? null,
      deliveries: [],
      createdAt: now(),
    })
    .onConflictDoNothing()
    .returning()
  return row ?? null
}

async function contactsOf(orgId: string): Promise<{ phone: string | null; email: string | null }> {
  const org = await findOrganization(orgId)
  let email: string | null = null
  if (org?.kind === 'enterprise') {
    try {
      email = (await getEnterprise(systemActor('notification contacts'), orgId)).contact?.email ?? null
    } catch (error) {
      if (!isAppError(error)) throw error
    }
  }
  return { phone: org?.contactPhone ?? null, email }
}

/** After the commit: e-mail and SMS through the provider (off by default), and what happened noted on the message. */
export async function dispatch(rows: readonly Row[]): Promise<void> {
  const provider = messageProvider()
  for (const row of rows) {
    const { phone, email } = await contactsOf(row.recipientOrgId)
    const outbound: OutboundMessage[] = [
      ...(email ? [{ channel: 'email' as const, to: email, subject: row.title, body: row.body }] : []),
      ...(phone ? [{ channel: 'sms' as const, to: phone, subject: row.title, body: `【首公里】${row.title}` }] : []),
    ]
    const deliveries: { channel: string; status: string }[] = []
    for (const message of outbound) deliveries.push({ channel: message.channel, status: await provider.send(message) })
    if (deliveries.length) await db.update(notifications).set({ deliveries }).where(eq(notifications.id, row.id))
  }
}

function toNotification(row: Row) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    data: row.data,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** 站内消息: the inbox of the caller's organization. */
export async function listNotifications(
  actor: Actor,
  query: { status: 'unread' | 'all'; page: number; pageSize: number },
) {
  requirePermission(actor, 'notification.read')
  const user = requireUser(actor)
  const mine = eq(notifications.recipientOrgId, user.orgId)
  const where = query.status === 'unread' ? and(mine, isNull(notifications.readAt)) : mine
  const [total] = await db.select({ n: count() }).from(notifications).where(where)
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)))
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: rows.map(toNotification), total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0) }
}

export async function markRead(actor: Actor, id: string) {
  requirePermission(actor, 'notification.read')
  const user = requireUser(actor)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.recipientOrgId, user.orgId)))
    if (!row) throw notFound('消息')
    if (row.readAt) return toNotification(row)
    const [after] = await tx.update(notifications).set({ readAt: now() }).where(eq(notifications.id, id)).returning()
    await audit(tx, actor, {
      action: 'notification.read',
      targetType: 'notification',
      targetId: id,
      detail: { kind: row.kind },
    })
    return toNotification(after!)
  })
}
