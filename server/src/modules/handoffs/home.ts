import { and, count, countDistinct, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { addHomeProvider } from '../home/service'
import { handoffFindings, handoffs } from './schema'

// 待办 on the home page: offers a pilot platform has not answered, and findings its center has not dealt with.

addHomeProvider(['pilotPlatformOperator'], async (actor) => {
  const [row] = await db
    .select({ n: count() })
    .from(handoffs)
    .where(and(eq(handoffs.platformOrgId, actor.orgId), eq(handoffs.status, 'offered')))
  const n = Number(row?.n ?? 0)
  return { todos: n ? [{ key: 'handoffs-offered', title: `有 ${n} 个项目申请中试，待答复`, link: '/handoffs' }] : [] }
})

addHomeProvider(['centerOperator'], async (actor) => {
  const [row] = await db
    .select({ n: count(), projects: countDistinct(handoffFindings.projectId) })
    .from(handoffFindings)
    .innerJoin(handoffs, eq(handoffs.id, handoffFindings.handoffId))
    .where(
      and(
        eq(handoffs.centerOrgId, actor.orgId),
        inArray(handoffFindings.status, ['open', 'reopened']),
        // Notes and minor points do not hold a project up; major and critical ones send a stage back.
        inArray(handoffFindings.severity, ['major', 'critical']),
      ),
    )
  const n = Number(row?.n ?? 0)
  return {
    todos: n
      ? [
          {
            key: 'findings-open',
            title: `中试平台反馈了 ${n} 个重要问题（涉及 ${Number(row?.projects ?? 0)} 个项目），待处理`,
            link: '/projects',
          },
        ]
      : [],
  }
})
