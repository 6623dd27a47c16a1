import { and, count, desc, eq, gt } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { sm3 } from '../../platform/crypto/digest'
import { AppError, notFound } from '../../platform/errors/errors'
import { canSee, viewerOf, visibleFilter } from '../../platform/registry/confidentiality'
import { searchDocuments } from '../../platform/registry/schema'
import {
  FEATURE_NAMES,
  FEEDBACK_GRADES,
  type FeatureVector,
  type Filter,
  type RerankerModel,
  type SearchHit,
  trainReranker,
} from '../../platform/search'
import { secretScope } from '../jurisdictions/service'
import { createLead, describeRecord } from '../leads/service'
import { organizations } from '../organizations/schema'
import { defaultReranker, searchIndex } from '../search/service'
import { type InvestorReranker, setInvestorReranker, trainInvestorReranker } from './investor-reranker'
import {
  type FeedbackKind,
  JUDGED_DEPTH,
  type Judgement,
  keepJudged,
  listingDepth,
  markJudged,
  ownJudgements,
  storeFeedback,
} from './judgements'
import { contextOf, findPair, type MatchPair } from './pairs'
import { matchFeedback, rerankerModels } from './schema'

export type MatchResult = {
  id: string
  type: string
  title: string
  score: number
  /** 为什么推荐, in Chinese sentences. */
  reasons: string[]
  why: {
    matchedTerms: { word: string; via: string; fields: string[] }[]
    fieldContributions: Record<string, number>
    shared: { attribute: string; values: string[] }[]
    trl?: number
    distanceKm?: number
    parts: Record<string, number>
  }
}

/** A result of a record's match, with the caller's own 有意向 / 不相关 on it if given. */
export type RecordMatchResult = MatchResult & { judgement?: Judgement }

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  keywords: '关键词',
  summary: '简介',
  description: '描述',
  name: '名称',
  capabilities: '验证能力',
  introduction: '简介',
  products: '主要产品',
  fields: '领域',
}

async function visibility(actor: Actor): Promise<Filter | undefined> {
  return visibleFilter(viewerOf(actor, await secretScope(actor)))
}

async function present(actor: Actor, type: string, hits: readonly SearchHit[]): Promise<MatchResult[]> {
  const out: MatchResult[] = []
  for (const hit of hits) {
    // The record is read again as the caller may see it; the index never decides visibility alone.
    const record = await describeRecord(actor, type, hit.id).catch(() => undefined)
    if (!record) continue
    const r = hit.reasons
    out.push({
      id: hit.id,
      type,
      title: record.title,
      score: Math.round(hit.score * 1000) / 1000,
      reasons: r ? [...r.summary] : [],
      why: {
        matchedTerms: (r?.matchedTerms ?? []).map((t) => ({
          word: t.word,
          via: t.via,
          fields: Object.keys(t.occurrences).map((f) => FIELD_LABELS[f] ?? f),
        })),
        fieldContributions: Object.fromEntries(
          Object.entries(r?.fieldContributions ?? {}).map(([f, v]) => [
            FIELD_LABELS[f] ?? f,
            Math.round(v * 1000) / 1000,
          ]),
        ),
        shared: (r?.shared ?? []).map((s) => ({ attribute: s.attribute, values: [...s.values].map(String) })),
        ...(r?.trl !== undefined ? { trl: r.trl } : {}),
        ...(r?.distanceKm !== undefined ? { distanceKm: Math.round(r.distanceKm * 10) / 10 } : {}),
        parts: Object.fromEntries(
          Object.entries(r?.contributions ?? {}).map(([k, v]) => [k, Math.round((v ?? 0) * 1000) / 1000]),
        ),
      },
    })
  }
  return out
}

/**
 * 需求找成果 from free text (the public portal and integrations): over the active achievements the caller may see,
 * within the given jurisdictions when there are any (the portal's city with its districts and counties).
 */
export async function matchText(
  actor: Actor,
  input: { text: string; limit: number; jurisdictions?: readonly string[] },
) {
  requirePermission(actor, 'match.read')
  const filter = await visibility(actor)
  const area: Filter[] = input.jurisdictions ? [{ attribute: 'jurisdiction', in: [...input.jurisdictions] }] : []
  const response = searchIndex('achievement').search({
    text: input.text,
    filter: { and: [{ attribute: 'status', in: ['active'] }, ...area, ...(filter ? [filter] : [])] },
    limit: input.limit,
    explain: true,
  })
  return { results: await present(actor, 'achievement', response.hits) }
}

