import { type MemberSpec, memberScores, trainEnsemble } from '../../server/src/modules/classification/ensemble'

/** A document in a cross-validation run; documents of one paper share `group`, hence a fold. */
export type CvDoc = {
  group: string
  text: string
  words: readonly string[]
  label: string
  weight: number
  evaluate: boolean
}

/**
 * Out-of-fold member scores: for each fold, train on every document whose group is in another fold and
 * score the evaluated documents of this fold. A paper's abstract never trains the model scoring its title.
 */
export function outOfFoldScores(
  docs: readonly CvDoc[],
  labels: readonly string[],
  members: readonly MemberSpec[],
  foldOf: ReadonlyMap<string, number>,
  foldCount: number,
): Map<number, number[][]> {
  const out = new Map<number, number[][]>()
  for (let fold = 0; fold < foldCount; fold++) {
    const train = docs.filter((d) => foldOf.get(d.group) !== fold)
    const ensemble = trainEnsemble(
      train,
      labels,
      members,
      members.map(() => 1),
    )
    docs.forEach((doc, i) => {
      if (doc.evaluate && foldOf.get(doc.group) === fold) out.set(i, memberScores(ensemble, doc.text, doc.words))
    })
  }
  return out
}
