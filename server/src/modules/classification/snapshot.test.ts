import { describe, expect, it } from 'vitest'
import { trainClassifier } from './classifier'
import { readBaseData } from './dataset'
import { decodeDual, encodeDual } from './snapshot'

const base = readBaseData()
const slice = { titles: base.titles.slice(0, 800), papers: base.papers.slice(0, 150) }
const solved = trainClassifier(slice)
const snapshot = solved.snapshot()
const probes = ['糖尿病患者的临床护理', '水稻栽培技术', '高校思想政治教育研究', '钛合金的热处理工艺']

describe('snapshot', () => {
  it('round-trips α through base64 exactly', () => {
    const dual = [Float32Array.from([0, 1.5, 3.25e-7]), Float32Array.from([2])]
    expect(decodeDual(encodeDual(dual))).toEqual(dual)
  })

  it('rebuilds models that classify exactly like the freshly solved ones', () => {
    const rebuilt = trainClassifier(slice, [], { snapshot })
    expect(rebuilt.fromSnapshot).toEqual({ category: 'exact', discipline: 'exact' })
    for (const text of probes) expect(rebuilt.classify(text, { topK: 5 })).toEqual(solved.classify(text, { topK: 5 }))
  })

  it('is ignored when the data changed since it was solved', () => {
    const changed = { titles: slice.titles.slice(1), papers: slice.papers }
    expect(trainClassifier(changed, [], { snapshot }).fromSnapshot).toEqual({ category: 'unused', discipline: 'exact' })
  })

  it('resumes from α with a few passes when the segmentation changed (a new dictionary)', () => {
    const category = { ...snapshot.tasks.category!, featureFingerprint: 'segmented with another dictionary' }
    const resumed = trainClassifier(slice, [], { snapshot: { ...snapshot, tasks: { ...snapshot.tasks, category } } })
    expect(resumed.fromSnapshot).toEqual({ category: 'resumed', discipline: 'exact' })
    for (const text of probes) expect(resumed.classify(text).category.label).toBe(solved.classify(text).category.label)
  })

  it('resumes from the snapshot when learning corrections, and the corrections take effect', () => {
    const probe = '茶席醍醐灌顶式设计的社区推广'
    const corrections = ['茶席醍醐灌顶式设计', '醍醐灌顶的茶席设计研究', '茶席与醍醐灌顶式展示'].map((text) => ({
      text,
      category: '艺术学',
    }))
    const learned = trainClassifier(slice, [], { snapshot }).learn(corrections)
    expect(learned.fromSnapshot.category).toBe('exact')
    expect(learned.classify(probe).category.label).toBe('艺术学')
  })

  it('refuses to snapshot a classifier that has corrections', () => {
    expect(() => solved.learn([{ text: '某成果', category: '工学' }]).snapshot()).toThrow(/base data only/)
  })
})
