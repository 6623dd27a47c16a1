import fs from 'node:fs'
import path from 'node:path'

export const CSL_DIR = process.env.CSL_DIR ?? path.resolve(import.meta.dirname, '../../../shared/data/csl')

/** One CSL record (公开论文元数据（CSL）): real metadata of a Chinese core-journal paper. */
export interface Paper {
  readonly id: string
  readonly title: string
  readonly abstract: string
  readonly keywords: readonly string[]
  readonly discipline: string
  readonly category: string
  readonly split: 'dev' | 'heldout'
}

export function loadPapers(): Paper[] {
  const out: Paper[] = []
  for (const split of ['dev', 'heldout'] as const) {
    const file = path.join(CSL_DIR, `csl-${split}.jsonl`)
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const r = JSON.parse(line) as Omit<Paper, 'split'>
      out.push({ ...r, split })
    }
  }
  return out
}

/** Sentences of an abstract, each keeping its closing mark; a '.' between digits (3.5) does not end one. */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    const end = '。！？；;!?'.includes(c) || (c === '.' && !/\d/.test(text[i + 1] ?? '') && i + 1 < text.length)
    if (end || i === text.length - 1) {
      const sentence = text.slice(start, i + 1).trim()
      if (sentence) out.push(sentence)
      start = i + 1
    }
  }
  return out
}
