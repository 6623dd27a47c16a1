import { describe, expect, it } from 'vitest'
import { segment } from '../text/tokenize'
import type { Filter } from './filter'
import { SearchIndex } from './search-index'
import type { IndexDocument, SearchIndexConfig } from './types'

const REGISTRY: SearchIndexConfig = {
  fields: [
    { name: 'title', weight: 3, b: 0.5, label: '标题' },
    { name: 'keywords', weight: 2, b: 0.3, label: '关键词' },
    { name: 'summary', weight: 1, b: 0.75, label: '摘要' },
  ],
  attributes: { industry: 'keywords', trl: 'number', confidentiality: 'keyword', ownerOrg: 'keyword' },
}

function achievement(
  id: string,
  title: string,
  summary: string,
  attributes: { industry?: string[]; trl?: number; confidentiality?: string; ownerOrg?: string } = {},
): IndexDocument {
  return {
    id,
    fields: { title: segment(title), keywords: [], summary: segment(summary) },
    attributes: { confidentiality: '公开', ownerOrg: 'org-a', ...attributes },
  }
}

const DOCS = [
  achievement('robot-joint', '具身智能机器人关节控制', '提出一种关节力矩控制方法，提高机器人运动的柔顺性。', {
    industry: ['人工智能', '具身智能机器人'],
    trl: 6,
  }),
  achievement('driving', '智能驾驶多传感器感知融合', '融合激光雷达与摄像头数据，提高智能驾驶感知精度。', {
    industry: ['人工智能', '智能驾驶'],
    trl: 5,
  }),
  achievement('hand', '人形机器人灵巧手', '设计一种欠驱动灵巧手，可用于人形机器人抓取。', {
    industry: ['人工智能'],
    trl: 4,
  }),
  achievement('scene', '工业视觉缺陷检测平台', '面向具身智能场景的视觉检测平台，可部署在产线。', {
    industry: ['智能装备'],
    trl: 7,
  }),
  achievement('secret', '具身智能大模型训练方法', '具身智能机器人的大模型训练方法与数据集。', {
    industry: ['人工智能'],
    trl: 3,
    confidentiality: '保密',
    ownerOrg: 'org-b',
  }),
  achievement('battery', '固态电池电解质材料', '一种高离子电导率的固态电解质，提高电池安全性。', {
    industry: ['新能源'],
    trl: 5,
  }),
]

const visibleTo = (org: string): Filter => ({
  or: [
    { attribute: 'confidentiality', in: ['公开', '内部'] },
    { attribute: 'ownerOrg', in: [org] },
  ],
})

const ids = (index: SearchIndex, request: Parameters<SearchIndex['search']>[0]) =>
  index.search(request).hits.map((h) => h.id)

describe('registry search', () => {
  it('finds 具身智能 inside 具身智能机器人 and ranks the title match first', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    expect(ids(index, { text: '具身智能', filter: visibleTo('org-a') })).toEqual(['robot-joint', 'scene'])
  })

  it.each(['具身智慧机器人', '机器入关节控制', '固太电池', '智能驾使'])(
    'still finds documents for %s (one character off)',
    (text) => {
      const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
      expect(index.search({ text }).hits.length).toBeGreaterThan(0)
    },
  )

  it('returns nothing for words the index has never seen anything like', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    expect(index.search({ text: '量子纠缠' }).hits).toEqual([])
  })

  it('applies filters while searching and counts facets over the whole filtered matching set', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const response = index.search({
      text: '机器人 智能',
      filter: { and: [{ attribute: 'trl', gte: 5 }, visibleTo('org-a')] },
      facets: ['industry'],
      limit: 1,
    })
    expect(response.total).toBe(3)
    expect(response.hits).toHaveLength(1)
    expect(response.facets?.industry).toEqual([
      { value: '人工智能', count: 2 },
      { value: '具身智能机器人', count: 1 },
      { value: '智能装备', count: 1 },
      { value: '智能驾驶', count: 1 },
    ])
  })

  it('never shows or counts a 保密 record for another organization', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const other = index.search({
      text: '具身智能 大模型',
      filter: visibleTo('org-a'),
      facets: ['ownerOrg'],
      count: true,
    })
    expect(other.hits.map((h) => h.id)).not.toContain('secret')
    expect(other.facets?.ownerOrg).toEqual([{ value: 'org-a', count: other.total }])
    const owner = index.search({ text: '具身智能 大模型', filter: visibleTo('org-b') })
    expect(owner.hits[0]?.id).toBe('secret')
  })

  it('pages through the same order a single page shows', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const all = ids(index, { text: '智能 机器人 电池', limit: 6 })
    const paged = [0, 2, 4].flatMap((offset) => ids(index, { text: '智能 机器人 电池', offset, limit: 2 }))
    expect(paged).toEqual(all)
  })

  it('sorts the matching set by an attribute', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const response = index.search({
      text: '智能',
      sort: { attribute: 'trl', order: 'desc' },
      filter: visibleTo('org-a'),
    })
    expect(response.hits.map((h) => h.attributes.trl)).toEqual([7, 6, 5])
  })

  it('lists every visible record when there are no words (a filtered list page)', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const response = index.search({
      filter: visibleTo('org-a'),
      sort: { attribute: 'trl', order: 'asc' },
      facets: ['industry'],
      limit: 3,
    })
    expect(response.total).toBe(5)
    expect(response.hits.map((h) => h.id)).toEqual(['hand', 'driving', 'battery'])
    expect(response.facets?.industry?.[0]).toEqual({ value: '人工智能', count: 3 })
  })

  it('leaves out excluded records (the record itself when matching)', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    expect(ids(index, { text: '具身智能', exclude: ['robot-joint'], filter: visibleTo('org-a') })).toEqual(['scene'])
  })
})

