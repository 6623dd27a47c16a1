import { describe, expect, it } from 'vitest'
import type { UserActor } from '../../platform/auth/actor'
import type { Role } from '../../platform/auth/roles'
import { applicationActions, cityStageRefusal, districtStageRefusal } from './who-decides'

const user = (role: Role, jurisdictionCode: string, userId = 'u1', orgId = 'o1'): UserActor => ({
  kind: 'user',
  userId,
  username: userId,
  displayName: userId,
  role,
  orgId,
  jurisdictionCode,
  sessionId: 's',
  requestId: 'r',
  ip: '127.0.0.1',
})
const row = (
  status: 'submitted' | 'districtApproved' | 'approved',
  jurisdictionCode: string,
  districtReviewerId?: string,
) => ({
  status,
  jurisdictionCode,
  districtReviewerId: districtReviewerId ?? null,
  applicantOrgId: 'applicant',
})

describe('who takes each step of 政策兑现', () => {
  it.each([
    ['the district officer of the applicant’s district', user('districtOfficer', '350206'), '350206', null],
    [
      'a city officer, for a district’s applicant',
      user('cityOfficer', '350200'),
      '350206',
      '该申请须由所在区县先行审核',
    ],
    ['a city officer, for an applicant registered at the city itself', user('cityOfficer', '350200'), '350200', null],
  ])('区县审核 by %s', (_who, actor, area, refusal) => {
    expect(districtStageRefusal(actor, row('submitted', area))).toBe(refusal)
  })

  it.each([
    ['a city officer', user('cityOfficer', '350200'), undefined, null],
    [
      'the city officer who took the district step',
      user('cityOfficer', '350200'),
      'u1',
      '区县审核与市级审核须由不同人员办理',
    ],
    ['a district officer', user('districtOfficer', '350206'), undefined, '市级审核须由市级科技管理人员办理'],
  ])('市级审核 by %s', (_who, actor, reviewer, refusal) => {
    expect(cityStageRefusal(actor, row('districtApproved', '350206', reviewer))).toBe(refusal)
  })

  it('offers each person only the next step they may take', () => {
    const city = user('cityOfficer', '350200')
    const district = user('districtOfficer', '350206')
    const applicant = user('enterpriseUser', '350206', 'u2', 'applicant')
    const none = { reviewDistrict: false, reviewCity: false, pay: false, withdraw: false }
    expect(applicationActions(city, row('submitted', '350206'))).toEqual(none)
    expect(applicationActions(district, row('submitted', '350206'))).toEqual({ ...none, reviewDistrict: true })
    expect(applicationActions(applicant, row('submitted', '350206'))).toEqual({ ...none, withdraw: true })
    expect(applicationActions(city, row('districtApproved', '350206'))).toEqual({ ...none, reviewCity: true })
    expect(applicationActions(district, row('districtApproved', '350206'))).toEqual(none)
    expect(applicationActions(city, row('approved', '350206'))).toEqual({ ...none, pay: true })
    expect(applicationActions(district, row('approved', '350206'))).toEqual(none)
  })
})
