import { eq, inArray } from 'drizzle-orm'
import { passwordHistory, users } from '../../modules/accounts/schema'
import { enterpriseProfiles } from '../../modules/enterprises/schema'
import { assignReviewers, type Candidate } from '../../modules/evaluations/assignment'
import { REVIEW_GRANT_REASON } from '../../modules/evaluations/grants'
import { DEFAULT_CRITERIA, ROUND_DEFAULTS, tanksFor } from '../../modules/evaluations/labels'
import { buildRoundConflicts } from '../../modules/evaluations/profiles'
import {
  evaluationAssignments,
  evaluationCandidates,
  evaluationPairRules,
  evaluationRoundProjects,
  evaluationRounds,
  evaluationRuns,
} from '../../modules/evaluations/schema'
import { experts } from '../../modules/experts/schema'
import { findExpertsForConflicts } from '../../modules/experts/service'
import { RECORD_TYPE as EXPERT, searchDocumentOf } from '../../modules/experts/view'
import { industrySystems } from '../../modules/industries/schema'
import { organizations } from '../../modules/organizations/schema'
import { PROJECT_RECORD } from '../../modules/projects/access'
import { projectEvents, projects } from '../../modules/projects/schema'
import { moveProject } from '../../modules/projects/service'
import { storeSearchDocument } from '../../modules/search/service'
import { audit } from '../../platform/audit/audit'
import { systemActor } from '../../platform/auth/actor'
import { hashPassword } from '../../platform/auth/password'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { seal } from '../../platform/crypto/secret-box'
import { newId } from '../../platform/ids/ids'
import { recordGrants } from '../../platform/registry/schema'
import type { Transaction } from '../client'
import { DEMO_PASSWORD, demoTotpSecret } from './accounts'
import { type DemoProject, EVALUATION_PROJECTS, REVIEWERS } from './evaluations-data'

type Context = { orgIdByKey: Map<string, string> }
type Tx = Transaction

/** Demo 评审专家 accounts for Wenzhou experts, so a round has reviewers who can sign in (password as the README). */
async function linkReviewerAccounts(tx: Tx, context: Context): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD)
  const systems = await tx.select().from(industrySystems)
  const names = new Map(systems.flatMap((s) => s.nodes.map((n) => [`${s.code}:${n.code}`, n.name] as const)))
  for (const [username, name, unit] of REVIEWERS) {
    const [row] = await tx.select().from(experts).where(eq(experts.name, name))
    if (!row || row.userId) continue
    let orgId = row.currentOrgId ?? context.orgIdByKey.get(unit.key)
    if (!orgId) {
      orgId = newId()
      await tx.insert(organizations).values({
        id: orgId,
        name: row.currentOrgName ?? name,
        kind: unit.kind,
        jurisdictionCode: '330302',
        createdAt: now(),
        updatedAt: now(),
      })
      context.orgIdByKey.set(unit.key, orgId)
    }
    const id = newId()
    await tx.insert(users).values({
      id,
      username,
      usernameKey: username.toLowerCase(),
      displayName: `${name}（评审专家）`,
      role: 'expert',
      orgId,
      jurisdictionCode: '330300',
      passwordHash: hash,
      passwordChangedAt: now(),
      totpSecret: seal(demoTotpSecret(username)),
      totpEnrolledAt: now(),
      createdAt: now(),
      updatedAt: now(),
    })
    await tx.insert(passwordHistory).values({ id: newId(), userId: id, hash, createdAt: now() })
    const [linked] = await tx.update(experts).set({ userId: id }).where(eq(experts.id, row.id)).returning()
    await storeSearchDocument(tx, EXPERT, row.id, searchDocumentOf(linked!, names))
  }
}

