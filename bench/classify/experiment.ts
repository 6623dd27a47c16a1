// Experimental non-linear members (kNN, MLP) scored out of fold with exactly tune.ts's documents and folds.
// Never reads csl-heldout. Usage: npx tsx bench/classify/experiment.ts <name> ; caches like tune.ts.
import fs from 'node:fs'
import { paperText } from '../../server/src/modules/classification/classifier'
import { stratifiedFolds } from '../../server/src/modules/classification/cross-validation'
import { readBaseData } from '../../server/src/modules/classification/dataset'
import { scoreLinear } from '../../server/src/modules/classification/linear-model'
import { trainLinearSvm } from '../../server/src/modules/classification/linear-svm'
import { trainNbSvm } from '../../server/src/modules/classification/nb-svm'
import { createRandom, shuffle } from '../../server/src/modules/classification/random'
import { l2Normalize, type SparseVector } from '../../server/src/modules/classification/sparse'
import { extractTerms, type FeatureSpec, wordsOf } from '../../server/src/modules/classification/text-features'
import { countDocuments, countTerms, fitVectorizer, weigh } from '../../server/src/modules/classification/vectorizer'

const { titles, papers } = readBaseData()
const labels = [...new Set(titles.map((t) => t.category))].sort()
type Doc = {
  group: string
  text: string
  label: string
  discipline?: string
  evaluate?: 'short' | 'long'
  words: string[]
  weight: number
}
const docs: Doc[] = [
  ...titles.map((t) => ({ group: t.id, text: t.title, label: t.category, evaluate: 'short' as const })),
  ...papers.map((p) => ({
    group: p.id,
    text: p.title,
    label: p.category,
    discipline: p.discipline,
    evaluate: 'short' as const,
  })),
  ...papers.map((p) => ({
    group: p.id,
    text: paperText(p),
    label: p.category,
    discipline: p.discipline,
    evaluate: 'long' as const,
  })),
].map((d) => ({ ...d, words: wordsOf(d.text), weight: 1 }))
const titleIndices = docs.flatMap((d, i) => (d.evaluate === 'short' ? [i] : []))
const folds = stratifiedFolds(
  titleIndices.map((i) => labels.indexOf(docs[i]!.label)),
  5,
  7,
)
const foldOf = new Map(titleIndices.map((i, n) => [docs[i]!.group, folds[n]!]))
const K = labels.length

const name = process.argv[2] ?? 'knn-wc12-k30'
const param = (key: string, fallback: number) => {
  const m = new RegExp(`-${key}([0-9.]+(?:e-?[0-9]+)?)(?:-|$)`).exec(name)
  return m ? Number(m[1]) : fallback
}
const featureSets: Record<string, FeatureSpec> = {
  wc12: { words: true, wordBigrams: false, charNgrams: [1, 2] },
  wc123: { words: true, wordBigrams: false, charNgrams: [1, 2, 3] },
  c123: { words: false, wordBigrams: false, charNgrams: [1, 2, 3] },
  wbc123: { words: true, wordBigrams: true, charNgrams: [1, 2, 3] },
}
const spec = featureSets[name.split('-')[1]!]!

type Trained = (x: SparseVector) => number[]

function trainKnn(xs: SparseVector[], ys: number[], featureCount: number): Trained {
  const k = param('k', 30)
  const power = param('p', 1)
  // Inverted index.
  const postings: { doc: number; value: number }[][] = Array.from({ length: featureCount }, () => [])
  xs.forEach((x, d) => {
    for (let i = 0; i < x.indices.length; i++) postings[x.indices[i]!]!.push({ doc: d, value: x.values[i]! })
  })
  const sims = new Float64Array(xs.length)
  return (x) => {
    sims.fill(0)
    const touched: number[] = []
    for (let i = 0; i < x.indices.length; i++) {
      for (const { doc, value } of postings[x.indices[i]!] ?? []) {
        if (sims[doc] === 0) touched.push(doc)
        sims[doc]! += value * x.values[i]!
      }
    }
    touched.sort((a, b) => sims[b]! - sims[a]!)
    const out = new Array<number>(K).fill(1e-3)
    for (const d of touched.slice(0, k)) out[ys[d]!]! += sims[d]! ** power
    return out.map(Math.log)
  }
}

