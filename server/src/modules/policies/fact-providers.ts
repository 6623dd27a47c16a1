import { systemActor } from '../../platform/auth/actor'
import { isAppError } from '../../platform/errors/errors'
import { findCarrier } from '../carriers/service'
import { tierKeys } from '../enterprises/labels'
import { getEnterprise } from '../enterprises/service'
import { findOrganization } from '../organizations/service'
import type { FactKey, FactSet, FactValue } from './facts'
import { previousYearInvestment } from './ledger'

/** Who a policy pays: an organization, or a carrier (a PoC center, a pilot platform) and its operating organization. */
export type Subject = {
  type: 'organization' | 'carrier'
  id: string
  name: string
  orgId: string
  jurisdictionCode: string
}

/** One source of platform facts. Each registry has one; modules being built plug theirs in here when they land. */
export type FactProvider = { source: string; provide: (subject: Subject, year: number) => Promise<FactSet> }

const fact = (value: FactValue, source: string) => ({ value, origin: 'platform' as const, source })

function set(entries: [FactKey, FactValue | null | undefined][], source: string): FactSet {
  const out: FactSet = {}
  for (const [key, value] of entries) if (value !== null && value !== undefined) out[key] = fact(value, source)
  return out
}

const organizationProvider: FactProvider = {
  source: '机构库',
  async provide(subject) {
    const org = await findOrganization(subject.orgId)
    if (!org) return {}
    return set(
      [
        ['organization.kind', org.kind],
        ['organization.jurisdiction', org.jurisdictionCode],
        ['organization.isLegalEntity', org.isLegalEntity],
      ],
      '机构库',
    )
  },
}

const carrierProvider: FactProvider = {
  source: '载体库',
  async provide(subject) {
    if (subject.type !== 'carrier') return {}
    const carrier = await findCarrier(subject.id)
    if (!carrier) return {}
    return set(
      [
        ['carrier.kind', carrier.kind],
        ['carrier.jurisdiction', carrier.jurisdictionCode],
      ],
      '载体库',
    )
  },
}

/**
 * 认定: read from the carriers registry (level, status and year of accreditation) until the accreditation
 * module's service lands; then this provider calls it instead, and nothing else changes.
 */
const accreditationProvider: FactProvider = {
  source: '载体库（认定信息）',
  async provide(subject) {
    if (subject.type !== 'carrier') return {}
    const carrier = await findCarrier(subject.id)
    if (!carrier) return {}
    const accredited = carrier.accreditationStatus === 'accredited'
    return set(
      [
        ['accreditation.status', carrier.accreditationStatus],
        ['accreditation.level', accredited ? (carrier.level ?? 'none') : 'none'],
        ['accreditation.year', accredited ? carrier.accreditationYear : null],
      ],
      '载体库（认定信息）',
    )
  },
}

const enterpriseProvider: FactProvider = {
  source: '企业库',
  async provide(subject, year) {
    if (subject.type !== 'organization') return {}
    try {
      const e = await getEnterprise(systemActor('policy facts'), subject.orgId)
      const tiers = e.tiers.filter((g) => g.year <= year)
      return set(
        [
          ['enterprise.tiers', tierKeys(tiers)],
          ['enterprise.industryCodes', e.industryCodes],
          ['enterprise.rdSpendingFen', e.yearly.find((y) => y.year === year)?.rdSpendingFen],
        ],
        '企业库',
      )
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return {}
      throw error
    }
  },
}

/** 年度绩效评价 (优秀/合格/不合格): the accreditation module's evaluations; declared with evidence until it lands. */
const evaluationProvider: FactProvider = { source: '绩效评价', provide: async () => ({}) }

/** 落地湖州产业化项目数、服务收入: the PoC pipeline's outcomes module; declared with evidence until it lands. */
const outcomesProvider: FactProvider = { source: '转化成效', provide: async () => ({}) }

/** The policy ledger itself: last year's own investment as approved in last year's application. */
const ledgerProvider: FactProvider = {
  source: '政策台账',
  async provide(subject, year) {
    const previous = await previousYearInvestment(subject.id, year - 1)
    return set([['spending.previousYearOwnInvestmentFen', previous]], `政策台账（${year - 1} 年度已核定申请）`)
  },
}

export const factProviders: FactProvider[] = [
  organizationProvider,
  carrierProvider,
  accreditationProvider,
  enterpriseProvider,
  evaluationProvider,
  outcomesProvider,
  ledgerProvider,
]

/** Everything the platform knows about a subject for a year, each fact with its source. */
export async function platformFacts(subject: Subject, year: number): Promise<FactSet> {
  const out: FactSet = {}
  for (const provider of factProviders) Object.assign(out, await provider.provide(subject, year))
  return out
}