async function insertProject(
  tx: Tx,
  centerId: string,
  p: DemoProject,
  applicantOrgId: string,
  applicantUserId: string | null,
) {
  const [center] = await tx.select().from(organizations).where(eq(organizations.id, centerId))
  const at = now()
  const [row] = await tx
    .insert(projects)
    .values({
      id: newId(),
      title: p.title,
      summary: p.summary,
      channel: p.channel,
      applicantOrgId,
      applicantUserId,
      jurisdictionCode: center!.jurisdictionCode,
      centerOrgId: centerId,
      team: p.team,
      achievementIds: [],
      industryCodes: p.industryCodes,
      disciplines: p.disciplines,
      requestedTypes: p.requestedTypes,
      budgetFen: BigInt(p.budgetWan * 1_000_000),
      trl: p.trl,
      status: 'submitted',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  await tx
    .insert(projectEvents)
    .values({ id: newId(), projectId: row!.id, from: null, to: 'submitted', note: null, actorName: '演示数据', at })
  return row!
}

/** Expertise affinity for the demo: the share of the expert's keywords the project's text mentions. */
function affinityOf(text: string, keywords: readonly string[]): { affinity: number; reasons: string[] } {
  const hits = keywords.filter((k) => text.includes(k))
  if (hits.length === 0) return { affinity: 0.2, reasons: ['同属所需专家智库，按基础匹配度列入'] }
  return {
    affinity: Math.round((0.3 + (0.7 * hits.length) / keywords.length) * 10_000) / 10_000,
    reasons: [`关键词“${hits.join('、')}”与项目内容相符`],
  }
}

/**
 * 入库评价 demo (seed 004 三(三)): three projects in the Wenzhou center's pool — two in a round in progress with an
 * optimal conflict-free assignment (陈立群、王慧敏 excluded with their reasons), a pinned 湖州 expert (the demo
 * 评审专家 account, invited), one review submitted, others accepted or awaiting confirmation — and one project
 * still 已申报 for a new round. Call after the experts, enterprises and accounts are seeded.
 */
export async function seedDemoEvaluations(tx: Tx, context: Context): Promise<number> {
  const centerId = context.orgIdByKey.get('wenzhou-poc-center')
  if (!centerId) return 0
  const actor = systemActor('demo seed')
  await linkReviewerAccounts(tx, context)
  const [researcher] = await tx.select().from(users).where(eq(users.username, 'researcher'))
  const rows = []
  for (const p of EVALUATION_PROJECTS) {
    const applicant = context.orgIdByKey.get(p.applicant)
    if (!applicant) continue
    rows.push(
      await insertProject(
        tx,
        centerId,
        p,
        applicant,
        p.applicant === 'wenzhou-university' ? (researcher?.id ?? null) : null,
      ),
    )
  }
  const inRound = rows.filter((_, i) => EVALUATION_PROJECTS[i]!.inRound)
  if (inRound.length === 0) return rows.length

  const today = todayInShanghai(now())
  const roundId = newId()
  const at = now()
  const [center] = await tx.select().from(users).where(eq(users.username, 'center'))
  await tx.insert(evaluationRounds).values({
    id: roundId,
    centerOrgId: centerId,
    jurisdictionCode: rows[0]!.jurisdictionCode,
    title: `${today.slice(0, 4)} 年第一批概念验证项目入库评价`,
    criteria: DEFAULT_CRITERIA,
    reviewersPerProject: ROUND_DEFAULTS.reviewersPerProject,
    defaultCap: ROUND_DEFAULTS.defaultCap,
    capOverrides: {},
    deadline: addDays(today, 5),
    reminderWorkdays: ROUND_DEFAULTS.reminderWorkdays,
    outlierThreshold: ROUND_DEFAULTS.outlierThreshold,
    admissionThreshold: 70,
    status: 'open',
    criteriaLockedAt: at,
    createdBy: center?.id ?? null,
    createdAt: at,
    updatedAt: at,
  })
  for (const p of inRound) {
    await tx
      .insert(evaluationRoundProjects)
      .values({ roundId, projectId: p.id, tanks: tanksFor(p.requestedTypes), reviewers: null })
    await moveProject(tx, actor, p.id, 'underEvaluation', '纳入入库评价（演示数据）')
  }

  // The pool: experts with an account. Conflicts from the registries' facts, by the same rules as a live run.
  const pool = (await tx.select().from(experts)).filter(
    (e) => e.userId && !e.archivedAt && e.availability !== 'unavailable',
  )
  const facts = await findExpertsForConflicts(
    pool.map((e) => e.id),
    tx,
  )
  const orgIds = [
    ...new Set([
      ...inRound.map((p) => p.applicantOrgId),
      ...facts.flatMap((f) =>
        [...f.affiliations, ...f.enterpriseTies].map((a) => a.organizationId).filter((x): x is string => !!x),
      ),
    ]),
  ]
  const orgRows = orgIds.length ? await tx.select().from(organizations).where(inArray(organizations.id, orgIds)) : []
  const fields = await tx.select().from(enterpriseProfiles)
  const conflicts = buildRoundConflicts(
    inRound,
    {
      experts: facts,
      achievements: new Map(),
      organizations: new Map(orgRows.map((o) => [o.id, o])),
      enterpriseFields: new Map(fields.map((f) => [f.id, f.industryCodes])),
    },
    [],
    today,
  )
  const candidates: (Candidate & { reasons: string[] })[] = inRound.flatMap((p) =>
    pool.map((e) => ({ projectId: p.id, expertId: e.id, ...affinityOf(`${p.title}${p.summary}`, e.keywords) })),
  )
  const demoExpert = pool.find((e) => e.name === '吴志远')
  const pinned = demoExpert ? [{ projectId: inRound[0]!.id, expertId: demoExpert.id }] : []
  const result = assignReviewers({
    projects: inRound.map((p) => ({ id: p.id, tanks: tanksFor(p.requestedTypes) })),
    experts: pool.map((e) => ({ id: e.id, tanks: e.thinkTanks })),
    candidates,
    conflicts,
    pinned,
    defaultCap: ROUND_DEFAULTS.defaultCap,
  })
  await tx.insert(evaluationCandidates).values(candidates.map((c) => ({ roundId, ...c })))
  for (const pin of pinned)
    await tx.insert(evaluationPairRules).values({
      roundId,
      ...pin,
      kind: 'pin',
      note: '邀请湖州专家跨市评审（演示）',
      createdBy: center?.id ?? null,
      createdAt: at,
    })
  await tx.insert(evaluationRuns).values({
    id: newId(),
    roundId,
    trigger: 'organizer',
    actorName: center?.displayName ?? '演示数据',
    at,
    objective: {
      reviews: result.objective.reviews,
      seats: result.objective.seats,
      totalAffinity: Math.round(result.objective.totalAffinity * 10_000) / 10_000,
    },
    certified: result.certified,
    shortProjects: result.shortProjects,
    exclusions: result.exclusions,
    rejectedFixed: result.rejectedFixed,
    progress: [{ stage: 'done', fraction: 1, message: '分配完成' }],
    changes: { invited: result.assignments.length, kept: 0, withdrawn: 0 },
    notes: [],
    ms: result.stats.ms.total,
  })

  // Where the round stands: one review in, others accepted or confirmed, the demo expert still to confirm.
  const byId = new Map(pool.map((e) => [e.id, e]))
  const stages = ['submitted', 'accepted', 'confirmed'] as const
  let next = 0
  for (const a of result.assignments) {
    const e = byId.get(a.expertId)!
    const status = e.id === demoExpert?.id ? 'invited' : (stages[next++] ?? 'invited')
    const reviewed = status === 'submitted'
    await tx.insert(evaluationAssignments).values({
      id: newId(),
      roundId,
      ...a,
      expertUserId: e.userId!,
      expertName: e.name,
      status,
      invitedAt: at,
      confirmedAt: status === 'invited' ? null : at,
      acceptedAt: status === 'invited' || status === 'confirmed' ? null : at,
      scores: reviewed ? { innovation: 86, feasibility: 78, market: 82, ip: 74 } : {},
      comments: reviewed ? { ip: '核心专利尚在实审，建议补充外围专利布局。' } : {},
      overallComment: reviewed ? '技术路线清晰、团队完整，建议在中试前补充工艺稳定性与成本测算。' : null,
      scoredAt: reviewed ? at : null,
      submittedAt: reviewed ? at : null,
      updatedAt: at,
    })
    if (status !== 'invited')
      await tx
        .insert(recordGrants)
        .values({
          recordType: PROJECT_RECORD,
          recordId: a.projectId,
          userId: e.userId!,
          reason: REVIEW_GRANT_REASON,
          grantedBy: e.userId,
          grantedAt: at,
        })
        .onConflictDoNothing()
  }
  await audit(tx, actor, {
    action: 'evaluation.create',
    targetType: 'evaluationRound',
    targetId: roundId,
    detail: { demo: true, projects: inRound.length, reviews: result.assignments.length },
  })
  return rows.length
}
