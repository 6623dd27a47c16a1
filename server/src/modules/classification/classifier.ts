import { AppError } from '../../platform/errors/errors'
import type { Correction } from './corrections'
import { type PaperRecord, readBaseData, type TitleRecord } from './dataset'
import { type LabelledText, predictProbabilities, trainEnsemble } from './ensemble'
import { CORRECTION_WEIGHT, categorySpec, disciplineSpec } from './model-spec'
import { wordsOf } from './text-features'

export type Prediction = { label: string; confidence: number }
/** The best label with its confidence, and the next best as alternatives (top-k, best first). */
export type RankedPrediction = Prediction & { alternatives: Prediction[] }
export type Classification = { category: RankedPrediction; discipline: RankedPrediction }

export type TrainingData = { titles: readonly TitleRecord[]; papers: readonly PaperRecord[] }

export type Classifier = {
  categories: readonly string[]
  disciplines: readonly string[]
  /** 学科 → its 门类, as the training data assigns them. */
  categoryOfDiscipline: ReadonlyMap<string, string>
  classify(text: string, options?: { topK?: number }): Classification
  /** A new classifier trained on the base data plus every correction so far (this one's and `corrections`). */
  learn(corrections: readonly Correction[]): Classifier
  corrections: readonly Correction[]
  trainMilliseconds: number
}

/** Abstract with its keywords: what a paper says about itself beyond the title. */
export function paperText(paper: Pick<PaperRecord, 'abstract' | 'keywords'>): string {
  return `${paper.keywords.join('，')}。${paper.abstract}`
}

function rank(labels: readonly string[], probabilities: readonly number[], topK: number): RankedPrediction {
  const order = labels.map((label, i) => ({ label, confidence: probabilities[i]! }))
  order.sort((a, b) => b.confidence - a.confidence)
  const [best, ...rest] = order
  return { label: best!.label, confidence: best!.confidence, alternatives: rest.slice(0, Math.max(0, topK - 1)) }
}

function checkCorrections(corrections: readonly Correction[], categories: Set<string>, disciplines: Set<string>) {
  for (const c of corrections) {
    if (c.category && !categories.has(c.category)) {
      throw new AppError('VALIDATION_FAILED', `学科门类“${c.category}”不在分类体系内`, { category: c.category })
    }
    if (c.discipline && !disciplines.has(c.discipline)) {
      throw new AppError('VALIDATION_FAILED', `一级学科“${c.discipline}”不在分类体系内`, { discipline: c.discipline })
    }
  }
}

/** Trains both models from base data plus corrections (a correction's 学科 also implies its 门类). */
export function trainClassifier(data: TrainingData, corrections: readonly Correction[] = []): Classifier {
  const started = performance.now()
  const categoryOfDiscipline = new Map(data.papers.map((p) => [p.discipline, p.category]))
  const categories = [...new Set([...data.titles, ...data.papers].map((r) => r.category))].sort()
  const disciplines = [...categoryOfDiscipline.keys()].sort()
  checkCorrections(corrections, new Set(categories), categoryOfDiscipline.size ? new Set(disciplines) : new Set())

  const paperDocs = data.papers.map((p) => ({ title: p.title, body: paperText(p), paper: p }))
  const correctionWords = corrections.map((c) => wordsOf(c.text))
  const categoryExamples: LabelledText[] = [
    ...data.titles.map((t) => ({ text: t.title, label: t.category })),
    ...paperDocs.flatMap(({ title, body, paper }) => [
      { text: title, label: paper.category },
      { text: body, label: paper.category },
    ]),
    ...corrections.flatMap((c, i) => {
      const label = c.category ?? (c.discipline ? categoryOfDiscipline.get(c.discipline) : undefined)
      return label ? [{ text: c.text, words: correctionWords[i], label, weight: CORRECTION_WEIGHT }] : []
    }),
  ]
  const disciplineExamples: LabelledText[] = [
    ...paperDocs.flatMap(({ title, body, paper }) => [
      { text: title, label: paper.discipline },
      { text: body, label: paper.discipline },
    ]),
    ...corrections.flatMap((c, i) =>
      c.discipline ? [{ text: c.text, words: correctionWords[i], label: c.discipline, weight: CORRECTION_WEIGHT }] : [],
    ),
  ]
  const category = trainEnsemble(categoryExamples, categories, categorySpec.members, categorySpec.scales)
  const discipline = trainEnsemble(disciplineExamples, disciplines, disciplineSpec.members, disciplineSpec.scales)
  const categoryIndexOfDiscipline = disciplines.map((d) => categories.indexOf(categoryOfDiscipline.get(d)!))
  const trainMilliseconds = performance.now() - started

  return {
    categories,
    disciplines,
    categoryOfDiscipline,
    corrections,
    trainMilliseconds,
    classify(text, options = {}) {
      const topK = options.topK ?? 3
      const words = wordsOf(text)
      const categoryProbabilities = predictProbabilities(category, text, words)
      return {
        category: rank(categories, categoryProbabilities, topK),
        // Hierarchy as evidence: log P(门类) of the category model is one more member of the 学科 ensemble.
        discipline: rank(
          disciplines,
          predictProbabilities(discipline, text, words, [
            categoryIndexOfDiscipline.map((k) => Math.log(Math.max(1e-12, categoryProbabilities[k] ?? 0))),
          ]),
          topK,
        ),
      }
    },
    learn(more) {
      return trainClassifier(data, [...corrections, ...more])
    },
  }
}

/** The server's entry point: trains on the committed data (data/classification/) plus stored corrections. */
export async function loadClassifier(options: { corrections?: readonly Correction[]; dataDir?: string } = {}) {
  return trainClassifier(readBaseData(options.dataDir), options.corrections ?? [])
}
