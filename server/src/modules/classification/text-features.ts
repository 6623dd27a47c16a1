import { segment } from '../../platform/text/tokenize'

/** Which terms a text yields: jieba words, word bigrams and character n-grams of the given lengths. */
export type FeatureSpec = { words: boolean; wordBigrams: boolean; charNgrams: readonly number[] }

const BREAK = /[\s\p{P}\p{S}]+/u

/** NFKC folds full-width letters and digits (ＡＢＣ１２３) into ASCII so both spellings share features. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** jieba words of the normalized text; computed once per text and shared by every model that needs words. */
export function wordsOf(text: string): string[] {
  return segment(normalizeText(text))
}

/** Character n-grams inside runs between punctuation, so no n-gram spans a 「，」 or a space. */
export function charNgrams(text: string, sizes: readonly number[]): string[] {
  const out: string[] = []
  for (const run of normalizeText(text).split(BREAK)) {
    // Code units suffice for CJK (BMP); only astral characters need the slower code-point split.
    const chars = /[\uD800-\uDFFF]/.test(run) ? Array.from(run) : null
    const length = chars ? chars.length : run.length
    for (const n of sizes) {
      for (let i = 0; i + n <= length; i++) out.push(chars ? chars.slice(i, i + n).join('') : run.slice(i, i + n))
    }
  }
  return out
}

/** Terms of a text, prefixed by kind (w: word, b: word bigram, c: char n-gram) so kinds never collide. */
export function extractTerms(text: string, spec: FeatureSpec, words?: readonly string[]): string[] {
  const out: string[] = []
  if (spec.words || spec.wordBigrams) {
    const tokens = words ?? wordsOf(text)
    if (spec.words) for (const word of tokens) out.push(`w:${word}`)
    if (spec.wordBigrams) for (let i = 0; i + 1 < tokens.length; i++) out.push(`b:${tokens[i]}_${tokens[i + 1]}`)
  }
  for (const gram of charNgrams(text, spec.charNgrams)) out.push(`c:${gram}`)
  return out
}
