import { AppError } from '../../platform/errors/errors'
import type { Correction } from './corrections'
import { DATA_DIR, type PaperRecord, readBaseData, type TitleRecord } from './dataset'
import {
  type Ensemble,
  type Hierarchy,
  type LabelledText,
  type MemberSpec,
  predictProbabilities,
  type TermsCache,
  trainEnsemble,
} from './ensemble'
import { CORRECTION_WEIGHT, categorySpec, disciplineSpec, type Scales } from './model-spec'
import {
  decodeDual,
  encodeDual,
  featureFingerprint,
  fingerprint,
  readSnapshot,
  type Snapshot,
  type SnapshotUse,
} from './snapshot'
import { wordsOf as segment } from './text-features'

export type Prediction = { label: string; confidence: number }
/** The best label with its confidence, and the next best as alternatives (top-k, best first). */
export type RankedPrediction = Prediction & { alternatives: Prediction[] }
export type Classification = { category: RankedPrediction; discipline: RankedPrediction }

export type TrainingData = { titles: readonly TitleRecord[]; papers: readonly PaperRecord[] }
export type TrainOptions = {
  /** Solved SVM α for the base data: used when their fingerprint matches, so start-up skips the solve. */
  snapshot?: Snapshot
  /** Passes over base data + corrections when resuming from a snapshot (0 when there are no corrections). */
  warmEpochs?: number
  /** jieba words by text, reused across learn() calls so the base data is segmented once per process. */
  segmented?: Map<string, string[]>
}

export type Classifier = {
  categories: readonly string[]
  disciplines: readonly string[]
  /** 学科 → its 门类, as the training data assigns them. */
  categoryOfDiscipline: ReadonlyMap<string, string>
  classify(text: string, options?: { topK?: number }): Classification
  /** A new classifier trained on the base data plus every correction so far (this one's and `corrections`). */
  learn(corrections: readonly Correction[]): Classifier
  /** The solved α of the base data, for data/classification/ (only without corrections). */
  snapshot(): Snapshot
  corrections: readonly Correction[]
  /** How each model used the snapshot (see SnapshotUse). */
  fromSnapshot: { category: SnapshotUse; discipline: SnapshotUse }
  trainMilliseconds: number
  /** The trained models as plain data (see ClassifierState). */
  state(): ClassifierState
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

type Task = {
  labels: string[]
  members: MemberSpec[]
  scales: Scales
  base: LabelledText[]
  extra: LabelledText[]
  hierarchy?: Hierarchy
}

/** Trains one task, resuming from the snapshot's α when they were solved on this base data. */
function trainTask(name: string, task: Task, options: TrainOptions): TrainedTask {
  const print = fingerprint(task.labels, task.members, task.base)
  const featurePrint = featureFingerprint(task.base)
  const saved = options.snapshot?.tasks[name]
  const use: SnapshotUse =
    saved?.fingerprint !== print ? 'unused' : saved.featureFingerprint === featurePrint ? 'exact' : 'resumed'
  const epochs = use === 'exact' && task.extra.length === 0 ? 0 : (options.warmEpochs ?? 3)
  const members =
    use === 'unused'
      ? task.members
      : task.members.map((m) =>
          m.model.learner.kind === 'svm' || m.model.learner.kind === 'nbsvm' || m.model.learner.kind === 'subclassSvm'
            ? { ...m, model: { ...m.model, learner: { ...m.model.learner, epochs } } }
            : m,
        )
  const duals =
    use === 'unused'
      ? []
      : task.members.map((m) => (saved?.duals[m.name] ? decodeDual(saved.duals[m.name]!) : undefined))
  const ensemble = trainEnsemble(
    [...task.base, ...task.extra],
    task.labels,
    members,
    task.scales,
    duals,
    task.hierarchy,
  )
  return { ensemble, fingerprint: print, featureFingerprint: featurePrint, use }
}

/** Trains both models from base data plus corrections (a correction's 学科 also implies its 门类). */
export function trainClassifier(
  data: TrainingData,
  corrections: readonly Correction[] = [],
  options: TrainOptions = {},
): Classifier {
  const started = performance.now()
  const categoryOfDiscipline = new Map(data.papers.map((p) => [p.discipline, p.category]))
  const categories = [...new Set([...data.titles, ...data.papers].map((r) => r.category))].sort()
  const disciplines = [...categoryOfDiscipline.keys()].sort()
  checkCorrections(corrections, new Set(categories), new Set(disciplines))

  // Each text is segmented once, shared by both tasks and kept for later learn() calls.
  const segmented = options.segmented ?? new Map<string, string[]>()
  const wordsOf = (text: string) => {
    let words = segmented.get(text)
    if (!words) {
      words = segment(text)
      segmented.set(text, words)
    }
    return words
  }
  const papers = data.papers.map((p) => {
    const body = paperText(p)
    return { paper: p, title: { text: p.title, words: wordsOf(p.title) }, body: { text: body, words: wordsOf(body) } }
  })
  const corrected = corrections.map((c) => ({ correction: c, words: wordsOf(c.text) }))
  const category = trainTask(
    'category',
    {
      labels: categories,
      ...categorySpec,
      base: [
        ...data.titles.map((t) => ({ text: t.title, words: wordsOf(t.title), label: t.category })),
        ...papers.flatMap(({ paper, title, body }) => [
          { ...title, label: paper.category, subLabel: paper.discipline },
          { ...body, label: paper.category, subLabel: paper.discipline },
        ]),
      ],
      extra: corrected.flatMap(({ correction: c, words }) => {
        const label = c.category ?? (c.discipline ? categoryOfDiscipline.get(c.discipline) : undefined)
        return label ? [{ text: c.text, words, label, weight: CORRECTION_WEIGHT, subLabel: c.discipline }] : []
      }),
      // 学科 as latent subclasses of each 门类 (subclassSvm members).
      hierarchy: { subLabels: disciplines, classOf: categoryOfDiscipline },
    },
    options,
  )
  const discipline = trainTask(
    'discipline',
    {
      labels: disciplines,
      ...disciplineSpec,
      base: papers.flatMap(({ paper, title, body }) => [
        { ...title, label: paper.discipline },
        { ...body, label: paper.discipline },
      ]),
      extra: corrected.flatMap(({ correction: c, words }) =>
        c.discipline ? [{ text: c.text, words, label: c.discipline, weight: CORRECTION_WEIGHT }] : [],
      ),
    },
    options,
  )
  return classifierFromState(
    {
      categories,
      disciplines,
      categoryOfDiscipline: [...categoryOfDiscipline],
      corrections: [...corrections],
      trainMilliseconds: performance.now() - started,
      tasks: { category, discipline },
    },
    (all) => trainClassifier(data, all, { ...options, segmented }),
  )
}

type TrainedTask = { ensemble: Ensemble; fingerprint: string; featureFingerprint: string; use: SnapshotUse }

/**
 * Everything a trained classifier knows, as plain data (maps, arrays, typed arrays): what a worker thread
 * posts back after relearning (structured clone keeps the shared feature-spec objects shared).
 */
export type ClassifierState = {
  categories: string[]
  disciplines: string[]
  categoryOfDiscipline: [string, string][]
  corrections: Correction[]
  trainMilliseconds: number
  tasks: { category: TrainedTask; discipline: TrainedTask }
}

/** The typed arrays' buffers of a state, to transfer to another thread instead of copying them. */
export function stateBuffers(state: ClassifierState): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  const add = (array: ArrayBufferView) => {
    if (array.buffer instanceof ArrayBuffer && array.byteLength === array.buffer.byteLength) buffers.add(array.buffer)
  }
  for (const task of [state.tasks.category, state.tasks.discipline]) {
    for (const { model } of task.ensemble.members) {
      add(model.vectorizer.featureWeights)
      add(model.model.weights)
      add(model.model.bias)
      for (const alpha of model.model.dual ?? []) add(alpha)
    }
  }
  return [...buffers]
}

