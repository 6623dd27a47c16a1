// Cross-validated model selection for title → 门类 on training data only (csl-category-train + csl-dev).
// Never reads csl-heldout. Usage: npx tsx bench/classify/tune.ts [member-name filter]
import { fitScales } from '../../server/src/modules/classification/calibration'
import { stratifiedFolds } from '../../server/src/modules/classification/cross-validation'
import { readBaseData } from '../../server/src/modules/classification/dataset'
import type { MemberSpec } from '../../server/src/modules/classification/ensemble'
import {
  accuracy,
  expectedCalibrationError,
  macroF1,
  type Scored,
} from '../../server/src/modules/classification/metrics'
import { softmax } from '../../server/src/modules/classification/sparse'
import { wordsOf } from '../../server/src/modules/classification/text-features'
import { candidateMembers } from './candidates'
import { type CvDoc, outOfFoldScores } from './cross-validate'

const { titles, papers } = readBaseData()
const labels = [...new Set(titles.map((t) => t.category))].sort()
const abstractWeight = Number(process.env.ABSTRACT_WEIGHT ?? '1')
const docs: CvDoc[] = [
  ...titles.map((t) => ({ group: t.id, text: t.title, label: t.category, evaluate: true })),
  ...papers.map((p) => ({ group: p.id, text: p.title, label: p.category, evaluate: true })),
  ...(abstractWeight > 0
    ? papers.map((p) => ({
        group: p.id,
        text: `${p.keywords.join('，')}。${p.abstract}`,
        label: p.category,
        evaluate: false,
      }))
    : []),
].map((d) => ({ ...d, words: wordsOf(d.text), weight: d.evaluate ? 1 : abstractWeight }))
const evaluated = docs.flatMap((d, i) => (d.evaluate ? [i] : []))
const folds = stratifiedFolds(
  evaluated.map((i) => labels.indexOf(docs[i]!.label)),
  5,
  7,
)
const foldOf = new Map(evaluated.map((i, n) => [docs[i]!.group, folds[n]!]))

function report(name: string, scored: Scored[], seconds: number) {
  console.log(
    `${name.padEnd(28)} acc ${accuracy(scored).toFixed(4)} f1 ${macroF1(scored, labels.length).toFixed(4)} ece ${expectedCalibrationError(scored).toFixed(3)} ${seconds.toFixed(1)}s`,
  )
}

const filter = process.argv[2] ?? ''
const chosen: MemberSpec[] = candidateMembers.filter((m) => m.name.includes(filter))
const perMember: Map<number, number[][]>[] = []
for (const member of chosen) {
  const started = performance.now()
  const oof = outOfFoldScores(docs, labels, [member], foldOf, 5)
  perMember.push(oof)
  const scored = evaluated.map((i) => ({
    label: labels.indexOf(docs[i]!.label),
    probabilities: softmax(oof.get(i)![0]!),
  }))
  report(member.name, scored, (performance.now() - started) / 1000)
}
if (chosen.length > 1) {
  const examples = evaluated.map((i) => ({
    label: labels.indexOf(docs[i]!.label),
    scores: perMember.map((m) => m.get(i)![0]!),
  }))
  const scales = fitScales(examples)
  const scored = examples.map((e) => ({
    label: e.label,
    probabilities: softmax(e.scores[0]!.map((_, k) => e.scores.reduce((s, m, j) => s + scales[j]! * m[k]!, 0))),
  }))
  report(`ensemble [${scales.map((s) => s.toFixed(3)).join(', ')}]`, scored, 0)
}
