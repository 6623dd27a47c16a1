import { eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { canSee, viewerOf } from '../../platform/registry/confidentiality'
import { industryNames } from '../industries/service'
import { getJurisdiction, jurisdictionNames, secretScope } from '../jurisdictions/service'
import { findActiveOrganizationsOfKind, findOrganization } from '../organizations/service'
import type { InvestorProfileView, SaveInvestorProfileInput } from './contracts'
import { investmentStageLabels, investorKindLabels } from './labels'
import { investorProfiles } from './schema'

type Row = typeof investorProfiles.$inferSelect
type Org = { id: string; name: string; jurisdictionCode: string }

async function present(org: Org, row: Row | undefined): Promise<InvestorProfileView> {
  const industries = await industryNames(row?.industryCodes ?? [])
  const areas = await jurisdictionNames(row?.jurisdictionCodes ?? [])
  return {
    orgId: org.id,
    orgName: org.name,
    jurisdictionCode: org.jurisdictionCode,
    exists: !!row,
    kind: row?.kind ?? null,
    kindLabel: row ? investorKindLabels[row.kind] : null,
    stages: row?.stages ?? [],
    stageLabels: (row?.stages ?? []).map((s) => investmentStageLabels[s]),
    industryCodes: row?.industryCodes ?? [],
    industries: (row?.industryCodes ?? []).map((code) => ({ code, name: industries.get(code) ?? code })),
    focusKeywords: row?.focusKeywords ?? [],
    ticketMinFen: Number(row?.ticketMinFen ?? 0),
    ticketMaxFen: Number(row?.ticketMaxFen ?? 0),
    jurisdictionCodes: row?.jurisdictionCodes ?? [],
    jurisdictionNames: (row?.jurisdictionCodes ?? []).map((c) => areas.get(c) ?? c),
    introduction: row?.introduction ?? '',
    confidentiality: row?.confidentiality ?? 'internal',
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  }
}

/** The investor's own institution: an active organization of kind investor. */
async function ownInvestorOrg(actor: Actor): Promise<Org> {
  requirePermission(actor, 'investor.self')
  const user = requireUser(actor)
  const org = await findOrganization(user.orgId)
  if (org?.kind !== 'investor' || org.status !== 'active')
    throw new AppError('STATE_INVALID', '您的账号未关联有效的投资机构，无法维护投资偏好')
  return org
}

/** 我的投资偏好: the signed-in investor's institution profile (empty until first saved). */
export async function getOwnProfile(actor: Actor): Promise<InvestorProfileView> {
  const org = await ownInvestorOrg(actor)
  const [row] = await db.select().from(investorProfiles).where(eq(investorProfiles.orgId, org.id))
  return present(org, row)
}

async function checkReferences(input: SaveInvestorProfileInput) {
  const known = await industryNames(input.industryCodes)
  const unknown = input.industryCodes.filter((c) => !known.has(c))
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', `产业分类 ${unknown.join('、')} 不存在`, {
      fields: [{ path: 'industryCodes', message: '产业分类不存在' }],
    })
  for (const code of input.jurisdictionCodes) {
    if (!(await getJurisdiction(code)))
      throw new AppError('VALIDATION_FAILED', `地区代码 ${code} 不存在`, {
        fields: [{ path: 'jurisdictionCodes', message: `地区代码 ${code} 不存在` }],
      })
  }
}

/** Saves the investor's own profile; a stale `version` is refused so two editors do not overwrite each other. */
export async function saveOwnProfile(actor: Actor, input: SaveInvestorProfileInput): Promise<InvestorProfileView> {
  const org = await ownInvestorOrg(actor)
  const user = requireUser(actor)
  await checkReferences(input)
  const row = await db.transaction(async (tx: Transaction) => {
    const [before] = await tx.select().from(investorProfiles).where(eq(investorProfiles.orgId, org.id)).for('update')
    if (input.version !== undefined && (before?.version ?? 0) !== input.version)
      throw new AppError('STALE_VERSION', '投资偏好已被他人修改，请刷新后再保存', {
        expected: input.version,
        actual: before?.version ?? 0,
      })
    const values = {
      kind: input.kind,
      stages: [...new Set(input.stages)],
      industryCodes: [...new Set(input.industryCodes)],
      focusKeywords: [...new Set(input.focusKeywords)],
      ticketMinFen: BigInt(input.ticketMinFen),
      ticketMaxFen: BigInt(input.ticketMaxFen),
      jurisdictionCodes: [...new Set(input.jurisdictionCodes)],
      introduction: input.introduction,
      confidentiality: input.confidentiality,
      version: (before?.version ?? 0) + 1,
      updatedBy: user.userId,
      updatedAt: now(),
    }
    const [saved] = await tx
      .insert(investorProfiles)
      .values({ orgId: org.id, ...values })
      .onConflictDoUpdate({ target: investorProfiles.orgId, set: values })
      .returning()
    await audit(tx, actor, {
      action: 'investor.profile.save',
      targetType: 'organization',
      targetId: org.id,
      before,
      after: saved,
      detail: { stages: values.stages, version: values.version },
    })
    return saved!
  })
  return present(org, row)
}

export type InvestorForMatching = {
  orgId: string
  name: string
  jurisdictionCode: string
  kind: Row['kind']
  stages: Row['stages']
  industryCodes: string[]
  focusKeywords: string[]
  ticketMinFen: number
  ticketMaxFen: number
  jurisdictionCodes: string[]
}

/**
 * For matching: the profiles of active investment institutions the caller may see (公开 for everyone, 内部 for
 * signed-in business roles, 保密 for the institution itself and its city's officers).
 */
export async function investorsVisibleTo(actor: Actor): Promise<InvestorForMatching[]> {
  const orgs = new Map((await findActiveOrganizationsOfKind('investor')).map((o) => [o.id, o]))
  if (orgs.size === 0) return []
  const rows = await db
    .select()
    .from(investorProfiles)
    .where(inArray(investorProfiles.orgId, [...orgs.keys()]))
  const viewer = viewerOf(actor, await secretScope(actor))
  return rows.flatMap((r) => {
    const org = orgs.get(r.orgId)
    if (!org) return []
    const visible = canSee(viewer, {
      confidentiality: r.confidentiality,
      ownerOrgId: r.orgId,
      jurisdictionCode: org.jurisdictionCode,
    })
    if (!visible) return []
    return [
      {
        orgId: r.orgId,
        name: org.name,
        jurisdictionCode: org.jurisdictionCode,
        kind: r.kind,
        stages: r.stages,
        industryCodes: r.industryCodes,
        focusKeywords: r.focusKeywords,
        ticketMinFen: Number(r.ticketMinFen),
        ticketMaxFen: Number(r.ticketMaxFen),
        jurisdictionCodes: r.jurisdictionCodes,
      },
    ]
  })
}