/** A classifier over a trained state; `retrain` trains anew on the base data plus the given corrections. */
export function classifierFromState(
  state: ClassifierState,
  retrain: (corrections: readonly Correction[]) => Classifier,
): Classifier {
  const { categories, disciplines, corrections } = state
  const { category, discipline } = state.tasks
  const categoryOfDiscipline = new Map(state.categoryOfDiscipline)
  const categoryIndexOfDiscipline = disciplines.map((d) => categories.indexOf(categoryOfDiscipline.get(d)!))

  return {
    categories,
    disciplines,
    categoryOfDiscipline,
    corrections,
    trainMilliseconds: state.trainMilliseconds,
    fromSnapshot: { category: category.use, discipline: discipline.use },
    state: () => state,
    classify(text, classifyOptions = {}) {
      const topK = classifyOptions.topK ?? 3
      const words = segment(text)
      const terms: TermsCache = new Map()
      const categoryProbabilities = predictProbabilities(category.ensemble, text, words, [], terms)
      return {
        category: rank(categories, categoryProbabilities, topK),
        // Hierarchy as evidence: log P(门类) of the category model is one more member of the 学科 ensemble.
        discipline: rank(
          disciplines,
          predictProbabilities(
            discipline.ensemble,
            text,
            words,
            [categoryIndexOfDiscipline.map((k) => Math.log(Math.max(1e-12, categoryProbabilities[k] ?? 0)))],
            terms,
          ),
          topK,
        ),
      }
    },
    learn(more) {
      return retrain([...corrections, ...more])
    },
    snapshot() {
      if (corrections.length > 0) throw new Error('a snapshot holds the base data only; build it without corrections')
      const tasks: Snapshot['tasks'] = {}
      for (const [name, task] of [
        ['category', category],
        ['discipline', discipline],
      ] as const) {
        const duals: Record<string, string[]> = {}
        for (const { spec, model } of task.ensemble.members)
          if (model.model.dual) duals[spec.name] = encodeDual(model.model.dual)
        tasks[name] = { fingerprint: task.fingerprint, featureFingerprint: task.featureFingerprint, duals }
      }
      return { version: 1, tasks }
    },
  }
}

/**
 * The server's entry point: the committed data (data/classification/, 公开论文元数据（CSL）) plus stored
 * corrections, resuming from the committed snapshot of solved α when it matches that data.
 */
export async function loadClassifier(options: { corrections?: readonly Correction[]; dataDir?: string } = {}) {
  const dir = options.dataDir ?? DATA_DIR
  return trainClassifier(readBaseData(dir), options.corrections ?? [], { snapshot: readSnapshot(dir) })
}
