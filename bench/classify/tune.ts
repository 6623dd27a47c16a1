// Cross-validated model selection for → 门类 on training data only (csl-category-train + csl-dev).
// Never reads csl-heldout. Usage: npx tsx bench/classify/tune.ts [member-name regex]
// Out-of-fold scores are cached in /tmp/classify-oof so member combinations can be compared cheaply.
import fs from 'node:fs'
import path from 'node:path'
import { paperText } from '../../server/src/modules/classification/classifier'
import { stratifiedFolds } from '../../server/src/modules/classification/cross-validation'
import { DATA_DIR, readBaseData } from '../../server/src/modules/classification/dataset'
import { wordsOf } from '../../server/src/modules/classification/text-features'
import { candidateMembers } from './candidates'
import { type CvDoc, fitAndReport, outOfFoldScores } from './cross-validate'

const { titles, papers } = readBaseData()
const labels = [...new Set(titles.map((t) => t.category))].sort()
const docs: CvDoc[] = [
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
const suffix = process.env.CLASSIFY_AUGMENT ? `+${process.env.CLASSIFY_AUGMENT}` : ''
const titleIndices = docs.flatMap((d, i) => (d.evaluate === 'short' ? [i] : []))
const folds = stratifiedFolds(
  titleIndices.map((i) => labels.indexOf(docs[i]!.label)),
  5,
  7,
)
const foldOf = new Map(titleIndices.map((i, n) => [docs[i]!.group, folds[n]!]))

// 学科 → 门类 as csl-dev assigns them, for subclassSvm members.
const hierarchy = {
  subLabels: [...new Set(papers.map((p) => p.discipline))].sort(),
  classOf: new Map(papers.map((p) => [p.discipline, p.category])),
}
const members = candidateMembers.filter((m) => new RegExp(process.argv[2] ?? '').test(m.name))
fs.mkdirSync('/tmp/classify-oof', { recursive: true })
const perMember = members.map((member) => {
  const cache = `/tmp/classify-oof/category-${member.name}${suffix}.json`
  if (fs.existsSync(cache)) return new Map(JSON.parse(fs.readFileSync(cache, 'utf8')) as [number, number[][]][])
  const oof = outOfFoldScores(docs, labels, [member], foldOf, 5, hierarchy)
  fs.writeFileSync(cache, JSON.stringify([...oof]))
  return oof
})
for (const kind of ['short', 'long'] as const) {
  const indices = docs.flatMap((d, i) => (d.evaluate === kind ? [i] : []))
  const examples = (m: number[]) =>
    indices.map((i) => ({ label: labels.indexOf(docs[i]!.label), scores: m.map((j) => perMember[j]!.get(i)![0]!) }))
  for (const [j, member] of members.entries())
    fitAndReport(`${kind} ${member.name}${suffix}`, examples([j]), labels.length)
  if (members.length > 1) fitAndReport(`${kind} ensemble`, examples(members.map((_, j) => j)), labels.length)
}
// The csl-dev titles alone: the sample the held-out file is most like.
const devTitles = docs.flatMap((d, i) => (d.evaluate === 'short' && d.group.startsWith('csl-dev') ? [i] : []))
fitAndReport(
  'csl-dev titles ensemble',
  devTitles.map((i) => ({ label: labels.indexOf(docs[i]!.label), scores: perMember.map((m) => m.get(i)![0]!) })),
  labels.length,
)
