import { and, count, eq, gt, isNull, ne, or, type SQL } from 'drizzle-orm'
import { db } from '../../db'
import { can } from '../../platform/auth/actor'
import { addHomeProvider } from '../home/service'
import { visibility } from './application-view'
import { policyApplications } from './schema'

// 待办 on the home page: 政策申请 waiting on this officer's step, by the rules of decisions.ts and who-decides.ts.

type Todo = { key: string; title: string; link: string }
const A = policyApplications

async function countVisible(visible: SQL | undefined, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(A).where(and(visible, where))
  return Number(row?.n ?? 0)
}

const todo = (n: number, item: Todo): Todo[] => (n ? [item] : [])

addHomeProvider(['districtOfficer', 'cityOfficer'], async (actor) => {
  const visible = await visibility(actor)
  if (visible === 'none') return {}
  const submitted = eq(A.status, 'submitted')
  const todos: Todo[] = []
  if (actor.role === 'districtOfficer') {
    const n = await countVisible(visible, submitted)
    todos.push(
      ...todo(n, {
        key: 'policy-review-district',
        title: `有 ${n} 个政策申请待区县审核`,
        link: '/policies/applications?tab=todo',
      }),
    )
  } else {
    // No district officer oversees an applicant registered at the city itself, so its first review is the city's too.
    const cityLevel = await countVisible(visible, and(submitted, eq(A.jurisdictionCode, actor.jurisdictionCode)))
    // 区县审核与市级审核须由不同人员办理: what this officer approved at the district step is another's to decide.
    const districtApproved = await countVisible(
      visible,
      and(eq(A.status, 'districtApproved'), or(isNull(A.districtReviewerId), ne(A.districtReviewerId, actor.userId))),
    )
    todos.push(
      ...todo(cityLevel, {
        key: 'policy-review-district',
        title: `有 ${cityLevel} 个市本级单位的政策申请待审核`,
        link: '/policies/applications?tab=all&status=submitted',
      }),
      ...todo(districtApproved, {
        key: 'policy-review-city',
        title: `有 ${districtApproved} 个政策申请已通过区县审核，待市级审核`,
        link: '/policies/applications?tab=todo',
      }),
    )
  }
  // 拨付: whoever may record payments (decisions.payApplication) sees every approved application in their area not yet paid in full.
  if (can(actor, 'policy.pay')) {
    const unpaid = await countVisible(visible, eq(A.status, 'approved'))
    const partly = unpaid ? await countVisible(visible, and(eq(A.status, 'approved'), gt(A.paidFen, 0))) : 0
    todos.push(
      ...todo(unpaid, {
        key: 'policy-payment',
        title: `有 ${unpaid} 个政策申请已核定待拨付${partly ? `（其中 ${partly} 个部分拨付）` : ''}`,
        link: '/policies/applications?tab=pay',
      }),
    )
  }
  return { todos }
})