function trainMlp(xs: SparseVector[], ys: number[], ws: number[], featureCount: number): Trained {
  const H = param('h', 128)
  const epochs = param('e', 8)
  const lr = param('lr', 0.05)
  const dropout = param('d', 0.3)
  const random = createRandom(1)
  const W1 = new Float32Array(featureCount * H).map(() => (random() - 0.5) * param('i', 1))
  const b1 = new Float32Array(H)
  const W2 = new Float32Array(H * K).map(() => (random() - 0.5) * 2 * Math.sqrt(6 / (H + K)))
  const b2 = new Float32Array(K)
  const h = new Float32Array(H)
  const mask = new Float32Array(H)
  const p = new Float64Array(K)
  const gh = new Float32Array(H)
  const forward = (x: SparseVector, train: boolean) => {
    h.set(b1)
    for (let i = 0; i < x.indices.length; i++) {
      const off = x.indices[i]! * H
      const v = x.values[i]!
      for (let j = 0; j < H; j++) h[j]! += v * W1[off + j]!
    }
    for (let j = 0; j < H; j++) {
      mask[j] = train && random() < dropout ? 0 : train ? 1 / (1 - dropout) : 1
      h[j] = h[j]! > 0 ? h[j]! * mask[j]! : 0
    }
    let max = Number.NEGATIVE_INFINITY
    for (let k = 0; k < K; k++) {
      let s = b2[k]!
      for (let j = 0; j < H; j++) s += h[j]! * W2[j * K + k]!
      p[k] = s
      if (s > max) max = s
    }
    return max
  }
  const order = xs.map((_, i) => i)
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random)
    const eta = lr * (1 - epoch / epochs) + 1e-4
    for (const n of order) {
      const x = xs[n]!
      const max = forward(x, true)
      let sum = 0
      for (let k = 0; k < K; k++) {
        p[k] = Math.exp(p[k]! - max)
        sum += p[k]!
      }
      gh.fill(0)
      for (let k = 0; k < K; k++) {
        const g = ws[n]! * (p[k]! / sum - (k === ys[n] ? 1 : 0))
        b2[k]! -= eta * g
        for (let j = 0; j < H; j++) {
          gh[j]! += g * W2[j * K + k]!
          W2[j * K + k]! -= eta * g * h[j]!
        }
      }
      for (let j = 0; j < H; j++) gh[j] = h[j]! > 0 ? gh[j]! * mask[j]! : 0
      for (let j = 0; j < H; j++) b1[j]! -= eta * gh[j]!
      for (let i = 0; i < x.indices.length; i++) {
        const row = x.indices[i]!
        const v = x.values[i]!
        const step = eta * param('li', 1)
        const off = row * H
        for (let j = 0; j < H; j++) W1[off + j]! -= step * v * gh[j]!
      }
    }
  }
  return (x) => {
    forward(x, false)
    return Array.from(p)
  }
}

function trainSvm(xs: SparseVector[], ys: number[], ws: number[], featureCount: number): Trained {
  const examples = xs.map((x, i) => ({ x, label: ys[i]!, weight: ws[i]! }))
  const model = name.startsWith('nbsvm')
    ? trainNbSvm(examples, featureCount, K, { cost: param('c', 1), epochs: 10, seed: 1, alpha: 1 })
    : trainLinearSvm(examples, featureCount, K, { cost: param('c', 1), epochs: 10, seed: 1 })
  return (x) => Array.from(scoreLinear(model, x))
}

