import { and, count, eq } from 'drizzle-orm'
import { db } from '../../db'
import { addHomeProvider } from '../home/service'
import { projects } from './schema'

// 待办 on the home page: what is waiting on this person's organization in the project pool.

addHomeProvider(['centerOperator'], async (actor) => {
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.centerOrgId, actor.orgId), eq(projects.status, 'submitted')))
  const n = Number(row?.n ?? 0)
  return {
    todos: n
      ? [{ key: 'projects-submitted', title: `有 ${n} 个项目已申报，待受理`, link: '/projects?status=submitted' }]
      : [],
  }
})

addHomeProvider(['researcher', 'enterpriseUser'], async (actor) => {
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.applicantOrgId, actor.orgId), eq(projects.status, 'returned')))
  const n = Number(row?.n ?? 0)
  return {
    todos: n
      ? [
          {
            key: 'projects-returned',
            title: `有 ${n} 个项目被退回，请修改后重新申报`,
            link: '/my-projects?status=returned',
          },
        ]
      : [],
  }
})
