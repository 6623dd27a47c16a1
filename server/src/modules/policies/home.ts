import { and, count, eq, isNull, ne, or, type SQL } from 'drizzle-orm'
import { db } from '../../db'
import { addHomeProvider } from '../home/service'
import { visibility } from './application-view'
import { policyApplications } from './schema'

// 待办 on the home page: 政策申请 waiting on this officer's step, by the rules of decisions.reviewApplication.

async function countVisible(visible: SQL | undefined, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(policyApplications).where(and(visible, where))
  return Number(row?.n ?? 0)
}

addHomeProvider(['districtOfficer', 'cityOfficer'], async (actor) => {
  const visible = await visibility(actor)
  if (visible === 'none') return {}
  const submitted = eq(policyApplications.status, 'submitted')
  if (actor.role === 'districtOfficer') {
    const n = await countVisible(visible, submitted)
    return {
      todos: n
        ? [
            {
              key: 'policy-review-district',
              title: `有 ${n} 个政策申请待区县审核`,
              link: '/policies/applications?tab=todo',
            },
          ]
        : [],
    }
  }
  // No district officer oversees an applicant registered at the city itself, so its first review is the city's too.
  const cityLevel = await countVisible(
    visible,
    and(submitted, eq(policyApplications.jurisdictionCode, actor.jurisdictionCode)),
  )
  // 区县审核与市级审核须由不同人员办理: what this officer approved at the district step is another's to decide.
  const districtApproved = await countVisible(
    visible,
    and(
      eq(policyApplications.status, 'districtApproved'),
      or(isNull(policyApplications.districtReviewerId), ne(policyApplications.districtReviewerId, actor.userId)),
    ),
  )
  return {
    todos: [
      ...(cityLevel
        ? [
            {
              key: 'policy-review-district',
              title: `有 ${cityLevel} 个市本级单位的政策申请待审核`,
              link: '/policies/applications?tab=all&status=submitted',
            },
          ]
        : []),
      ...(districtApproved
        ? [
            {
              key: 'policy-review-city',
              title: `有 ${districtApproved} 个政策申请已通过区县审核，待市级审核`,
              link: '/policies/applications?tab=todo',
            },
          ]
        : []),
    ],
  }
})
