// Cross-validated model selection for → 门类 on training data only (csl-category-train + csl-dev).
// Never reads csl-heldout. Usage: npx tsx bench/classify/tune.ts [member-name regex]
// Out-of-fold scores are cached in /tmp/classify-oof so member combinations can be compared cheaply.
import fs from 'node:fs'
import { candidateMembers } from './candidates'
import { fitAndReport, outOfFoldScores } from './cross-validate'
import { docs, foldCount, foldOf, hierarchy, labels, suffix } from './cv-docs'

const members = candidateMembers.filter((m) => new RegExp(process.argv[2] ?? '').test(m.name))
fs.mkdirSync('/tmp/classify-oof', { recursive: true })
const perMember = members.map((member) => {
  const cache = `/tmp/classify-oof/category-${member.name}${suffix}.json`
  if (fs.existsSync(cache)) return new Map(JSON.parse(fs.readFileSync(cache, 'utf8')) as [number, number[][]][])
  if (member.name.startsWith('ovo-')) throw new Error(`${member.name}: run npx tsx bench/classify/ovo.ts first`)
  const oof = outOfFoldScores(docs, labels, [member], foldOf, foldCount, hierarchy)
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
