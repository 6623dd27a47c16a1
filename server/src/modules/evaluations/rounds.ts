import { and, eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { findOrganization } from '../organizations/service'
import { findProjects, moveProject } from '../projects/service'
import { statusLabels } from '../projects/status-flow'
import { lockRound, managedRound, requireOpen } from './access'
import type { ThinkTank } from './assignment/types'
import type { CreateRound, UpdateRound, UpdateRoundProject } from './contracts'
import { DEFAULT_CRITERIA, ROUND_DEFAULTS, tanksFor } from './labels'
import { type Criterion, evaluationRoundProjects, evaluationRounds } from './schema'
import { getRound } from './view'

type Field = { path: string; message: string }
const invalid = (message: string, fields: Field[]) => new AppError('VALIDATION_FAILED', message, { fields })

/** Criteria keep a stable key (scores are stored by it): given, or c1, c2 … for new ones. */
export function withKeys(criteria: readonly (Omit<Criterion, 'key'> & { key?: string | undefined })[]): Criterion[] {
  const taken = new Set(criteria.flatMap((c) => (c.key ? [c.key] : [])))
  let n = 0
  return criteria.map((c) => {
    let key = c.key
    while (!key || (taken.has(key) && !c.key)) key = `c${++n}`
    taken.add(key)
    return { key, name: c.name, weight: c.weight, description: c.description ?? null }
  })
}

function checkDeadline(deadline: string) {
  if (deadline < todayInShanghai(now()))
    throw invalid('截止日期不能早于今天', [{ path: 'deadline', message: '截止日期不能早于今天' }])
}

function checkSeats(what: string, tanks: readonly ThinkTank[], reviewers: number, path: string) {
  if (tanks.length > reviewers) {
    const message = `${what}要求 ${tanks.length} 个专家智库，超过评审专家人数 ${reviewers}`
    throw invalid(message, [{ path, message }])
  }
}

/**
 * The center opens a round over projects of its own pool (seed 004 三(三) 顾问专家团队 入库评价遴选): each moves
 * from 已申报 to 入库评价中; criteria default to the Wenzhou four with equal weights; each project needs the think
 * tanks its requested verification types call for (seed 002 第15条), unless the organizer says otherwise.
 */
export async function createRound(actor: Actor, input: CreateRound) {
  requirePermission(actor, 'evaluation.manage')
  const user = requireUser(actor)
  const center = await findOrganization(user.orgId)
  if (center?.kind !== 'pocCenter') throw new AppError('FORBIDDEN', '只有概念验证中心可以组织入库评价')
  checkDeadline(input.deadline)
  const ids = [...new Set(input.projectIds)]
  const rows = new Map((await findProjects(ids)).map((p) => [p.id, p]))
  const problems: Field[] = []
  ids.forEach((id, i) => {
    const project = rows.get(id)
    if (!project || project.centerOrgId !== user.orgId)
      problems.push({ path: `projectIds.${i}`, message: '项目不存在或不在本中心的项目库中' })
    else if (project.status !== 'submitted')
      problems.push({
        path: `projectIds.${i}`,
        message: `项目“${project.title}”当前为“${statusLabels[project.status]}”，只有已申报的项目可以纳入评价`,
      })
  })
  const needs = new Map((input.projectNeeds ?? []).map((n) => [n.projectId, n]))
  for (const [i, need] of (input.projectNeeds ?? []).entries())
    if (!rows.has(need.projectId) || !ids.includes(need.projectId))
      problems.push({ path: `projectNeeds.${i}.projectId`, message: '该项目不在本轮评价中' })
  if (problems.length) throw invalid(problems[0]!.message, problems)
  const reviewersPerProject = input.reviewersPerProject ?? ROUND_DEFAULTS.reviewersPerProject
  const items = ids.map((id) => {
    const project = rows.get(id)!
    const need = needs.get(id)
    const tanks = need?.tanks ?? tanksFor(project.requestedTypes)
    checkSeats(`项目“${project.title}”`, tanks, need?.reviewers ?? reviewersPerProject, 'projectNeeds')
    return { project, tanks, reviewers: need?.reviewers ?? null }
  })
  const id = newId()
  await db.transaction(async (tx) => {
    const at = now()
    const [round] = await tx
      .insert(evaluationRounds)
      .values({
        id,
        centerOrgId: user.orgId,
        jurisdictionCode: center.jurisdictionCode,
        title: input.title,
        criteria: withKeys(input.criteria ?? DEFAULT_CRITERIA),
        reviewersPerProject,
        defaultCap: input.defaultCap ?? ROUND_DEFAULTS.defaultCap,
        capOverrides: input.capOverrides ?? {},
        deadline: input.deadline,
        reminderWorkdays: input.reminderWorkdays ?? ROUND_DEFAULTS.reminderWorkdays,
        outlierThreshold: input.outlierThreshold ?? ROUND_DEFAULTS.outlierThreshold,
        admissionThreshold: input.admissionThreshold ?? null,
        status: 'open',
        createdBy: user.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    for (const item of items) {
      await tx.insert(evaluationRoundProjects).values({
        roundId: id,
        projectId: item.project.id,
        tanks: item.tanks,
        reviewers: item.reviewers,
      })
      await moveProject(tx, actor, item.project.id, 'underEvaluation', `纳入入库评价“${input.title}”`)
    }
    await audit(tx, actor, {
      action: 'evaluation.create',
      targetType: 'evaluationRound',
      targetId: id,
      after: round,
      detail: { projects: ids.length },
    })
  })
  return getRound(actor, id)
}

/** Settings change while the round is open; the criteria only until the first score is saved. */
export async function updateRound(actor: Actor, id: string, input: UpdateRound) {
  const current = await managedRound(actor, id)
  requireOpen(current)
  if (input.deadline !== undefined) checkDeadline(input.deadline)
  const { version, criteria, ...changes } = input
  await db.transaction(async (tx) => {
    const round = await lockRound(tx, id)
    if (round.version !== version) throw new AppError('STALE_VERSION', '评价轮次已被他人更新，请刷新后再操作')
    if (criteria && round.criteriaLockedAt)
      throw new AppError('STATE_INVALID', '评分已开始，评价指标与权重已锁定，不能修改', {
        lockedAt: round.criteriaLockedAt.toISOString(),
      })
    if (changes.reviewersPerProject !== undefined) {
      const items = await tx.select().from(evaluationRoundProjects).where(eq(evaluationRoundProjects.roundId, id))
      for (const item of items)
        if (item.reviewers === null)
          checkSeats('本轮有项目', item.tanks, changes.reviewersPerProject, 'reviewersPerProject')
    }
    const [updated] = await tx
      .update(evaluationRounds)
      .set({
        ...changes,
        // A criterion kept under its name keeps its key.
        ...(criteria
          ? {
              criteria: withKeys(
                criteria.map((c) => ({ ...c, key: c.key ?? round.criteria.find((x) => x.name === c.name)?.key })),
              ),
            }
          : {}),
        version: round.version + 1,
        updatedAt: now(),
      })
      .where(eq(evaluationRounds.id, id))
      .returning()
    await audit(tx, actor, {
      action: 'evaluation.update',
      targetType: 'evaluationRound',
      targetId: id,
      before: round,
      after: updated,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
    })
  })
  return getRound(actor, id)
}

/** The organizer adjusts the think tanks and reviewers a project needs (before it is decided). */
export async function updateRoundProject(actor: Actor, id: string, projectId: string, input: UpdateRoundProject) {
  const round = await managedRound(actor, id)
  requireOpen(round)
  const where = and(eq(evaluationRoundProjects.roundId, id), eq(evaluationRoundProjects.projectId, projectId))
  const [item] = await db.select().from(evaluationRoundProjects).where(where)
  if (!item) throw new AppError('NOT_FOUND', '该项目不在本轮评价中')
  if (item.decision) throw new AppError('STATE_INVALID', '该项目已作出入库决定，不能再调整评审需求')
  const tanks = input.tanks ?? item.tanks
  const reviewers = input.reviewers === undefined ? item.reviewers : input.reviewers
  const [project] = await findProjects([projectId])
  checkSeats(`项目“${project?.title ?? projectId}”`, tanks, reviewers ?? round.reviewersPerProject, 'tanks')
  await db.transaction(async (tx) => {
    await lockRound(tx, id)
    await tx.update(evaluationRoundProjects).set({ tanks, reviewers }).where(where)
    await audit(tx, actor, {
      action: 'evaluation.projectNeeds',
      targetType: 'evaluationRound',
      targetId: id,
      before: item,
      detail: { projectId, tanks, reviewers },
    })
  })
  return getRound(actor, id)
}
