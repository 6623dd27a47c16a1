import { describe, expect, it } from 'vitest'
import { segment } from '../text/tokenize'
import { type BuildInput, buildIndexInParallel } from './parallel-build'
import { SearchIndex } from './search-index'
import type { SearchIndexConfig } from './types'

const CONFIG: SearchIndexConfig = {
  fields: [
    { name: 'title', weight: 3, b: 0.5 },
    { name: 'summary', weight: 1, b: 0.75 },
  ],
  attributes: { industry: 'keywords', trl: 'number' },
}

const TITLES = ['具身智能机器人关节控制', '固态电池电解质', '智能驾驶感知融合', '合成生物酶工程', '低空经济无人机物流']
const records: BuildInput[] = Array.from({ length: 600 }, (_, i) => ({
  id: `r${i}`,
  text: {
    title: TITLES[i % TITLES.length]!,
    summary: `第${i % 7}种方法提高了${TITLES[(i * 3) % TITLES.length]}的性能`,
  },
  attributes: { industry: [`行业${i % 4}`], trl: i % 9 },
}))

describe('buildIndexInParallel', () => {
  it('builds on worker threads what a one-thread build from the same words builds', async () => {
    const batches = [records.slice(0, 250), records.slice(250, 400), records.slice(400)]
    const parallel = await buildIndexInParallel(CONFIG, batches, { workers: 2, oneThreadBelow: 0 })
    const serial = SearchIndex.fromDocuments(
      CONFIG,
      records.map((r) => ({
        id: r.id,
        fields: { title: segment(r.text!.title!), summary: segment(r.text!.summary!) },
        attributes: r.attributes!,
      })),
    )
    expect(parallel.size).toBe(600)
    expect(parallel.segments()).toHaveLength(2)
    for (const text of ['具身智能', '电池 性能', '无人机']) {
      const request = { text, facets: ['industry'], count: true, limit: 600, rerank: false }
      const a = parallel.search(request)
      const b = serial.search(request)
      expect(a.total).toBe(b.total)
      expect(a.facets).toEqual(b.facets)
      expect(new Map(a.hits.map((h) => [h.id, h.score.toFixed(9)]))).toEqual(
        new Map(b.hits.map((h) => [h.id, h.score.toFixed(9)])),
      )
    }
  })

  it('takes stored words as space-separated strings too', async () => {
    const index = await buildIndexInParallel(CONFIG, [[{ id: 'x', words: { title: '固态 电池', summary: '' } }]], {
      workers: 1,
      oneThreadBelow: 0,
    })
    expect(index.search({ text: '电池' }).hits.map((h) => h.id)).toEqual(['x'])
  })

  it('builds a small input on this thread, with the same results as the workers', async () => {
    const batches = [records.slice(0, 250), records.slice(250)]
    const here = await buildIndexInParallel(CONFIG, batches, { workers: 2 })
    const workers = await buildIndexInParallel(CONFIG, batches, { workers: 2, oneThreadBelow: 0 })
    expect(here.size).toBe(600)
    expect(here.segments()).toHaveLength(1)
    for (const text of ['具身智能', '电池 性能']) {
      const request = { text, facets: ['industry'], count: true, limit: 600, rerank: false }
      const a = here.search(request)
      const b = workers.search(request)
      expect(a.total).toBe(b.total)
      expect(a.facets).toEqual(b.facets)
      expect(new Map(a.hits.map((h) => [h.id, h.score.toFixed(9)]))).toEqual(
        new Map(b.hits.map((h) => [h.id, h.score.toFixed(9)])),
      )
    }
  })
})
