// Experiment: one-vs-one linear SVMs (78 pairwise problems over the 13 门类) as an ensemble member.
// Writes out-of-fold scores of several vote aggregations to /tmp/classify-oof/category-ovo-*.json so
// tune.ts can stack them (candidates named ovo-*). Training data only; never reads csl-heldout.
import fs from 'node:fs'
import { scoreLinear } from '../../server/src/modules/classification/linear-model'
import { trainLinearSvm } from '../../server/src/modules/classification/linear-svm'
import { extractTerms } from '../../server/src/modules/classification/text-features'
import { countDocuments, countTerms, fitVectorizer, weigh } from '../../server/src/modules/classification/vectorizer'
import { docs, foldOf, labels, suffix } from './cv-docs'

const spec = { words: true, wordBigrams: false, charNgrams: [1, 2] }
const cost = Number(process.env.OVO_COST ?? 1)
const K = labels.length
const aggregations = ['lin', 'tanh', 'vote'] as const
const out = new Map(aggregations.map((a) => [a, new Map<number, number[][]>()]))
const terms = docs.map((d) => extractTerms(d.text, spec, d.words))
for (let fold = 0; fold < 5; fold++) {
  const train = docs.flatMap((d, i) => (d.weight > 0 && foldOf.get(d.group) !== fold ? [i] : []))
  const { vocabulary, counts } = countDocuments(train.map((i) => terms[i]!))
  const vectorizer = fitVectorizer(vocabulary, { minDf: 1, sublinearTf: true, idf: true, normalize: true })
  const x = counts.map((c) => weigh(vectorizer, c))
  const label = train.map((i) => labels.indexOf(docs[i]!.label))
  const pairs: { a: number; b: number; model: ReturnType<typeof trainLinearSvm> }[] = []
  for (let a = 0; a < K; a++)
    for (let b = a + 1; b < K; b++) {
      const examples = train.flatMap((_, n) =>
        label[n] === a || label[n] === b
          ? [{ x: x[n]!, label: label[n] === a ? 0 : 1, weight: docs[train[n]!]!.weight }]
          : [],
      )
      pairs.push({ a, b, model: trainLinearSvm(examples, vocabulary.df.length, 1, { cost, epochs: 10, seed: 1 }) })
    }
  docs.forEach((doc, i) => {
    if (!doc.evaluate || foldOf.get(doc.group) !== fold) return
    const v = weigh(vectorizer, countTerms(vocabulary, terms[i]!))
    const lin = new Array<number>(K).fill(0)
    const tanh = new Array<number>(K).fill(0)
    const vote = new Array<number>(K).fill(0)
    for (const { a, b, model } of pairs) {
      const f = scoreLinear(model, v)[0]!
      lin[a]! += f
      lin[b]! -= f
      tanh[a]! += Math.tanh(f)
      tanh[b]! -= Math.tanh(f)
      vote[f > 0 ? a : b]! += 1
    }
    out.get('lin')!.set(i, [lin])
    out.get('tanh')!.set(i, [tanh])
    out.get('vote')!.set(i, [vote])
  })
  console.log(`fold ${fold} done`)
}
for (const [name, oof] of out)
  fs.writeFileSync(`/tmp/classify-oof/category-ovo-${name}-c${cost}${suffix}.json`, JSON.stringify([...oof]))