async function sourceDocument(actor: Actor, type: string, id: string) {
  const [doc] = await db
    .select()
    .from(searchDocuments)
    .where(and(eq(searchDocuments.recordType, type), eq(searchDocuments.recordId, id)))
  const a = doc?.attributes ?? {}
  const visible =
    doc &&
    canSee(viewerOf(actor, await secretScope(actor)), {
      confidentiality: (a.confidentiality as 'public' | 'internal' | 'secret') ?? 'secret',
      ownerOrgId: String(a.ownerOrg ?? ''),
      jurisdictionCode: String(a.jurisdiction ?? ''),
      grantees: (a.grantees as string[] | undefined) ?? [],
    })
  if (!doc || !visible) throw notFound('记录')
  return doc
}

function wordsOf(doc: typeof searchDocuments.$inferSelect): string[] {
  return Object.values(doc.fields).flatMap((joined) => (joined ? joined.split(' ') : []))
}

/** Record-to-record matching (需求找成果, 成果找企业 …) with 为什么推荐 for every result. */
export async function matchRecord(
  actor: Actor,
  input: { fromType: string; fromId: string; toType: string; limit: number },
) {
  requirePermission(actor, 'match.read')
  const pair = findPair(input.fromType, input.toType)
  if (!pair) throw new AppError('VALIDATION_FAILED', `不支持从“${input.fromType}”匹配“${input.toType}”`)
  const judged = await ownJudgements(actor, { fromType: pair.from, fromKey: input.fromId, toType: pair.to })
  const { hits } = await runPair(actor, pair, input.fromId, listingDepth(input.limit, judged))
  // Results the caller judged stay listed (in their place, below the first `limit` if the re-ranker moved them).
  const results: RecordMatchResult[] = markJudged(
    await present(actor, pair.to, keepJudged(hits, input.limit, judged)),
    judged,
  )
  return { pair: { from: pair.from, to: pair.to, label: pair.label }, results }
}

async function runPair(actor: Actor, pair: MatchPair, fromId: string, limit: number) {
  const source = await sourceDocument(actor, pair.from, fromId)
  const filter = await visibility(actor)
  const words = wordsOf(source).slice(0, 400)
  return searchIndex(pair.to).search({
    words,
    context: contextOf(pair, source.attributes),
    filter: { and: [pair.targetFilter, ...(filter ? [filter] : [])] },
    exclude: [fromId],
    limit,
    explain: true,
  })
}

const featureVector = (values: Record<string, number>): FeatureVector =>
  Object.fromEntries(FEATURE_NAMES.map((name) => [name, values[name] ?? 0])) as FeatureVector

/**
 * Stores a judgement (有意向 / 不相关, or a lead, sign-up, agreement reached from a match) with the features
 * the result had, and retrains the re-ranker of the target type. A 有意向 / 不相关 replaces the person's earlier one
 * on the same result, which the record's listing shows them.
 */
export async function recordFeedback(
  actor: Actor,
  input: {
    fromType: string
    fromId?: string
    text?: string
    toType: string
    toId: string
    kind: FeedbackKind
  },
) {
  requirePermission(actor, 'match.feedback')
  const user = requireUser(actor)
  let hits: readonly SearchHit[]
  let fromKey: string
  if (input.fromType === 'text') {
    if (!input.text)
      throw new AppError('VALIDATION_FAILED', '请提供匹配所用的文本', {
        fields: [{ path: 'text', message: '请提供匹配所用的文本' }],
      })
    fromKey = sm3(input.text.trim())
    hits = searchIndex(input.toType).search({
      text: input.text,
      limit: 100,
      explain: true,
      filter: await visibility(actor),
    }).hits
  } else {
    const pair = findPair(input.fromType, input.toType)
    if (!pair || !input.fromId) throw new AppError('VALIDATION_FAILED', '不支持的匹配方向')
    fromKey = input.fromId
    // As deep as a listing looks for its judged results: what may be judged stays listed once judged.
    hits = (await runPair(actor, pair, input.fromId, JUDGED_DEPTH)).hits
  }
  const hit = hits.find((h) => h.id === input.toId)
  if (!hit?.reasons) throw new AppError('STATE_INVALID', '该结果不在当前匹配结果中，无法记录反馈')
  await db.transaction(async (tx) => {
    await storeFeedback(tx, user, {
      fromType: input.fromType,
      fromKey,
      toType: input.toType,
      toId: input.toId,
      kind: input.kind,
      features: { ...hit.reasons!.features },
    })
    await audit(tx, actor, {
      action: 'match.feedback',
      targetType: input.toType,
      targetId: input.toId,
      detail: { from: input.fromType, kind: input.kind },
    })
  })
  await retrain(input.toType)
  return { recorded: true }
}

