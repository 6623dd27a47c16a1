import { paperText } from '../../server/src/modules/classification/classifier'
import { readBaseData } from '../../server/src/modules/classification/dataset'
import { trainLinearSvm } from '../../server/src/modules/classification/linear-svm'
import { svmMember } from '../../server/src/modules/classification/model-spec'
import { extractTerms, wordsOf } from '../../server/src/modules/classification/text-features'
import { countDocuments, fitVectorizer, weigh } from '../../server/src/modules/classification/vectorizer'

const { titles, papers } = readBaseData()
const texts = [
  ...titles.map((r) => ({ text: r.title, label: r.category })),
  ...papers.flatMap((p) => [
    { text: p.title, label: p.category },
    { text: paperText(p), label: p.category },
  ]),
]
const { vocabulary, counts } = countDocuments(
  texts.map((d) => extractTerms(d.text, svmMember.features, wordsOf(d.text))),
)
const v = fitVectorizer(vocabulary, svmMember.model.vectorizer)
const labels = [...new Set(titles.map((r) => r.category))].sort()
const ex = counts.map((c, i) => ({ x: weigh(v, c), label: labels.indexOf(texts[i]!.label), weight: 1 }))
console.log(
  'features',
  vocabulary.df.length,
  'nnz',
  ex.reduce((s, e) => s + e.x.indices.length, 0),
)
for (const epochs of [1, 3, 10]) {
  const c0 = process.cpuUsage().user
  trainLinearSvm(ex, vocabulary.df.length, 13, { cost: 1, epochs, seed: 1 })
  console.log('epochs', epochs, (process.cpuUsage().user - c0) / 1000)
}
{
  const w = new Float64Array(vocabulary.df.length)
  const c0 = process.cpuUsage().user
  let total = 0
  for (let k = 0; k < 13; k++) {
    for (const e of ex) {
      const x = e.x
      let m = 0
      for (let n = 0; n < x.indices.length; n++) m += w[x.indices[n]!]! * x.values[n]!
      total += m
      for (let n = 0; n < x.indices.length; n++) w[x.indices[n]!]! += 1e-9 * x.values[n]!
    }
  }
  console.log('raw loop', (process.cpuUsage().user - c0) / 1000, total)
}
