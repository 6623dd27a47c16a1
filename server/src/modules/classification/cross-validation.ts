import { createRandom, shuffle } from './random'

/** Stratified k folds: each class spread evenly, so a 17-example class still appears in every fold. */
export function stratifiedFolds(labels: readonly number[], foldCount: number, seed: number): number[] {
  const random = createRandom(seed)
  const fold = new Array<number>(labels.length).fill(0)
  const byClass = new Map<number, number[]>()
  labels.forEach((label, index) => {
    const list = byClass.get(label) ?? []
    list.push(index)
    byClass.set(label, list)
  })
  let next = 0
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const index of shuffle(byClass.get(label)!, random)) fold[index] = next++ % foldCount
  }
  return fold
}
