import { describe, expect, it } from 'vitest'
import { type ExpertProfile, findConflicts, lookbackStart, type ProjectProfile } from './conflicts'
import type { ConflictKind } from './types'

const project: ProjectProfile = {
  id: 'P1',
  organizationIds: ['ORG-UNI'],
  teamPersonIds: ['PER-LEAD'],
  contributorPersonIds: ['PER-INVENTOR'],
  enterpriseIds: ['ENT-OWN'],
  competitorIds: ['ENT-RIVAL'],
}

const expert = (patch: Partial<ExpertProfile>): ExpertProfile => ({
  id: 'X1',
  personId: 'PER-X',
  affiliations: [],
  relations: [],
  ties: [],
  declared: [],
  ...patch,
})

const kindsFor = (profile: ExpertProfile, asOf = '2025-06-30'): ConflictKind[] =>
  findConflicts([project], [profile], asOf).flatMap((conflict) => conflict.reasons.map((reason) => reason.kind))

describe('findConflicts', () => {
  it.each<{ name: string; profile: ExpertProfile; kinds: ConflictKind[] }>([
    { name: 'no shared ties', profile: expert({ affiliations: [{ orgId: 'ORG-OTHER' }] }), kinds: [] },
    {
      name: 'works at the applicant now',
      profile: expert({ affiliations: [{ orgId: 'ORG-UNI' }] }),
      kinds: ['same-organization'],
    },
    {
      name: 'left the applicant exactly 3 years ago',
      profile: expert({ affiliations: [{ orgId: 'ORG-UNI', to: '2022-06-30' }] }),
      kinds: ['same-organization'],
    },
    {
      name: 'left the applicant 3 years and a day ago',
      profile: expert({ affiliations: [{ orgId: 'ORG-UNI', to: '2022-06-29' }] }),
      kinds: [],
    },
    {
      name: 'joins the applicant only after the round',
      profile: expert({ affiliations: [{ orgId: 'ORG-UNI', from: '2025-07-01' }] }),
      kinds: [],
    },
    { name: 'is on the team', profile: expert({ personId: 'PER-LEAD' }), kinds: ['team-member'] },
    { name: 'co-invented the achievement', profile: expert({ personId: 'PER-INVENTOR' }), kinds: ['co-author'] },
    {
      name: "is the team lead's advisor",
      profile: expert({ relations: [{ personId: 'PER-LEAD', kind: 'advisor' }] }),
      kinds: ['declared-relationship'],
    },
    {
      name: 'holds shares in the project enterprise',
      profile: expert({ ties: [{ orgId: 'ENT-OWN', kind: 'shareholding' }] }),
      kinds: ['enterprise-tie'],
    },
    {
      name: 'had a contract with the enterprise that ended long ago',
      profile: expert({ ties: [{ orgId: 'ENT-OWN', kind: 'contract', to: '2021-12-31' }] }),
      kinds: [],
    },
    {
      name: 'consults for a competitor',
      profile: expert({ ties: [{ orgId: 'ENT-RIVAL', kind: 'contract', to: '2024-01-01' }] }),
      kinds: ['competitor-tie'],
    },
    {
      name: 'is employed by a competitor',
      profile: expert({ affiliations: [{ orgId: 'ENT-RIVAL' }] }),
      kinds: ['competitor-tie'],
    },
    {
      name: 'declares a conflict himself',
      profile: expert({ declared: [{ projectId: 'P1', note: '曾参与前期咨询' }] }),
      kinds: ['self-declared'],
    },
  ])('$name → $kinds', ({ profile, kinds }) => {
    expect(kindsFor(profile)).toEqual(kinds)
  })

  it('gathers every reason for one pair, in Chinese', () => {
    const [conflict] = findConflicts(
      [project],
      [
        expert({
          personId: 'PER-INVENTOR',
          affiliations: [{ orgId: 'ORG-UNI', orgName: '某大学', to: '2024-01-31' }],
        }),
      ],
      '2025-06-30',
    )
    expect(conflict).toEqual({
      projectId: 'P1',
      expertId: 'X1',
      reasons: [
        { kind: 'same-organization', detail: '与项目同单位（某大学，2024-01-31 结束，未满 3 年）' },
        { kind: 'co-author', detail: '是项目成果的共同发明人或作者' },
      ],
    })
  })

  it('uses the lookback the rules give', () => {
    const profile = expert({ affiliations: [{ orgId: 'ORG-UNI', to: '2023-06-30' }] })
    expect(findConflicts([project], [profile], '2025-06-30', { lookbackYears: 1 })).toEqual([])
    expect(findConflicts([project], [profile], '2025-06-30', { lookbackYears: 2 })).toHaveLength(1)
  })

  it.each([
    ['2025-06-30', 3, '2022-06-30'],
    ['2024-02-29', 3, '2021-02-28'],
    ['2024-02-29', 4, '2020-02-29'],
    ['2025-01-01', 3, '2022-01-01'],
  ])('lookbackStart(%s, %i) = %s', (asOf, years, start) => {
    expect(lookbackStart(asOf, years)).toBe(start)
  })
})
