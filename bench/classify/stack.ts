import { fitAndReport } from './cross-validate'
import { loadCachedMembers } from './oof-cache'

const names = process.argv.slice(2)
const { papers, labels, n, labelOf, perMember } = loadCachedMembers(names)
for (const [kind, indices] of [
  ['short', Array.from({ length: n }, (_, i) => i)],
  ['long', Array.from({ length: papers.length }, (_, i) => n + i)],
] as const) {
  const examples = indices.map((i) => ({ label: labelOf(i), scores: perMember.map((m) => m.get(i)![0]!) }))
  fitAndReport(`${kind} ${names.join('+')}`.slice(0, 60), examples, labels.length)
}
