// The out-of-fold member scores cached in /tmp/classify-oof (written by tune.ts / experiment.ts), with the labels
// they are scored against. Shared by the stacking experiments. Training data only, never csl-heldout.
import fs from 'node:fs'
import { readBaseData } from '../../server/src/modules/classification/dataset'

export function loadCachedMembers(names: readonly string[]) {
  const { titles, papers } = readBaseData()
  const labels = [...new Set(titles.map((t) => t.category))].sort()
  const n = titles.length + papers.length
  const labelOf = (i: number) =>
    labels.indexOf(i < titles.length ? titles[i]!.category : papers[(i - titles.length) % papers.length]!.category)
  const perMember = names.map(
    (name) =>
      new Map(JSON.parse(fs.readFileSync(`/tmp/classify-oof/category-${name}.json`, 'utf8')) as [number, number[][]][]),
  )
  return { titles, papers, labels, n, labelOf, perMember }
}
