import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { searchDocuments } from '../../platform/registry/schema'
import { SearchIndex, type SearchIndexConfig, type SearchRequest } from '../../platform/search'
import { segment } from '../../platform/text/tokenize'
import { withTestDatabase } from '../../test/database'
import { rebuildIndexes, registerSearchProfile, searchIndex, searchRecords, storeSearchDocument } from './service'

withTestDatabase()

const RECORD_TYPE = 'rebuild_test'
const CONFIG: SearchIndexConfig = {
  fields: [
    { name: 'title', weight: 3, b: 0.5 },
    { name: 'summary', weight: 1, b: 0.75 },
  ],
  attributes: { industry: 'keywords', trl: 'number' },
}
const TITLES = ['具身智能机器人关节控制', '固态电池电解质', '智能驾驶感知融合', '合成生物酶工程', '低空经济无人机物流']
const REQUESTS: SearchRequest[] = [
  { text: '具身智能', facets: ['industry'], count: true, limit: 400 },
  { text: '电池 性能', count: true, limit: 50, offset: 20 },
  { text: '无人机', filter: { attribute: 'trl', gte: 4 }, facets: ['industry', 'trl'], count: true, limit: 400 },
  { text: '机器人', sort: { attribute: 'trl', order: 'desc' }, count: true, limit: 400 },
  { text: '无人机物流', rerank: false, limit: 10 },
]

/** What rebuildIndexes did before it streamed: every row read, each stored string split into words. */
async function rebuildTheOldWay(): Promise<SearchIndex> {
  const rows = await db
    .select()
    .from(searchDocuments)
    .where(eq(searchDocuments.recordType, RECORD_TYPE))
    .orderBy(asc(searchDocuments.recordId))
  return SearchIndex.fromDocuments(
    CONFIG,
    rows.map((row) => ({
      id: row.recordId,
      fields: Object.fromEntries(
        Object.entries(row.fields).map(([name, joined]) => [name, joined ? joined.split(' ') : []]),
      ),
      attributes: row.attributes,
    })),
  )
}

function answers(search: (request: SearchRequest) => ReturnType<SearchIndex['search']>) {
  return REQUESTS.map((request) => {
    const response = search(request)
    // hits in order with their scores: equal scores must come back in the same order too
    return { total: response.total, facets: response.facets, hits: response.hits.map((h) => [h.id, h.score]) }
  })
}

describe('rebuildIndexes', () => {
  it('streams the stored tokens page by page into the same index the old whole-table rebuild built', async () => {
    registerSearchProfile(RECORD_TYPE, CONFIG)
    // 300 records, many with the same words, so ties in score are common
    await db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) {
        await storeSearchDocument(tx, RECORD_TYPE, randomUUID(), {
          fields: {
            title: segment(TITLES[i % TITLES.length]!),
            summary: segment(`第${i % 7}种方法提高了${TITLES[(i * 3) % TITLES.length]}的性能`),
          },
          attributes: { industry: [`行业${i % 4}`], trl: i % 9 },
        })
      }
    })
    const old = await rebuildTheOldWay()
    const expected = answers((request) => old.search(request))
    expect(expected[0]!.hits.length).toBeGreaterThan(50)

    // one thread, five pages of 64
    expect(await rebuildIndexes({ pageSize: 64 })).toMatchObject({ [RECORD_TYPE]: 300 })
    expect(answers((request) => searchRecords(RECORD_TYPE, request))).toEqual(expected)
    expect(searchIndex(RECORD_TYPE).vocabulary.terms).toEqual(old.vocabulary.terms)
    expect(searchIndex(RECORD_TYPE).segments()).toHaveLength(1)

    // two worker threads, each reading its own range of record ids in pages of 64
    expect(await rebuildIndexes({ pageSize: 64, parallelFrom: 0, workers: 2 })).toMatchObject({ [RECORD_TYPE]: 300 })
    expect(searchIndex(RECORD_TYPE).segments()).toHaveLength(2)
    expect(answers((request) => searchRecords(RECORD_TYPE, request))).toEqual(expected)
    expect(searchIndex(RECORD_TYPE).vocabulary.terms).toEqual(old.vocabulary.terms)
  })
})
