import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
/** data/classification/ at the repository root: the committed training data (公开论文元数据（CSL）). */
export const DATA_DIR = path.resolve(here, '../../../../data/classification')

export type TitleRecord = { id: string; title: string; category: string }
export type PaperRecord = TitleRecord & { abstract: string; keywords: string[]; discipline: string }

export function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

/** The committed base data: 8,000 titles with 门类 and 1,000 full records with 一级学科. */
export function readBaseData(dir = DATA_DIR): { titles: TitleRecord[]; papers: PaperRecord[] } {
  return {
    titles: readJsonLines<TitleRecord>(path.join(dir, 'csl-category-train.jsonl')),
    papers: readJsonLines<PaperRecord>(path.join(dir, 'csl-dev.jsonl')),
  }
}