/** 学科 as latent subclasses of each 门类: dev docs keep theirs, other titles get the best 学科 of their 门类. */
const disciplines = [...new Set(papers.map((p) => p.discipline))].sort()
const categoryOfDiscipline = disciplines.map((d) => labels.indexOf(papers.find((p) => p.discipline === d)!.category))
function trainSubclasses(xs: SparseVector[], ys: number[], ws: number[], train: Doc[], featureCount: number): Trained {
  const D = disciplines.length
  const cost = param('c', 1)
  const known = train.flatMap((d, i) => (d.discipline ? [i] : []))
  let model = trainLinearSvm(
    known.map((i) => ({ x: xs[i]!, label: disciplines.indexOf(train[i]!.discipline!), weight: 1 })),
    featureCount,
    D,
    { cost, epochs: 10, seed: 1 },
  )
  let sub: number[] = []
  for (let round = 0; round < param('r', 1); round++) {
    sub = xs.map((x, i) => {
      if (train[i]!.discipline) return disciplines.indexOf(train[i]!.discipline!)
      const scores = scoreLinear(model, x)
      let best = -1
      for (let d = 0; d < D; d++)
        if (categoryOfDiscipline[d] === ys[i] && (best < 0 || scores[d]! > scores[best]!)) best = d
      return best
    })
    const stage2 = xs.map((x, i) => ({ x, label: sub[i]!, weight: ws[i]! }))
    model = name.startsWith('subnb')
      ? trainNbSvm(stage2, featureCount, D, { cost, epochs: 10, seed: 1, alpha: 1 })
      : trainLinearSvm(stage2, featureCount, D, { cost, epochs: 10, seed: 1 })
  }
  return (x) => {
    const scores = scoreLinear(model, x)
    const out = new Array<number>(K).fill(Number.NEGATIVE_INFINITY)
    for (let d = 0; d < D; d++) out[categoryOfDiscipline[d]!] = Math.max(out[categoryOfDiscipline[d]!]!, scores[d]!)
    return out
  }
}

const out = new Map<number, number[][]>()
const started = performance.now()
for (let fold = 0; fold < 5; fold++) {
  const train = docs.filter((d) => d.weight > 0 && foldOf.get(d.group) !== fold)
  const { vocabulary, counts } = countDocuments(train.map((d) => extractTerms(d.text, spec, d.words)))
  const vectorizer = fitVectorizer(vocabulary, { minDf: param('df', 1), sublinearTf: true, idf: true, normalize: true })
  // Feature-group weights (words, char 1/2/3-grams) applied after tf-idf, then L2 again.
  const groupOf = new Int8Array(vocabulary.df.length)
  for (const [term, index] of vocabulary.index)
    groupOf[index] = term.startsWith('c:') ? term.length - 2 : term.startsWith('b:') ? 4 : 0
  const groupWeight = [param('gw', 1), param('g1', 1), param('g2', 1), param('g3', 1), param('gb', 1)]
  const regroup = (x: SparseVector) =>
    l2Normalize({ indices: x.indices, values: x.values.map((v, i) => v * groupWeight[groupOf[x.indices[i]!]!]!) })
  const vec = (c: SparseVector) => regroup(weigh(vectorizer, c))
  const xs = counts.map(vec)
  const ys = train.map((d) => labels.indexOf(d.label))
  const ws = train.map((d) => (d.evaluate === 'long' ? param('lw', 1) : 1))
  const featureCount = vocabulary.df.length
  const model = name.startsWith('knn')
    ? trainKnn(xs, ys, featureCount)
    : name.startsWith('mlp')
      ? trainMlp(xs, ys, ws, featureCount)
      : name.startsWith('sub')
        ? trainSubclasses(xs, ys, ws, train, featureCount)
        : trainSvm(xs, ys, ws, featureCount)
  docs.forEach((doc, i) => {
    if (doc.evaluate && foldOf.get(doc.group) === fold)
      out.set(i, [model(vec(countTerms(vocabulary, extractTerms(doc.text, spec, doc.words))))])
  })
  console.log(`fold ${fold} done ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
fs.mkdirSync('/tmp/classify-oof', { recursive: true })
fs.writeFileSync(`/tmp/classify-oof/category-${name}.json`, JSON.stringify([...out]))
let correct = 0
let total = 0
for (const i of titleIndices) {
  const s = out.get(i)![0]!
  const best = s.indexOf(Math.max(...s))
  total++
  if (labels[best] === docs[i]!.label) correct++
}
console.log(`${name} raw title accuracy ${(correct / total).toFixed(4)}`)
