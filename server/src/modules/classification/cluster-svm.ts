import type { Example } from './linear-model'
import { type SvmModel, type SvmOptions, trainLinearSvm } from './linear-svm'
import { createRandom, shuffle } from './random'
import type { Subclasses } from './subclass-svm'

export type ClusterSvmOptions = SvmOptions & { docsPerCluster: number; kMeansRounds?: number }

/**
 * Unsupervised subclasses: each class's examples are split by spherical k-means (cosine on the L2-normalized
 * vectors) into about one cluster per `docsPerCluster` examples, and one SVM learns the clusters; poolSubclasses
 * turns its scores back into class scores. The 学科 subclasses (subclass-svm.ts) need papers with a 学科; this
 * needs none.
 */
export function trainClusterSvm(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  options: ClusterSvmOptions,
): SvmModel & Subclasses {
  const random = createRandom(options.seed + 17)
  const classOf: number[] = []
  const clusterOf = new Int32Array(examples.length)
  for (let k = 0; k < classCount; k++) {
    const members = examples.flatMap((e, i) => (e.label === k ? [i] : []))
    const count = Math.max(1, Math.round(members.length / options.docsPerCluster))
    const first = classOf.length
    for (let c = 0; c < count; c++) classOf.push(k)
    const assignment = kMeans(examples, members, count, featureCount, options.kMeansRounds ?? 8, random)
    members.forEach((i, n) => {
      clusterOf[i] = first + assignment[n]!
    })
  }
  const model = trainLinearSvm(
    examples.map((e, i) => ({ x: e.x, label: clusterOf[i]!, weight: e.weight })),
    featureCount,
    classOf.length,
    options,
  )
  return { ...model, classOf }
}

function kMeans(
  examples: readonly Example[],
  members: readonly number[],
  count: number,
  featureCount: number,
  rounds: number,
  random: () => number,
): Int32Array {
  const assignment = new Int32Array(members.length)
  if (count === 1) return assignment
  const centroids = shuffle([...members], random)
    .slice(0, count)
    .map((i) => {
      const centroid = new Float64Array(featureCount)
      const { x } = examples[i]!
      for (let j = 0; j < x.indices.length; j++) centroid[x.indices[j]!] = x.values[j]!
      return centroid
    })
  for (let round = 0; round < rounds; round++) {
    members.forEach((i, n) => {
      const { x } = examples[i]!
      let best = 0
      let bestScore = Number.NEGATIVE_INFINITY
      for (let c = 0; c < count; c++) {
        const centroid = centroids[c]!
        let score = 0
        for (let j = 0; j < x.indices.length; j++) score += x.values[j]! * centroid[x.indices[j]!]!
        if (score > bestScore) {
          bestScore = score
          best = c
        }
      }
      assignment[n] = best
    })
    for (let c = 0; c < count; c++) {
      const centroid = centroids[c]!
      const before = Float64Array.from(centroid)
      centroid.fill(0)
      let size = 0
      members.forEach((i, n) => {
        if (assignment[n] !== c) return
        size += 1
        const { x } = examples[i]!
        for (let j = 0; j < x.indices.length; j++) centroid[x.indices[j]!]! += x.values[j]!
      })
      if (size === 0) {
        centroid.set(before)
        continue
      }
      let norm = 0
      for (let f = 0; f < featureCount; f++) norm += centroid[f]! * centroid[f]!
      norm = Math.sqrt(norm) || 1
      for (let f = 0; f < featureCount; f++) centroid[f]! /= norm
    }
  }
  return assignment
}
