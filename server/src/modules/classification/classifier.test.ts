import { describe, expect, it } from 'vitest'
import { isAppError } from '../../platform/errors/errors'
import { trainClassifier } from './classifier'
import { readBaseData } from './dataset'

// A slice keeps this fast; the committed full model is checked in committed-model.test.ts.
const base = readBaseData()
const slice = { titles: base.titles.slice(0, 1500), papers: base.papers.slice(0, 300) }
const classifier = trainClassifier(slice)

describe('classify', () => {
  it.each([
    ['糖尿病患者术后感染的临床护理', '医学'],
    ['水稻高产栽培技术与施肥试验', '农学'],
    ['钢筋混凝土框架结构的抗震性能分析', '工学'],
  ])('puts %s in %s', (text, category) => expect(classifier.classify(text).category.label).toBe(category))

  it('returns top-k alternatives, best first, with confidences that sum to at most 1', () => {
    const { category, discipline } = classifier.classify('水稻高产栽培技术', { topK: 4 })
    for (const ranked of [category, discipline]) {
      expect(ranked.alternatives).toHaveLength(3)
      const confidences = [ranked.confidence, ...ranked.alternatives.map((a) => a.confidence)]
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences)
      expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9)
    }
  })

  it('answers a discipline that exists in the training data', () => {
    const { discipline } = classifier.classify('水稻高产栽培技术')
    expect(classifier.disciplines).toContain(discipline.label)
    expect(classifier.categoryOfDiscipline.get(discipline.label)).toBeDefined()
  })
})

describe('learn', () => {
  // 醍醐灌顶 and 茶席 are unseen in the slice, so only corrections can tie them to 艺术学.
  const probe = '茶席醍醐灌顶式设计的社区推广'
  const corrections = [
    { text: '茶席醍醐灌顶式设计', category: '艺术学' },
    { text: '醍醐灌顶的茶席设计研究', category: '艺术学' },
    { text: '茶席与醍醐灌顶式展示', category: '艺术学' },
  ]

  it('changes the category suggested for similar texts', () => {
    expect(classifier.classify(probe).category.label).not.toBe('艺术学')
    const learned = classifier.learn(corrections)
    expect(learned.classify(probe).category.label).toBe('艺术学')
    expect(learned.corrections).toHaveLength(3)
  })

  it('learns a 学科 correction for the discipline and, through it, the 门类', () => {
    const discipline = '艺术学'
    const learned = classifier.learn(corrections.map(({ text }) => ({ text, discipline })))
    const result = learned.classify(probe)
    expect(result.discipline.label).toBe(discipline)
    expect(result.category.label).toBe(learned.categoryOfDiscipline.get(discipline))
  })

  it.each([
    [{ text: '某成果', category: '交叉学科X' }, '学科门类“交叉学科X”不在分类体系内'],
    [{ text: '某成果', discipline: '不存在的学科' }, '一级学科“不存在的学科”不在分类体系内'],
  ])('rejects a correction with an unknown label', (correction, message) => {
    try {
      classifier.learn([correction])
      expect.unreachable()
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED')
      expect((error as Error).message).toBe(message)
    }
  })
})