describe('documents grouped by an attribute', () => {
  it('answer exactly as in arrival order (only the order inside segments changes)', () => {
    const plain = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const grouped = SearchIndex.fromDocuments({ ...REGISTRY, clusterBy: 'confidentiality' }, DOCS)
    for (const text of ['具身智能', '机器人 智能', '电池']) {
      const request = { text, facets: ['industry'], count: true, limit: 10, rerank: false }
      const a = plain.search(request)
      const b = grouped.search(request)
      expect(new Map(b.hits.map((h) => [h.id, h.score]))).toEqual(new Map(a.hits.map((h) => [h.id, h.score])))
      expect(b.facets).toEqual(a.facets)
    }
    expect(grouped.segments()[0]!.data.ids.at(-1)).toBe('secret')
  })
})

describe('write path', () => {
  it('finds an upserted record at once and replaces it on the next upsert', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    index.upsert(achievement('new', '低空经济无人机物流', '面向低空经济的无人机配送调度。', { trl: 5 }))
    expect(ids(index, { text: '低空经济' })).toEqual(['new'])
    index.upsert(achievement('new', '合成生物酶工程', '利用合成生物技术改造工业酶。', { trl: 4 }))
    expect(ids(index, { text: '低空经济' })).toEqual([])
    expect(ids(index, { text: '合成生物' })).toEqual(['new'])
    expect(index.size).toBe(DOCS.length + 1)
  })

  it('forgets removed records, also in counts and facets', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    expect(index.remove('robot-joint')).toBe(true)
    expect(index.remove('robot-joint')).toBe(false)
    const response = index.search({ text: '机器人', facets: ['industry'] })
    expect(response.hits.map((h) => h.id)).not.toContain('robot-joint')
    expect(response.facets?.industry?.find((f) => f.value === '具身智能机器人')).toBeUndefined()
    expect(index.size).toBe(DOCS.length - 1)
  })

  it('answers the same after sealing and merging segments', () => {
    const index = new SearchIndex({ ...REGISTRY, bufferLimit: 2, maxSegments: 2 })
    for (const doc of DOCS) index.upsert(doc)
    index.remove('hand')
    const before = index.search({ text: '智能 机器人 电池', limit: 10 }).hits
    index.compact()
    expect(index.segments()).toHaveLength(1)
    const after = index.search({ text: '智能 机器人 电池', limit: 10 }).hits
    expect(after.map((h) => h.id)).toEqual(before.map((h) => h.id))
    // impacts are recomputed with the average lengths of the day: scores move by rounding only
    after.forEach((h, i) => {
      expect(h.score).toBeCloseTo(before[i]!.score, 1)
    })
  })

  it('keeps document frequencies equal to a fresh build after replacements and removals', () => {
    const index = new SearchIndex({ ...REGISTRY, bufferLimit: 3 })
    for (const doc of DOCS) index.upsert(doc)
    index.upsert(DOCS[0]!)
    index.remove('battery')
    const fresh = SearchIndex.fromDocuments(
      REGISTRY,
      DOCS.filter((d) => d.id !== 'battery'),
    )
    for (const word of ['智能', '机器人', '电池', '具身智能']) {
      const live = index.vocabulary.df[index.vocabulary.id(word) ?? -1] ?? 0
      expect(live).toBe(fresh.vocabulary.df[fresh.vocabulary.id(word) ?? -1] ?? 0)
    }
  })
})

describe('为什么推荐', () => {
  it('explains a match: words per field, field shares and a Chinese summary', () => {
    const index = SearchIndex.fromDocuments(REGISTRY, DOCS)
    const [hit] = index.search({
      words: segment('机器人关节力矩控制'),
      explain: true,
      limit: 1,
      context: { attributes: { industry: ['具身智能机器人'] }, trl: { wanted: 5 } },
    }).hits
    expect(hit?.id).toBe('robot-joint')
    const reasons = hit!.reasons!
    expect(reasons.matchedTerms.map((m) => m.word)).toEqual(expect.arrayContaining(['机器人', '关节', '控制']))
    expect(reasons.matchedTerms.find((m) => m.word === '关节')?.occurrences).toEqual({ title: 1, summary: 1 })
    expect(Object.keys(reasons.fieldContributions).sort()).toEqual(['summary', 'title'])
    expect(reasons.shared).toEqual([{ attribute: 'industry', values: ['具身智能机器人'] }])
    expect(reasons.features.trlFit).toBe(1)
    expect(reasons.summary[0]).toMatch(/^命中关键词：/)
    expect(hit!.highlight).toEqual(expect.arrayContaining(['具身智能机器人', '关节']))
  })
})
