import { and, count, eq, inArray, lt, notExists, type SQL } from 'drizzle-orm'
import { db } from '../../db'
import type { UserActor } from '../../platform/auth/actor'
import type { HomeSummary } from '../home/contracts'
import { addHomeProvider } from '../home/service'
import { descendantsOf } from '../jurisdictions/service'
import { cityOf, today } from './areas'
import { mayReview } from './records'
import {
  type ApplicationStatus,
  accreditationApplications as applications,
  accreditationCalls as calls,
  noticeObjections,
  publicNotices,
} from './schema'

// 待办 on the home page: the steps of 认定程序 (指引 三) waiting on this officer, by the rules the actions enforce.

const todo = (n: number, key: string, title: string, link: string): HomeSummary['todos'] =>
  n ? [{ key, title, link }] : []

/** 审核推荐: the applications of the officer's list (view.listApplications) that `mayReview` lets them decide. */
async function awaitingReview(actor: UserActor): Promise<number> {
  const area =
    actor.role === 'districtOfficer'
      ? [actor.jurisdictionCode]
      : await descendantsOf(await cityOf(actor.jurisdictionCode))
  const rows = await db
    .select({ jurisdictionCode: applications.jurisdictionCode, city: calls.jurisdictionCode })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.status, 'submitted'), inArray(applications.jurisdictionCode, area)))
  let n = 0
  for (const row of rows) if (await mayReview(actor, row, row.city)) n++
  return n
}

/** The city's own applications, as a city officer's list holds them; later steps are the city's (requireOwnCity). */
async function cityApplications(city: string, status: ApplicationStatus): Promise<SQL | undefined> {
  return and(
    eq(applications.status, status),
    inArray(applications.jurisdictionCode, await descendantsOf(city)),
    inArray(applications.callId, db.select({ id: calls.id }).from(calls).where(eq(calls.jurisdictionCode, city))),
  )
}

async function countApplications(where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(applications).where(where)
  return Number(row?.n ?? 0)
}

const openObjection = (applicationId: typeof applications.id) =>
  db
    .select({ id: noticeObjections.id })
    .from(noticeObjections)
    .where(and(eq(noticeObjections.applicationId, applicationId), eq(noticeObjections.status, 'open')))

/** 正式认定 (certificates.accreditApplication): in notice, the period over, every objection resolved. */
async function awaitingAccreditation(city: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(publicNotices, eq(publicNotices.id, applications.noticeId))
    .where(
      and(
        await cityApplications(city, 'inNotice'),
        lt(publicNotices.endOn, today()),
        notExists(openObjection(applications.id)),
      ),
    )
  return Number(row?.n ?? 0)
}

/** 异议处理 (certificates.resolveObjection): open objections to the city's notices. */
async function openObjections(city: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(noticeObjections)
    .innerJoin(publicNotices, eq(publicNotices.id, noticeObjections.noticeId))
    .where(and(eq(publicNotices.jurisdictionCode, city), eq(noticeObjections.status, 'open')))
  return Number(row?.n ?? 0)
}

addHomeProvider(['districtOfficer', 'cityOfficer'], async (actor) => {
  const reviewable = await awaitingReview(actor)
  const review = todo(
    reviewable,
    'accreditation-review',
    `有 ${reviewable} 个认定申报待审核推荐`,
    '/accreditation?status=submitted',
  )
  if (actor.role !== 'cityOfficer') return { todos: review }
  const city = await cityOf(actor.jurisdictionCode)
  const recommended = await countApplications(await cityApplications(city, 'recommended'))
  const proposed = await countApplications(await cityApplications(city, 'proposed'))
  const objections = await openObjections(city)
  const ended = await awaitingAccreditation(city)
  return {
    todos: [
      ...review,
      ...todo(
        recommended,
        'accreditation-propose',
        `有 ${recommended} 个认定申报已获区县推荐，待确定拟认定名单`,
        '/accreditation?status=recommended',
      ),
      ...todo(
        proposed,
        'accreditation-notice',
        `有 ${proposed} 个认定申报已列入拟认定名单，待发布公示`,
        '/accreditation?tab=calls',
      ),
      ...todo(
        objections,
        'accreditation-objections',
        `公示期间收到 ${objections} 件异议，待核查处理`,
        '/accreditation?tab=notices',
      ),
      ...todo(
        ended,
        'accreditation-accredit',
        `有 ${ended} 个认定申报公示期满，待正式认定`,
        '/accreditation?tab=notices',
      ),
    ],
  }
})
