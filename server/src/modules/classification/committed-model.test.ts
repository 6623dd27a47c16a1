import { beforeAll, describe, expect, it } from 'vitest'
import { type Classifier, loadClassifier } from './classifier'

// The model the server loads: trained from data/classification/ (公开论文元数据（CSL）).
let classifier: Classifier
beforeAll(async () => {
  classifier = await loadClassifier()
})

describe('the committed classifier', () => {
  it('starts from the committed snapshot (rebuild it with build-snapshot.ts after changing data or spec)', () => {
    expect(classifier.fromSnapshot).toEqual({ category: 'exact', discipline: 'exact' })
  })

  it('knows the 13 门类 and the 67 学科 of CSL', () => {
    expect(classifier.categories).toHaveLength(13)
    expect(classifier.disciplines).toHaveLength(67)
  })

  it.each([
    ['基于深度学习的图像目标检测算法', '工学'],
    ['糖尿病患者的护理干预效果观察', '医学'],
    ['玉米杂交种的产量与抗倒伏性比较', '农学'],
    ['小学数学课堂教学中学生提问能力的培养', '教育学'],
    ['刑事诉讼中的非法证据排除规则', '法学'],
    ['论宋代理学的形成与传播', '历史学'],
  ])('puts %s in %s', (text, category) => expect(classifier.classify(text).category.label).toBe(category))

  it.each([
    ['基于卷积神经网络的图像识别算法', '计算机科学与技术'],
    ['小麦品种抗旱性鉴定与遗传育种', '作物学'],
    ['中药复方治疗慢性胃炎的临床观察', '中医学/中药学'],
    ['刑事诉讼中的非法证据排除规则', '法学'],
  ])('puts %s in the 学科 %s or its runner-up', (text, discipline) => {
    const { discipline: result } = classifier.classify(text)
    expect([result.label, result.alternatives[0]?.label]).toContain(discipline)
  })
})
