import { eq } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { viewerOf, visibleFilter } from '../../platform/registry/confidentiality'
import { carrierLevelLabels } from '../carriers/labels'
import { carriersOfOrganization, findCarriers } from '../carriers/service'
import { industryNames } from '../industries/service'
import { jurisdictionNames, secretScope } from '../jurisdictions/service'
import { carrierReasons, rankCarriersForProject } from '../matching/carriers'
import { organizationNames } from '../organizations/service'
import { handoffs } from './schema'
import { managedProjectForHandoff } from './service'

/**
 * Pilot platforms for a verified project, from the carrier index (seed 002 中试平台 三(四)11 精准对接): the
 * project's words against each platform's name, capabilities and introduction, ranked with shared industry
 * nodes, 中试/检测 capability, accredited level and distance from the center. Every pilot platform has the
 * 中试 capability word, so each one is a candidate and the ranking decides.
 */
export async function suggestPlatforms(actor: Actor, projectId: string, limit: number) {
  requirePermission(actor, 'handoff.manage')
  const project = await managedProjectForHandoff(actor, projectId)
  const [center] = (await carriersOfOrganization(project.centerOrgId)).filter(
    (c) => c.kind === 'pocCenter' && c.latitude !== null && c.longitude !== null,
  )
  const industries = await industryNames(project.industryCodes)
  const hits = rankCarriersForProject(
    { ...project, industryNames: [...industries.values()] },
    {
      kinds: ['pilotPlatform'],
      // Every pilot platform has the 中试 capability word, so each one is a candidate and the ranking decides.
      capabilities: ['pilot', 'testing'],
      visibility: visibleFilter(viewerOf(actor, await secretScope(actor))),
      limit,
      ...(center ? { near: { latitude: center.latitude!, longitude: center.longitude! } } : {}),
    },
  )
  const rows = new Map((await findCarriers(hits.map((h) => h.id))).map((r) => [r.id, r]))
  const orgs = await organizationNames([...rows.values()].map((r) => r.ownerOrgId))
  const areas = await jurisdictionNames([...rows.values()].map((r) => r.jurisdictionCode))
  const offers = new Map(
    (await db.select().from(handoffs).where(eq(handoffs.projectId, projectId))).map((h) => [
      h.platformCarrierId,
      h.status,
    ]),
  )
  return {
    items: hits.flatMap((hit) => {
      const row = rows.get(hit.id)
      // The index may lag a change by moments: the record itself decides.
      if (row?.kind !== 'pilotPlatform' || row.archivedAt) return []
      return [
        {
          carrierId: row.id,
          name: row.name,
          orgId: row.ownerOrgId,
          orgName: orgs.get(row.ownerOrgId) ?? '',
          jurisdictionName: areas.get(row.jurisdictionCode) ?? row.jurisdictionCode,
          levelLabel: row.level ? carrierLevelLabels[row.level] : '未定级',
          score: Math.round(hit.score * 1000) / 1000,
          distanceKm: hit.reasons?.distanceKm === undefined ? null : Math.round(hit.reasons.distanceKm * 10) / 10,
          reasons: carrierReasons(hit, industries),
          offerStatus: offers.get(row.id) ?? null,
        },
      ]
    }),
  }
}