/** Trains the target type's re-ranker from every judgement so far and puts it in use in this process. */
export async function retrain(toType: string): Promise<RerankerModel | InvestorReranker | undefined> {
  const rows = await db.select().from(matchFeedback).where(eq(matchFeedback.toType, toType))
  const groups = new Map<string, number>()
  for (const r of rows) groups.set(`${r.fromType}:${r.fromKey}`, (groups.get(`${r.fromType}:${r.fromKey}`) ?? 0) + 1)
  // Pairs need two different judgements of one query; below that there is nothing to learn from.
  if (![...groups.values()].some((n) => n >= 2)) return undefined
  const examples = rows.map((r) => ({
    group: `${r.fromType}:${r.fromKey}`,
    grade: FEEDBACK_GRADES[r.kind],
    features: r.features,
  }))
  // Investors are ranked by their fit's parts, not from a search index: a model over those parts.
  if (toType === 'investor') {
    const model = trainInvestorReranker(examples.map(({ features, ...e }) => ({ ...e, parts: features })))
    await storeModel(toType, model, rows.length)
    setInvestorReranker(model)
    return model
  }
  const model = trainReranker(
    examples.map((e) => ({ ...e, features: featureVector(e.features) })),
    { prior: defaultReranker(toType) },
  )
  await storeModel(toType, model, rows.length)
  searchIndex(toType).reranker = model
  return model
}

async function storeModel(toType: string, model: RerankerModel | InvestorReranker, examples: number) {
  await db
    .insert(rerankerModels)
    .values({ toType, model, examples, trainedAt: now() })
    .onConflictDoUpdate({ target: rerankerModels.toType, set: { model, examples, trainedAt: now() } })
}

let lastLoaded = new Date(0)

/** Puts the stored re-rankers in use (at start, and periodically for models another process trained). */
export async function loadRerankers(): Promise<number> {
  const rows = await db.select().from(rerankerModels).where(gt(rerankerModels.trainedAt, lastLoaded))
  for (const row of rows) {
    if (row.toType === 'investor') setInvestorReranker(row.model as InvestorReranker)
    else searchIndex(row.toType).reranker = row.model as RerankerModel
    if (row.trainedAt > lastLoaded) lastLoaded = row.trainedAt
  }
  return rows.length
}

export async function feedbackStats(_actor: Actor) {
  const rows = await db
    .select({ toType: matchFeedback.toType, kind: matchFeedback.kind, n: count() })
    .from(matchFeedback)
    .groupBy(matchFeedback.toType, matchFeedback.kind)
    .orderBy(desc(count()))
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/**
 * 有意向 and contact the owner, from a match result: the lead goes to the owner, and the match learns from it
 * as positive feedback (a lead weighs more than a click).
 */
export async function leadFromMatch(
  actor: Actor,
  input: { fromType: string; fromId?: string; text?: string; toType: string; toId: string; message?: string },
) {
  const lead = await createLead(actor, { recordType: input.toType, recordId: input.toId, message: input.message })
  await recordFeedback(actor, { ...input, kind: 'lead' }).catch(() => undefined)
  return lead
}

/**
 * A signed agreement — a 许可 or 转让 landing whose counterparty's 统一社会信用代码 is an enterprise in the 企业库 —
 * counts as the strongest positive feedback on each of the project's achievements' matches to that enterprise
 * (成果找企业), where the enterprise is among the matches the person recording it can see. Returns how many were
 * recorded; never fails the landing it comes from.
 */
export async function agreementFromLanding(
  actor: Actor,
  input: { achievementIds: readonly string[]; counterpartyUscc: string },
): Promise<number> {
  const [enterprise] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.uscc, input.counterpartyUscc), eq(organizations.kind, 'enterprise')))
    .limit(1)
  return enterprise ? achievementToEnterprise(actor, input.achievementIds, enterprise.id, 'agreement') : 0
}

/**
 * An enterprise's sign-up for a 路演 / 对接会, naming featured achievements, counts as sign-up feedback on each
 * one's matches to that enterprise (成果找企业), where the enterprise is among them. Returns how many were
 * recorded; never fails the sign-up it comes from.
 */
export async function signupFromEvent(actor: Actor, input: { achievementIds: readonly string[] }): Promise<number> {
  if (actor.kind !== 'user' || input.achievementIds.length === 0) return 0
  const [enterprise] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, actor.orgId), eq(organizations.kind, 'enterprise')))
  return enterprise ? achievementToEnterprise(actor, input.achievementIds, enterprise.id, 'signup') : 0
}

async function achievementToEnterprise(
  actor: Actor,
  achievementIds: readonly string[],
  enterpriseId: string,
  kind: 'signup' | 'agreement',
): Promise<number> {
  let recorded = 0
  for (const achievementId of achievementIds) {
    const feedback = { fromType: 'achievement', fromId: achievementId, toType: 'enterprise', toId: enterpriseId }
    if (
      await recordFeedback(actor, { ...feedback, kind }).then(
        () => true,
        () => false,
      )
    )
      recorded++
  }
  return recorded
}
