import type { Correction } from './corrections'
import { INDUSTRY_LEXICON } from './industry-lexicon'
import { normalizeText, wordsOf } from './text-features'

/** One node of a jurisdiction's industry system (each city its own tree; see data/ and the seeds). */
export type IndustryNode = {
  code: string
  name: string
  parentCode: string | null
  keywords?: readonly string[]
  description?: string
}

/** A suggested node; `matched` are the words that made it (the reason shown to the person). */
export type IndustrySuggestion = { code: string; name: string; confidence: number; matched: string[]; via?: string }

/** What past corrections taught for one jurisdiction: how often each word came with each code. */
export type IndustryMemory = { byCode: Map<string, Map<string, number>>; wordCounts: Map<string, number> }

// Words too common in names and texts to point at one industry.
const GENERIC = new Set(
  '产业 行业 技术 服务 设备 系统 新兴 未来 先导 特色 现代 领域 高端 新型 前沿 其他 相关 制造 新一代 智能 绿色 数字 经济 产品 应用 研究 开发 方法 基于 分析 设计 及其 一种 实现 影响 中国 我国 问题 发展 建设 体系 装置 工艺 平台 项目 工程'.split(
    ' ',
  ),
)
const WEIGHT = { name: 3, keyword: 2, nameWord: 1, lexicon: 1, description: 0.5, learned: 1.5 } as const
// A parent is as relevant as a fraction of its best child: 具身智能机器人 also says 人工智能.
const PARENT_SHARE = 0.5
// Score → (0, 1): one exact name match ≈ 0.7. A match strength, not a calibrated probability (no labelled data).
const SCORE_SCALE = 2.5
// A phrase found inside a longer word (纤维 in 神经纤维) is weaker evidence than a whole word.
const INSIDE_WORD = 0.5

type Prepared = { phrases: Map<string, { code: string; weight: number }[]>; nodes: Map<string, IndustryNode> }
// Keyed by content, not identity: callers rebuild node arrays per request. Bounded: systems are few.
const preparedSystems = new Map<string, Prepared>()
const PREPARED_LIMIT = 64
// A stored correction's words, segmented once per process however often memories are rebuilt.
const correctionWords = new WeakMap<Correction, string[]>()

function isUseful(word: string): boolean {
  return Array.from(word).length >= 2 && !GENERIC.has(word)
}

function prepare(system: readonly IndustryNode[]): Prepared {
  const key = JSON.stringify(system.map((n) => [n.code, n.name, n.parentCode, n.keywords ?? [], n.description ?? '']))
  const cached = preparedSystems.get(key)
  if (cached) return cached
  const perNode = new Map<string, Map<string, number>>()
  const add = (code: string, phrase: string, weight: number) => {
    const text = normalizeText(phrase.trim())
    if (!isUseful(text)) return
    const phrases = perNode.get(code) ?? new Map<string, number>()
    phrases.set(text, Math.max(phrases.get(text) ?? 0, weight))
    perNode.set(code, phrases)
  }
  for (const node of system) {
    add(node.code, node.name, WEIGHT.name)
    for (const word of wordsOf(node.name)) add(node.code, word, WEIGHT.nameWord)
    for (const keyword of node.keywords ?? []) add(node.code, keyword, WEIGHT.keyword)
    for (const [key, words] of Object.entries(INDUSTRY_LEXICON)) {
      if (node.name.includes(key)) for (const word of words) add(node.code, word, WEIGHT.lexicon)
    }
    for (const word of wordsOf(node.description ?? '')) add(node.code, word, WEIGHT.description)
  }
  // A phrase shared by k nodes says less about each: weight / √k.
  const phrases = new Map<string, { code: string; weight: number }[]>()
  for (const [code, own] of perNode) {
    for (const [phrase, weight] of own) phrases.set(phrase, [...(phrases.get(phrase) ?? []), { code, weight }])
  }
  for (const entries of phrases.values()) {
    const share = Math.sqrt(entries.length)
    for (const entry of entries) entry.weight /= share
  }
  const prepared = { phrases, nodes: new Map(system.map((n) => [n.code, n])) }
  if (preparedSystems.size >= PREPARED_LIMIT) preparedSystems.delete(preparedSystems.keys().next().value!)
  preparedSystems.set(key, prepared)
  return prepared
}

/**
 * Ranks the nodes of one industry system for a text: substring matches of each node's name, its words,
 * its keywords, default lexicon words and description words, plus what corrections taught (`memory`).
 */
