// Stacks cached out-of-fold member scores (/tmp/classify-oof, written by tune.ts / experiment.ts) without
// retraining. Usage: npx tsx bench/classify/stack.ts name1 name2 ... Training data only, never csl-heldout.
import fs from 'node:fs'
import { readBaseData } from '../../server/src/modules/classification/dataset'
import { fitAndReport } from './cross-validate'

const { titles, papers } = readBaseData()
const labels = [...new Set(titles.map((t) => t.category))].sort()
const n = titles.length + papers.length
const labelOf = (i: number) =>
  labels.indexOf(i < titles.length ? titles[i]!.category : papers[(i - titles.length) % papers.length]!.category)
const names = process.argv.slice(2)
const perMember = names.map(
  (name) =>
    new Map(JSON.parse(fs.readFileSync(`/tmp/classify-oof/category-${name}.json`, 'utf8')) as [number, number[][]][]),
)
for (const [kind, indices] of [
  ['short', Array.from({ length: n }, (_, i) => i)],
  ['long', Array.from({ length: papers.length }, (_, i) => n + i)],
] as const) {
  const examples = indices.map((i) => ({ label: labelOf(i), scores: perMember.map((m) => m.get(i)![0]!) }))
  fitAndReport(`${kind} ${names.join('+')}`.slice(0, 60), examples, labels.length)
}
