import { and, eq } from 'drizzle-orm'
import { carriers } from '../../modules/carriers/schema'
import { handoffFindings, handoffs, pilotMilestones } from '../../modules/handoffs/schema'
import { organizations } from '../../modules/organizations/schema'
import { projectOutcomes } from '../../modules/outcomes/schema'
import { type ProjectStatus, projectAccess, projectEvents, projects } from '../../modules/projects/schema'
import { verificationStages } from '../../modules/verification/schema'
import { planStages } from '../../modules/verification/stages'
import { systemActor } from '../../platform/auth/actor'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'
import { DEMO_VERIFICATIONS } from './verification-data'
import { type Center, cityOfArea, fen, seedStages } from './verification-stages'

const CENTER_CARRIERS = { wenzhou: '温州市数字经济概念验证中心', huzhou: '湖州市具身智能机器人概念验证中心' } as const
const PILOT_PLATFORM = '湖州南太湖智能装备中试平台'

const PATHS: Partial<Record<ProjectStatus, ProjectStatus[]>> = {
  admitted: [],
  verifying: ['verifying'],
  terminated: ['verifying', 'terminated'],
  verified: ['verifying', 'verified'],
  landed: ['verifying', 'verified', 'handedOff', 'landed'],
}
/**
 * Demo staged verifications, hand-offs and outcomes (run after seedDemoCarriers and seedDemoInstruments, in the
 * same transaction): in 温州 a landed project with its report, pilot hand-off, finding and company, one in the
 * technical stage with 代工, one admitted and one terminated at its gate; in 湖州 a verified project with a
 * 技术可行性报告 offered to the 南太湖 pilot platform. Returns the number of projects.
 */
