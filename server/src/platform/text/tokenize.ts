import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { isStopword } from './stopwords'
import { SubwordCache } from './subwords'

export { isStopword } from './stopwords'

const here = path.dirname(fileURLToPath(import.meta.url))
const DICTIONARY_DIR = path.resolve(here, '../../../../data/dictionary')

let jieba: Jieba | undefined

/**
 * One jieba instance per process with the default dictionary plus the domain dictionary
 * (data/dictionary/*.txt: industry names and policy terms), so 具身智能 stays one word.
 */
export function segmenter(): Jieba {
  if (jieba) return jieba
  const instance = Jieba.withDict(dict)
  if (fs.existsSync(DICTIONARY_DIR)) {
    for (const file of fs.readdirSync(DICTIONARY_DIR).sort()) {
      if (file.endsWith('.txt')) instance.loadDict(fs.readFileSync(path.join(DICTIONARY_DIR, file)))
    }
  }
  jieba = instance
  return instance
}

/** Adds words at run time (a city's own industry names), each as `word freq tag` lines. */
export function addWords(words: readonly string[]): void {
  if (words.length === 0) return
  segmenter().loadDict(Buffer.from(words.map((w) => `${w} 1500 n`).join('\n')))
  subwordCache.clear()
}

const subwordCache = new SubwordCache(segmenter)

/** Dictionary words inside a longer word (具身智能机器人 → 具身智能, 机器人, 智能, 机器); cached per word. */
export function subwords(word: string): readonly string[] {
  return subwordCache.get(word)
}

/**
 * Index terms of a text: the words of `segment` minus stopwords. Sub-words are not added here — the search
 * index derives them per distinct word (`subwords`), so stored tokens stay the plain words.
 */
export function segmentTerms(text: string): string[] {
  return segment(text).filter((w) => !isStopword(w))
}

const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u

/** A word that starts with a CJK ideograph and has no capital letter needs no trimming, lower-casing or
 * punctuation test — most words, so segmentation stays close to jieba's own speed. */
function isPlainHan(word: string): boolean {
  const first = word.charCodeAt(0)
  if (first < 0x4e00 || first > 0x9fff) return false
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 65 && c <= 90) return false
  }
  return true
}

/** Words of a text for indexing and matching: jieba (HMM on), ASCII lower-cased, punctuation dropped. */
export function segment(text: string): string[] {
  if (!text) return []
  const out: string[] = []
  for (const word of segmenter().cut(text, true)) {
    if (isPlainHan(word)) {
      out.push(word)
      continue
    }
    const w = word.trim().toLowerCase()
    if (w && !PUNCTUATION.test(w)) out.push(w)
  }
  return out
}

/** Search-mode segmentation: long words also yield their dictionary sub-words (具身智能机器人 → 具身智能, 机器人 …). */
export function segmentForSearch(text: string): string[] {
  if (!text) return []
  const out: string[] = []
  for (const word of segmenter().cutForSearch(text, true)) {
    const w = word.trim().toLowerCase()
    if (w && !PUNCTUATION.test(w)) out.push(w)
  }
  return out
}
