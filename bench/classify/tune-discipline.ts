// Cross-validated model selection for → 一级学科 on csl-dev only (the only records with 学科 labels).
// Never reads csl-heldout. Usage: npx tsx bench/classify/tune-discipline.ts [member-name regex]
// The last member is always the production 门类 model, as log P(门类) broadcast to each 学科.
import fs from 'node:fs'
import { paperText } from '../../server/src/modules/classification/classifier'
import { stratifiedFolds } from '../../server/src/modules/classification/cross-validation'
import { readBaseData } from '../../server/src/modules/classification/dataset'
import { predictProbabilities, trainEnsemble } from '../../server/src/modules/classification/ensemble'
import { categorySpec } from '../../server/src/modules/classification/model-spec'
import { wordsOf } from '../../server/src/modules/classification/text-features'
import { candidateMembers } from './candidates'
import { type CvDoc, fitAndReport, outOfFoldScores } from './cross-validate'

const { titles, papers } = readBaseData()
const disciplines = [...new Set(papers.map((p) => p.discipline))].sort()
const categories = [...new Set(titles.map((t) => t.category))].sort()
const categoryOf = new Map(papers.map((p) => [p.discipline, p.category]))
const paperFolds = stratifiedFolds(
  papers.map((p) => disciplines.indexOf(p.discipline)),
  5,
  11,
)
const foldOf = new Map(papers.map((p, i) => [p.id, paperFolds[i]!]))
// Training documents are title and abstract+keywords; evaluation inputs are the title and the bare abstract.
const docs: CvDoc[] = papers
  .flatMap((p) => [
    { group: p.id, text: p.title, label: p.discipline, evaluate: 'short' as const, weight: 1 },
    { group: p.id, text: paperText(p), label: p.discipline, weight: 1 },
    { group: p.id, text: p.abstract, label: p.discipline, evaluate: 'long' as const, weight: 0 },
  ])
  .map((d) => ({ ...d, words: wordsOf(d.text) }))
const trainingDocs = (fold: number) => docs.filter((d) => d.weight > 0 && foldOf.get(d.group) !== fold)

fs.mkdirSync('/tmp/classify-oof', { recursive: true })
const members = candidateMembers.filter((m) => new RegExp(process.argv[2] ?? '^(cnb|mnb-w-a0.1)').test(m.name))
const perMember = members.map((member) => {
  const cache = `/tmp/classify-oof/discipline-${member.name}.json`
  if (fs.existsSync(cache)) return new Map(JSON.parse(fs.readFileSync(cache, 'utf8')) as [number, number[][]][])
  const oof = outOfFoldScores(docs, disciplines, [member], foldOf, 5)
  fs.writeFileSync(cache, JSON.stringify([...oof]))
  return oof
})

// The 门类 model of each fold sees every category-train title plus that fold's training papers, as in production.
const categoryCache = '/tmp/classify-oof/discipline-category-prior.json'
const categoryPrior: Map<number, number[]> = fs.existsSync(categoryCache)
  ? new Map(JSON.parse(fs.readFileSync(categoryCache, 'utf8')) as [number, number[]][])
  : new Map()
if (categoryPrior.size === 0) {
  const titleWords = titles.map((t) => wordsOf(t.title))
  for (let fold = 0; fold < 5; fold++) {
    const model = trainEnsemble(
      [
        ...titles.map((t, i) => ({ text: t.title, words: titleWords[i]!, label: t.category })),
        ...trainingDocs(fold).map((d) => ({ ...d, label: categoryOf.get(d.label)!, subLabel: d.label })),
      ],
      categories,
      categorySpec.members,
      categorySpec.scales.short,
      [],
      { subLabels: disciplines, classOf: categoryOf },
    )
    docs.forEach((d, i) => {
      if (!d.evaluate || foldOf.get(d.group) !== fold) return
      const scales = d.evaluate === 'short' ? categorySpec.scales.short : categorySpec.scales.long
      const log = predictProbabilities({ ...model, scales: { short: scales, long: scales } }, d.text, d.words).map(
        Math.log,
      )
      categoryPrior.set(
        i,
        disciplines.map((name) => log[categories.indexOf(categoryOf.get(name)!)]!),
      )
    })
  }
  fs.writeFileSync(categoryCache, JSON.stringify([...categoryPrior]))
}

for (const kind of ['short', 'long'] as const) {
  const indices = docs.flatMap((d, i) => (d.evaluate === kind ? [i] : []))
  const examples = (withPrior: boolean) =>
    indices.map((i) => ({
      label: disciplines.indexOf(docs[i]!.label),
      scores: [...perMember.map((m) => m.get(i)![0]!), ...(withPrior ? [categoryPrior.get(i)!] : [])],
    }))
  for (const [j, member] of members.entries()) {
    fitAndReport(
      `${kind} ${member.name}`,
      examples(false).map((e) => ({ label: e.label, scores: [e.scores[j]!] })),
      disciplines.length,
    )
  }
  fitAndReport(`${kind} members`, examples(false), disciplines.length)
  fitAndReport(`${kind} members + 门类 prior`, examples(true), disciplines.length)
}
