import { inArray } from 'drizzle-orm'
import { db, type Queryable } from '../../db'
import { experts, type RelationshipKind, type ThinkTank, type TieKind } from './schema'

/** What the conflict-of-interest rules (issue 5) read about an expert, in a plain shape. Dates are YYYY-MM-DD. */
export type ExpertConflictFacts = {
  expertId: string
  name: string
  userId: string | null
  archived: boolean
  thinkTanks: ThinkTank[]
  disciplines: string[]
  industryCodes: string[]
  /** Every organization the expert belongs or belonged to, the current one included (`to` null = now). */
  affiliations: {
    organizationId: string | null
    organizationName: string
    from: string | null
    to: string | null
    current: boolean
  }[]
  relationships: {
    kind: RelationshipKind
    personName: string
    organizationId: string | null
    organizationName: string | null
    note: string | null
  }[]
  enterpriseTies: {
    kind: TieKind
    organizationId: string | null
    organizationName: string
    from: string | null
    to: string | null
  }[]
  declaredConflicts: {
    text: string
    projectId: string | null
    organizationId: string | null
    organizationName: string | null
    declaredOn: string
  }[]
}

const sameOrganization = (a: { organizationId: string | null; organizationName: string }, b: typeof a) =>
  a.organizationId && b.organizationId
    ? a.organizationId === b.organizationId
    : a.organizationName === b.organizationName

/**
 * Internal (no permission check): the affiliations, declared relationships, enterprise ties and declared
 * conflicts of the given experts, for assignment rules such as “same organization now or within 3 years”.
 */
export async function findExpertsForConflicts(
  ids: readonly string[],
  q: Queryable = db,
): Promise<ExpertConflictFacts[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = await q.select().from(experts).where(inArray(experts.id, unique))
  return rows.map((row) => {
    const affiliations = row.affiliations.map((a) => ({
      organizationId: a.organizationId ?? null,
      organizationName: a.organizationName,
      from: a.from ?? null,
      to: a.to ?? null,
      current: !a.to,
    }))
    if (row.currentOrgName) {
      const current = {
        organizationId: row.currentOrgId,
        organizationName: row.currentOrgName,
        from: null,
        to: null,
        current: true,
      }
      if (!affiliations.some((a) => a.current && sameOrganization(a, current))) affiliations.unshift(current)
    }
    return {
      expertId: row.id,
      name: row.name,
      userId: row.userId,
      archived: row.archivedAt !== null,
      thinkTanks: row.thinkTanks,
      disciplines: row.disciplines,
      industryCodes: row.industryCodes,
      affiliations,
      relationships: row.relationships.map((r) => ({
        kind: r.kind,
        personName: r.personName,
        organizationId: r.organizationId ?? null,
        organizationName: r.organizationName ?? null,
        note: r.note ?? null,
      })),
      enterpriseTies: row.enterpriseTies.map((t) => ({
        kind: t.kind,
        organizationId: t.organizationId ?? null,
        organizationName: t.organizationName,
        from: t.from ?? null,
        to: t.to ?? null,
      })),
      declaredConflicts: row.declaredConflicts.map((c) => ({
        text: c.text,
        projectId: c.projectId ?? null,
        organizationId: c.organizationId ?? null,
        organizationName: c.organizationName ?? null,
        declaredOn: c.declaredOn,
      })),
    }
  })
}
