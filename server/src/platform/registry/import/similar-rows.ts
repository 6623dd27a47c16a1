import { type Described, type NearDuplicate, nearDuplicate, rememberedBigrams, similarPairs } from '../similarity'
import type { SimilarFound } from './engine'

/** A row of the import (`index` as the engine numbered it) that would create a record. */
export type NewRow<T> = { index: number; row: T }
type Judged = { similarity: number; reason: string }

/**
 * Near-duplicates among the new rows of one file, by the registry's own rule (`judge`, the entry form's):
 * pairs are first found by a similarity join on titles — and on texts, when given — at the rule's lowest
 * thresholds, so a file of thousands of rows is not compared pair by pair. Each row keeps its closest earlier row.
 */
export function similarRowsInFile<T>(
  rows: readonly NewRow<T>[],
  options: {
    /** What the join compares (e.g. a name without 有限公司); `titleOf` is what the warning shows. */
    title: (row: T) => string
    titleAtLeast: number
    text?: (row: T) => string
    textAtLeast?: number
    /** `grams` remembers the bigrams of each text, for a rule that compares texts (`nearDuplicate`). */
    judge: (later: T, earlier: T, grams: (text: string) => ReadonlySet<string>) => Judged | null
    titleOf: (row: T) => string
  },
): SimilarFound[] {
  const { text, textAtLeast } = options
  const pairs = similarPairs(
    rows.map((r) => options.title(r.row)),
    options.titleAtLeast,
  ).concat(
    text && textAtLeast !== undefined
      ? similarPairs(
          rows.map((r) => text(r.row)),
          textAtLeast,
        )
      : [],
  )
  const grams = rememberedBigrams()
  const best = new Map<number, SimilarFound>()
  const judged = new Set<string>()
  for (const { earlier, later } of pairs) {
    if (judged.has(`${earlier}|${later}`)) continue
    judged.add(`${earlier}|${later}`)
    const [a, b] = [rows[later]!, rows[earlier]!]
    const match = options.judge(a.row, b.row, grams)
    if (!match || (best.get(later)?.similarity ?? -1) >= match.similarity) continue
    best.set(later, { index: a.index, otherIndex: b.index, title: options.titleOf(b.row), ...match })
  }
  return [...best.values()]
}

/** Near-duplicates on file of each new row (in the order of `rows`), as the engine takes them. */
export function similarOnFile<T>(
  rows: readonly NewRow<T>[],
  found: readonly (readonly { id: string; title: string; similarity: number; reason: string }[])[],
): SimilarFound[] {
  return rows.flatMap((r, k) =>
    (found[k] ?? []).map((d) => ({
      index: r.index,
      id: d.id,
      title: d.title,
      similarity: d.similarity,
      reason: d.reason,
    })),
  )
}

/**
 * `findSimilar` for a registry of records with a title and a long text (成果、需求、场景), by the entry form's
 * `nearDuplicate` rule: the rows whose import key is not on file yet are checked against the records on file
 * (`onFile`, the registry's own search) and against the earlier new rows of the same file.
 */
export async function similarTitledRows<T>(
  rows: readonly { row: T; importKey: string }[],
  options: {
    /** Which of these import keys are on file already (those rows update a record, they do not create one). */
    known: (importKeys: string[]) => Promise<ReadonlySet<string | null>>
    describe: (row: T) => Described & { text: string }
    onFile: (
      inputs: Described[],
    ) => Promise<readonly (readonly { id: string; title: string; similarity: number; reason: string }[])[]>
    reasons: Record<NearDuplicate['basis'], string>
  },
): Promise<SimilarFound[]> {
  const known = await options.known(rows.map((r) => r.importKey))
  const creating = rows.flatMap(({ row, importKey }, index) => (known.has(importKey) ? [] : [{ index, row }]))
  const { describe, reasons } = options
  return [
    ...similarOnFile(creating, await options.onFile(creating.map(({ row }) => describe(row)))),
    ...similarRowsInFile(creating, {
      title: (row) => describe(row).title,
      titleAtLeast: 0.6,
      text: (row) => describe(row).text,
      textAtLeast: 0.85,
      judge: (later, earlier, grams) => {
        const match = nearDuplicate(describe(later), describe(earlier), grams)
        return match && { similarity: match.similarity, reason: reasons[match.basis] }
      },
      titleOf: (row) => describe(row).title,
    }),
  ]
}