export function suggestIndustries(
  text: string,
  system: readonly IndustryNode[],
  options: { limit?: number; memory?: IndustryMemory } = {},
): IndustrySuggestion[] {
  const { phrases, nodes } = prepare(system)
  const normalized = normalizeText(text)
  const scores = new Map<string, { score: number; matched: Map<string, number>; via?: string }>()
  const credit = (code: string, word: string, weight: number) => {
    const entry = scores.get(code) ?? { score: 0, matched: new Map<string, number>() }
    entry.score += weight
    entry.matched.set(word, (entry.matched.get(word) ?? 0) + weight)
    scores.set(code, entry)
  }
  const boundaries = wordBoundaries(normalized)
  for (const [phrase, entries] of phrases) {
    const strength = matchStrength(normalized, phrase, boundaries)
    if (strength > 0) for (const { code, weight } of entries) credit(code, phrase, weight * strength)
  }
  if (options.memory) {
    for (const word of new Set(wordsOf(text).filter(isUseful))) {
      const seen = options.memory.wordCounts.get(word)
      if (!seen) continue
      for (const [code, words] of options.memory.byCode) {
        const together = words.get(word)
        if (together && nodes.has(code)) credit(code, word, (WEIGHT.learned * together) / seen)
      }
    }
  }
  propagateToParents(scores, nodes)
  return [...scores.entries()]
    .filter(([, entry]) => entry.score > 0)
    .sort(([a, x], [b, y]) => y.score - x.score || (a < b ? -1 : 1))
    .slice(0, options.limit ?? 5)
    .map(([code, entry]) => ({
      code,
      name: nodes.get(code)!.name,
      confidence: 1 - Math.exp(-entry.score / SCORE_SCALE),
      matched: [...entry.matched.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word),
      ...(entry.via ? { via: entry.via } : {}),
    }))
}

/** Character offsets where jieba puts a word boundary in the text. */
function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length])
  let from = 0
  for (const word of wordsOf(text)) {
    const at = text.indexOf(word, from)
    if (at < 0) continue
    boundaries.add(at)
    boundaries.add(at + word.length)
    from = at + word.length
  }
  return boundaries
}

/** 1 when the phrase occurs on word boundaries, 0.5 inside a word (纤维 in 神经纤维), 0 when absent. */
function matchStrength(text: string, phrase: string, boundaries: Set<number>): number {
  let best = 0
  for (let at = text.indexOf(phrase); at >= 0 && best < 1; at = text.indexOf(phrase, at + 1)) {
    best = Math.max(best, boundaries.has(at) && boundaries.has(at + phrase.length) ? 1 : INSIDE_WORD)
  }
  return best
}

function propagateToParents(
  scores: Map<string, { score: number; matched: Map<string, number>; via?: string }>,
  nodes: Map<string, IndustryNode>,
) {
  const own = new Map([...scores].map(([code, entry]) => [code, entry.score]))
  const best = new Map<string, { score: number; child: string }>()
  for (const [code, score] of own) {
    // Walk up the chain: each ancestor hears of its best-matching descendant, halved per level.
    let share = score * PARENT_SHARE
    let parent = nodes.get(code)?.parentCode
    const seen = new Set<string>([code])
    while (parent && nodes.has(parent) && !seen.has(parent)) {
      seen.add(parent)
      if (share > (best.get(parent)?.score ?? 0)) best.set(parent, { score: share, child: code })
      share *= PARENT_SHARE
      parent = nodes.get(parent)?.parentCode
    }
  }
  for (const [parent, { score, child }] of best) {
    const entry = scores.get(parent) ?? { score: 0, matched: new Map<string, number>() }
    entry.score += score
    entry.via = nodes.get(child)!.name
    scores.set(parent, entry)
  }
}

/** Counts, per jurisdiction, which words came with which confirmed industry codes. */
export function learnIndustryMemory(corrections: readonly Correction[], jurisdiction: string): IndustryMemory {
  const memory: IndustryMemory = { byCode: new Map(), wordCounts: new Map() }
  for (const correction of corrections) {
    if (correction.jurisdiction !== jurisdiction || !correction.industryCodes?.length) continue
    let useful = correctionWords.get(correction)
    if (!useful) {
      useful = wordsOf(correction.text).filter(isUseful)
      correctionWords.set(correction, useful)
    }
    const words = new Set(useful)
    for (const word of words) memory.wordCounts.set(word, (memory.wordCounts.get(word) ?? 0) + 1)
    for (const code of new Set(correction.industryCodes)) {
      const counts = memory.byCode.get(code) ?? new Map<string, number>()
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
      memory.byCode.set(code, counts)
    }
  }
  return memory
}
