import { db } from '../../db'
import type { CarrierRow } from '../carriers/service'
import type { ThinkTank } from '../experts/schema'
import { findExpertsForConflicts } from '../experts/service'
import type { OrganizationKind } from '../organizations/schema'
import { findOrganization, findOrganizations } from '../organizations/service'
import { areaName, isInCity, shortName } from './areas'
import type { ApplicantFacts } from './conditions'
import { centerFacts, SINCE_EVER } from './facts'
import type { AdvisorySector } from './rule-document'

// 学术界、产业界、投资界 (seed 004 二(三)) read from the expert's current organization …
const sectorOfOrganization: Partial<Record<OrganizationKind, AdvisorySector>> = {
  university: 'academia',
  researchInstitute: 'academia',
  hospital: 'academia',
  enterprise: 'industry',
  pocCenter: 'industry',
  pilotPlatform: 'industry',
  incubator: 'industry',
  serviceAgency: 'industry',
  investor: 'investment',
}
// … or, failing that, from the think tank (seed 002 第15条: 技术验证 by scientists, 产品验证 by industry, 商业验证 by investors).
const sectorOfThinkTank: Record<ThinkTank, AdvisorySector> = {
  technical: 'academia',
  product: 'industry',
  commercial: 'investment',
}
const thinkTankLabels: Record<ThinkTank, string> = {
  technical: '技术验证智库',
  product: '产品验证智库',
  commercial: '商业验证智库',
}

/** The sector an advisor speaks for: their current organization's kind, else their think tank. */
export function sectorOf(
  org: { name: string; kind: OrganizationKind } | undefined,
  thinkTanks: readonly ThinkTank[],
): { sector: AdvisorySector | null; basis: string } {
  const byOrg = org ? sectorOfOrganization[org.kind] : undefined
  if (org && byOrg) return { sector: byOrg, basis: `现任职于${org.name}` }
  const tank = thinkTanks[0]
  if (tank) return { sector: sectorOfThinkTank[tank], basis: `入选${thinkTankLabels[tank]}` }
  return { sector: null, basis: '专家库未登记任职单位或智库' }
}

async function advisors(ids: readonly string[]): Promise<Pick<ApplicantFacts, 'advisors' | 'unknownAdvisorIds'>> {
  const experts = (await findExpertsForConflicts(ids)).filter((e) => !e.archived)
  const orgIds = experts.flatMap((e) =>
    e.affiliations.filter((a) => a.current && a.organizationId).map((a) => a.organizationId!),
  )
  const orgs = new Map((await findOrganizations(db, { ids: orgIds })).map((o) => [o.id, o]))
  const found = new Set(experts.map((e) => e.expertId))
  return {
    advisors: experts.map((e) => {
      const org = e.affiliations.filter((x) => x.current && x.organizationId).map((x) => orgs.get(x.organizationId!))[0]
      return { id: e.expertId, name: e.name, ...sectorOf(org, e.thinkTanks) }
    }),
    unknownAdvisorIds: ids.filter((id) => !found.has(id)),
  }
}

/** Everything the platform already knows about an applicant, as of `on`, for the condition check. */
export async function gatherApplicantFacts(
  city: string,
  carrier: CarrierRow,
  advisoryExpertIds: readonly string[],
  on: string,
): Promise<ApplicantFacts> {
  const org = await findOrganization(carrier.ownerOrgId)
  const stats = await centerFacts().centerStatistics(carrier.ownerOrgId, SINCE_EVER, on)
  return {
    cityName: await shortName(city),
    organization: {
      name: org?.name ?? '（机构不存在）',
      inCity: org ? await isInCity(org.jurisdictionCode, city) : false,
      areaName: org ? await areaName(org.jurisdictionCode) : '—',
      isLegalEntity: org?.isLegalEntity ?? false,
      hasUscc: !!org?.uscc,
      active: org?.status === 'active',
    },
    capabilities: carrier.capabilities.map((c) => ({ name: c.name, category: c.category })),
    directors: carrier.directors.map((d) => ({ name: d.name, role: d.role })),
    platform: { poolSize: stats.poolSize, samplesProducts: stats.samplesProducts, landings: stats.landings },
    ...(await advisors(advisoryExpertIds)),
  }
}
