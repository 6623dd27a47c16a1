import { and, count, eq } from 'drizzle-orm'
import { db } from '../../db'
import { isAllowed } from '../../platform/auth/permissions'
import { addHomeProvider } from '../home/service'
import { leads } from './schema'

// 待办 on the home page: interest in the organization's records that nobody has answered yet.
addHomeProvider('all', async (actor) => {
  if (!isAllowed(actor.role, 'lead.read')) return {}
  const [row] = await db
    .select({ n: count() })
    .from(leads)
    .where(and(eq(leads.ownerOrgId, actor.orgId), eq(leads.status, 'new')))
  const n = Number(row?.n ?? 0)
  return { todos: n ? [{ key: 'leads-new', title: `收到 ${n} 条新的合作意向，待联系`, link: '/leads' }] : [] }
})
