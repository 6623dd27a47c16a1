import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SearchIndex } from './search-index'
import { readSnapshot, writeSnapshot } from './snapshot'
import type { SearchIndexConfig } from './types'

const CONFIG: SearchIndexConfig = {
  fields: [
    { name: 'title', weight: 3, b: 0.5 },
    { name: 'summary', weight: 1, b: 0.75 },
  ],
  attributes: { industry: 'keywords', trl: 'number', region: 'keyword' },
  subwords: (w) => (w.length > 3 ? [w.slice(0, 2), w.slice(2)] : []),
  isStopword: (w) => w === '的',
}

const file = path.join(os.tmpdir(), `snapshot-test-${process.pid}.bin`)
afterEach(() => fs.rmSync(file, { force: true }))

function sample(): SearchIndex {
  const index = new SearchIndex({ ...CONFIG, bufferLimit: 3 })
  for (let i = 0; i < 10; i++) {
    index.upsert({
      id: `r${i}`,
      fields: { title: [`标题${i % 3}`, '智能制造', '的'], summary: ['摘要', `词${i}`, '智能制造'] },
      attributes: { industry: [`行业${i % 2}`, '通用'], trl: i, region: i % 2 ? '330300' : '350200' },
    })
  }
  index.remove('r4')
  return index
}

describe('index snapshots', () => {
  it('reads back an index that answers exactly like the one written, tombstones, buffer and all', () => {
    const index = sample()
    writeSnapshot(index, file)
    const restored = readSnapshot(file, CONFIG)
    const request = {
      text: '',
      words: ['智能', '标题1', '词7'],
      facets: ['industry', 'region'],
      count: true,
      limit: 20,
    }
    expect(restored.search(request)).toEqual(index.search(request))
    expect(restored.size).toBe(9)
    expect(restored.has('r4')).toBe(false)
  })

  it('keeps accepting writes after a restore', () => {
    writeSnapshot(sample(), file)
    const restored = readSnapshot(file, CONFIG)
    restored.upsert({ id: 'r1', fields: { title: ['新标题'], summary: [] }, attributes: { trl: 9 } })
    restored.upsert({ id: 'n1', fields: { title: ['智能制造'], summary: [] }, attributes: { trl: 2 } })
    expect(restored.search({ words: ['新标题'] }).hits.map((h) => h.id)).toEqual(['r1'])
    expect(restored.search({ words: ['标题1'], limit: 20 }).hits.map((h) => h.id)).not.toContain('r1')
    expect(restored.size).toBe(10)
  })

  it('refuses a snapshot written for other fields', () => {
    writeSnapshot(sample(), file)
    expect(() => readSnapshot(file, { ...CONFIG, fields: [{ name: 'title', weight: 1, b: 0.5 }] })).toThrow(/字段配置/)
  })
})
