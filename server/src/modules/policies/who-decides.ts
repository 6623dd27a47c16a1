import { type Actor, can, type UserActor } from '../../platform/auth/actor'
import type { PolicyApplicationRow } from './schema'

type Row = Pick<PolicyApplicationRow, 'status' | 'jurisdictionCode' | 'districtReviewerId' | 'applicantOrgId'>

/**
 * 区县审核 belongs to the district officers of the applicant's district (they see only their district's applications).
 * A city officer takes it only for an applicant registered at the city itself, which no district officer oversees.
 */
export function districtStageRefusal(user: UserActor, row: Row): string | null {
  if (user.role === 'cityOfficer' && row.jurisdictionCode !== user.jurisdictionCode) return '该申请须由所在区县先行审核'
  return null
}

/** 市级审核 (核定) is a city officer's, never the one who took the district step. */
export function cityStageRefusal(user: UserActor, row: Row): string | null {
  if (user.role !== 'cityOfficer') return '市级审核须由市级科技管理人员办理'
  if (user.userId === row.districtReviewerId) return '区县审核与市级审核须由不同人员办理'
  return null
}

/** What the caller may do next on an application they can see, by the rules the decisions apply. */
export function applicationActions(actor: Actor, row: Row) {
  const user = actor.kind === 'user' ? actor : null
  const reviews = !!user && can(actor, 'policy.review')
  return {
    reviewDistrict: reviews && row.status === 'submitted' && districtStageRefusal(user, row) === null,
    reviewCity: reviews && row.status === 'districtApproved' && cityStageRefusal(user, row) === null,
    pay: !!user && can(actor, 'policy.pay') && row.status === 'approved',
    withdraw:
      !!user &&
      can(actor, 'policy.apply') &&
      row.applicantOrgId === user.orgId &&
      ['submitted', 'returned', 'districtApproved'].includes(row.status),
  }
}
