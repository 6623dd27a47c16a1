import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { learnInBackground } from './background-learn'
import { trainClassifier } from './classifier'
import { readBaseData } from './dataset'

// A slice in its own data directory (no snapshot) keeps the worker's training to a second or two.
const base = readBaseData()
const slice = { titles: base.titles.slice(0, 1000), papers: base.papers.slice(0, 200) }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classify-worker-'))
const lines = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join('\n')
fs.writeFileSync(path.join(dir, 'csl-category-train.jsonl'), lines(slice.titles))
fs.writeFileSync(path.join(dir, 'csl-dev.jsonl'), lines(slice.papers))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const probe = '茶席醍醐灌顶式设计的社区推广'
const corrections = [
  { text: '茶席醍醐灌顶式设计', category: '艺术学' },
  { text: '醍醐灌顶的茶席设计研究', category: '艺术学' },
  { text: '茶席与醍醐灌顶式展示', discipline: '艺术学' },
]

describe('learnInBackground', () => {
  it('trains in a worker thread without blocking the event loop, and answers as training here would', async () => {
    let last = performance.now()
    let longestGap = 0
    const ticker = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 10)
    const learned = await learnInBackground(corrections, dir).finally(() => clearInterval(ticker))

    // Trained on this thread, the loop would have stalled for the whole training.
    expect(learned.trainMilliseconds).toBeGreaterThan(200)
    expect(longestGap).toBeLessThan(learned.trainMilliseconds / 2)

    const here = trainClassifier(slice, corrections)
    expect(learned.corrections).toHaveLength(3)
    expect(learned.classify(probe).category.label).toBe('艺术学')
    for (const text of [probe, '水稻高产栽培技术与施肥试验', '钢筋混凝土框架结构的抗震性能分析']) {
      const [a, b] = [learned.classify(text, { topK: 5 }), here.classify(text, { topK: 5 })]
      expect(a.category.label).toBe(b.category.label)
      expect(a.discipline.label).toBe(b.discipline.label)
      expect(a.category.confidence).toBeCloseTo(b.category.confidence, 9)
      expect(a.discipline.confidence).toBeCloseTo(b.discipline.confidence, 9)
    }
  }, 180_000)

  it('rejects when a correction names a label outside the system, so the caller keeps its model', async () => {
    await expect(learnInBackground([{ text: '某成果', category: '交叉学科X' }], dir)).rejects.toThrow(
      '学科门类“交叉学科X”不在分类体系内',
    )
  }, 180_000)
})