export async function seedDemoVerification(
  tx: Transaction,
  context: { orgIdByKey: Map<string, string> },
): Promise<number> {
  const actor = systemActor('demo seed')
  const today = todayInShanghai(now())
  const day = (offset: number) => addDays(today, offset)
  const at = (offset: number, hour = 10) => new Date(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00+08:00`)

  const centers = new Map<string, Center>()
  for (const [key, name] of Object.entries(CENTER_CARRIERS)) {
    const [carrier] = await tx.select().from(carriers).where(eq(carriers.name, name))
    if (!carrier) continue
    const director = (role: string) => carrier.directors.find((d) => d.role === role || d.role === 'director')?.name
    centers.set(key, {
      orgId: carrier.ownerOrgId,
      area: carrier.jurisdictionCode,
      name: carrier.name,
      technical: director('technical') ?? '技术主任',
      administrative: director('administrative') ?? '行政主任',
    })
  }
  const [platform] = await tx.select().from(carriers).where(eq(carriers.name, PILOT_PLATFORM))
  let seeded = 0

  for (const spec of DEMO_VERIFICATIONS) {
    const center = centers.get(spec.center)
    const applicantOrgId = context.orgIdByKey.get(spec.applicant)
    if (!center || !applicantOrgId) continue
    const [applicant] = await tx.select().from(organizations).where(eq(organizations.id, applicantOrgId))
    const projectId = newId()
    const statusPath: ProjectStatus[] = [
      'submitted',
      'underEvaluation',
      'admitted',
      ...(PATHS[spec.status] ?? ['verifying', 'verified', spec.status]),
    ]
    const requested = spec.first
      ? planStages(spec.first, spec.last!).filter((s) => s.status !== 'skipped' && s.status !== 'notPlanned')
      : []
    await tx.insert(projects).values({
      id: projectId,
      title: spec.title,
      summary: spec.summary,
      channel: 'application',
      applicantOrgId,
      jurisdictionCode: center.area,
      centerOrgId: center.orgId,
      team: [{ name: '项目负责人', role: '负责人', organization: applicant?.name ?? null }],
      achievementIds: [],
      industryCodes: spec.industries,
      disciplines: [],
      requestedTypes: requested.length ? requested.map((s) => s.stage) : ['principle', 'technical'],
      budgetFen: fen(spec.budgetYuan),
      trl: spec.trl,
      status: spec.status,
      version: statusPath.length,
      createdAt: at(spec.admittedOn - 30),
      updatedAt: at(-1),
    })
    const when: Partial<Record<ProjectStatus, number>> = {
      submitted: spec.admittedOn - 30,
      underEvaluation: spec.admittedOn - 20,
      admitted: spec.admittedOn,
      verifying: spec.admittedOn + 5,
      terminated: spec.stages?.find((s) => s.gate?.decision === 'terminated')?.gate?.on,
      verified: spec.report?.on,
      handedOff: spec.handoff?.accepted ?? undefined,
      landed: spec.outcomes?.find((o) => o.kind === 'company')?.on,
    }
    let previous: ProjectStatus | null = null
    for (const status of statusPath) {
      await tx.insert(projectEvents).values({
        id: newId(),
        projectId,
        from: previous,
        to: status,
        note: status === 'admitted' ? '入库评价通过' : null,
        actorName: '演示数据',
        at: at(when[status] ?? spec.admittedOn, 10 + statusPath.indexOf(status)),
      })
      previous = status
    }
    if (spec.first && spec.stages) {
      await seedStages(tx, actor, { spec, projectId, center, applicantName: applicant?.name ?? '', day, at })
    }
    if (spec.handoff && platform) {
      const handoffId = newId()
      const h = spec.handoff
      await tx.insert(handoffs).values({
        id: handoffId,
        projectId,
        centerOrgId: center.orgId,
        platformCarrierId: platform.id,
        platformOrgId: platform.ownerOrgId,
        platformCityCode: cityOfArea(platform.jurisdictionCode),
        message: h.message,
        status: h.accepted === null ? 'offered' : 'accepted',
        offeredAt: at(h.on),
        respondedAt: h.accepted === null ? null : at(h.accepted),
        respondedOn: h.accepted === null ? null : day(h.accepted),
      })
      await tx
        .insert(projectAccess)
        .values({ projectId, orgId: platform.ownerOrgId, reason: `handoff:${handoffId}`, grantedAt: at(h.on) })
      if (h.milestone) {
        const [title, due, done] = h.milestone
        await tx.insert(pilotMilestones).values({
          id: newId(),
          handoffId,
          title,
          dueDate: day(due),
          doneDate: done === null ? null : day(done),
          createdAt: at(h.accepted ?? h.on),
        })
      }
      const [technical] = await tx
        .select()
        .from(verificationStages)
        .where(and(eq(verificationStages.projectId, projectId), eq(verificationStages.stage, 'technical')))
      if (h.finding && technical) {
        await tx.insert(handoffFindings).values({
          id: newId(),
          handoffId,
          projectId,
          stageId: technical.id,
          description: h.finding,
          severity: 'minor',
          status: 'resolved',
          reportedAt: at((h.accepted ?? h.on) + 10),
          responseNote: '固件修正后复测通过，不影响验证结论',
          respondedAt: at((h.accepted ?? h.on) + 12),
          resolvedOn: day((h.accepted ?? h.on) + 12),
        })
      }
    }
    for (const o of spec.outcomes ?? []) {
      const base = { note: null }
      const row =
        o.kind === 'company'
          ? {
              amount: fen(o.capitalYuan),
              details: {
                ...base,
                companyName: o.companyName,
                uscc: completeUscc(`91${o.area}${o.orgCode}`),
                jurisdictionCode: o.area,
              },
            }
          : o.kind === 'funding'
            ? { amount: fen(o.yuan), details: { ...base, investor: o.investor, round: o.round, relay: o.relay } }
            : o.kind === 'serviceFee'
              ? { amount: fen(o.yuan), details: { ...base, payer: o.payer, item: o.item } }
              : { amount: null, details: { ...base, name: o.name } }
      await tx.insert(projectOutcomes).values({
        id: newId(),
        projectId,
        centerOrgId: center.orgId,
        jurisdictionCode: center.area,
        cityCode: cityOfArea(center.area),
        kind: o.kind,
        occurredOn: day(o.on),
        amountFen: row.amount,
        details: row.details,
        recordedAt: at(o.on, 16),
      })
    }
    seeded++
  }
  return seeded
}
