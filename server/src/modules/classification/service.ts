import { asc } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { industryNames, qualify, systemsFor } from '../industries/service'
import { learnInBackground } from './background-learn'
import { type Classifier, loadClassifier } from './classifier'
import type { Correction } from './corrections'
import { learnIndustryMemory, suggestIndustries } from './industries'
import { classificationCorrections } from './schema'

let current: Promise<Classifier> | undefined
let corrections: Correction[] = []
let relearn: NodeJS.Timeout | undefined

/** The classifier of this process: the committed model plus every stored correction, loaded once. */
export function classifier(): Promise<Classifier> {
  if (!current) {
    current = (async () => {
      const rows = await db.select().from(classificationCorrections).orderBy(asc(classificationCorrections.createdAt))
      corrections = rows.map(toCorrection)
      return loadClassifier({ corrections })
    })()
    current.catch(() => {
      current = undefined
    })
  }
  return current
}

function toCorrection(r: typeof classificationCorrections.$inferSelect): Correction {
  return {
    text: r.text,
    category: r.category ?? undefined,
    discipline: r.discipline ?? undefined,
    jurisdiction: r.jurisdictionCode ?? undefined,
    industryCodes: r.industryCodes.map((c) => c.split(':')[1] ?? c),
  }
}

export type Suggestion = {
  category: { label: string; confidence: number; alternatives: { label: string; confidence: number }[] }
  discipline: { label: string; confidence: number; alternatives: { label: string; confidence: number }[] }
  industries: { code: string; name: string; confidence: number; matched: string[] }[]
}

/** Suggested 学科门类, 一级学科 and industry nodes of the area's systems, each with a confidence. */
export async function classifyText(_actor: Actor, text: string, jurisdictionCode?: string): Promise<Suggestion> {
  const model = await classifier()
  const { category, discipline } = model.classify(text, { topK: 3 })
  const industries: Suggestion['industries'] = []
  if (jurisdictionCode) {
    for (const system of await systemsFor(jurisdictionCode)) {
      const memory = learnIndustryMemory(
        corrections.filter((c) => c.jurisdiction === jurisdictionCode),
        jurisdictionCode,
      )
      const nodes = system.nodes.map((n) => ({
        code: n.code,
        name: n.name,
        parentCode: n.parentCode,
        keywords: n.keywords ?? [],
      }))
      for (const s of suggestIndustries(text, nodes, { limit: 5, memory })) {
        industries.push({
          code: qualify(system.code, s.code),
          name: s.name,
          confidence: s.confidence,
          matched: s.matched,
        })
      }
    }
  }
  industries.sort((a, b) => b.confidence - a.confidence)
  const names = await industryNames(industries.map((i) => i.code))
  return {
    category,
    discipline,
    industries: industries.slice(0, 8).map((i) => ({ ...i, name: names.get(i.code) ?? i.name })),
  }
}

/**
 * Stores what a person chose for a record (confirmation or correction) in the record's transaction; the
 * classifier relearns shortly after, so later suggestions for similar texts follow the people who know.
 */
export async function recordClassification(
  tx: Transaction,
  actor: Actor,
  record: {
    type: string
    id: string
    text: string
    category: string | null
    discipline: string | null
    jurisdictionCode: string
    industryCodes: string[]
  },
  suggested?: unknown,
): Promise<void> {
  if (!record.category && !record.discipline && record.industryCodes.length === 0) return
  const row = {
    id: newId(),
    recordType: record.type,
    recordId: record.id,
    text: record.text.slice(0, 4000),
    category: record.category,
    discipline: record.discipline,
    jurisdictionCode: record.jurisdictionCode,
    industryCodes: record.industryCodes,
    suggested: suggested ?? null,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    createdAt: now(),
  }
  await tx.insert(classificationCorrections).values(row)
  corrections.push(toCorrection(row as typeof classificationCorrections.$inferSelect))
  scheduleRelearn()
}

let learning: Promise<void> | undefined

/**
 * Relearns in a worker thread while the current model keeps answering; the new model replaces it only
 * once trained. Corrections arriving meanwhile are picked up by the next round.
 */
function relearnInBackground(): Promise<void> {
  if (learning) return learning.then(() => relearnInBackground())
  // Not loaded yet: the first classifier() call loads every stored correction anyway.
  if (!current) return Promise.resolve()
  const loaded = current
  const round = (async () => {
    try {
      const model = await loaded
      if (model.corrections.length === corrections.length) return
      const learned = await learnInBackground(corrections.slice())
      current = Promise.resolve(learned)
    } catch (error) {
      // A failed round keeps the previous model; the next correction tries again.
      console.error('classifier relearn failed:', (error as Error).message)
    }
  })()
  learning = round.finally(() => {
    learning = undefined
  })
  return learning
}

function scheduleRelearn() {
  if (relearn) return
  relearn = setTimeout(() => {
    relearn = undefined
    void relearnInBackground()
  }, 5_000)
  relearn.unref()
}

/** Tests: relearn now instead of after the debounce, and wait until the new model answers. */
export async function relearnNow(): Promise<void> {
  if (relearn) clearTimeout(relearn)
  relearn = undefined
  await relearnInBackground()
}
