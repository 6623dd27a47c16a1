import { describe, expect, it } from 'vitest'
import { type CoverageNode, computeCoverage } from './coverage'

const nodes: CoverageNode[] = [
  { code: 'G', name: '新兴主导产业', parentCode: null, kind: 'group' },
  { code: 'D', name: '数字经济', parentCode: 'G', kind: 'industry' },
  { code: 'D1', name: '云计算与大数据', parentCode: 'D', kind: 'segment' },
  { code: 'D2', name: '集成电路', parentCode: 'D', kind: 'segment' },
  { code: 'E', name: '新能源', parentCode: 'G', kind: 'industry' },
  { code: 'E1', name: '前沿电池', parentCode: 'E', kind: 'segment' },
  { code: 'F', name: '人工智能', parentCode: null, kind: 'industry' },
]
const center = (id: string, codes: string[]) => ({ id, name: id, level: 'municipal', industryCodes: codes })

describe('computeCoverage', () => {
  it.each([
    ['no centers', [], []],
    ['a center on a chain covers that chain only', [center('c1', ['s:D1'])], ['D1']],
    ['a center on an industry covers its chains', [center('c1', ['s:D'])], ['D1', 'D2']],
    ['a center on a policy group covers nothing by itself', [center('c1', ['s:G'])], []],
    ['a leaf industry (未来产业) is a chain', [center('c1', ['s:F'])], ['F']],
    ['codes of another system do not count', [center('c1', ['other:D1'])], []],
  ])('%s', (_name, centers, covered) => {
    const result = computeCoverage('s', nodes, centers)
    expect(result.total).toBe(4)
    expect(result.leaves.filter((l) => l.covered).map((l) => l.code)).toEqual(covered)
    expect(result.covered).toBe(covered.length)
  })

  it('says through which node a chain is covered', () => {
    const [leaf] = computeCoverage('s', nodes, [center('c1', ['s:D'])]).leaves
    expect(leaf).toMatchObject({
      code: 'D1',
      path: '新兴主导产业 / 数字经济',
      centers: [{ id: 'c1', via: '数字经济' }],
    })
  })

  it('counts a chain listed twice as covered in both places when a center covers one', () => {
    const twice: CoverageNode[] = [
      { code: 'H', name: '生命健康', parentCode: null, kind: 'industry' },
      { code: 'H1', name: '眼脑健康', parentCode: 'H', kind: 'segment' },
      { code: 'U', name: '未来产业', parentCode: null, kind: 'group' },
      { code: 'U1', name: '眼脑健康', parentCode: 'U', kind: 'industry' },
      { code: 'U2', name: '合成生物', parentCode: 'U', kind: 'industry' },
    ]
    const result = computeCoverage('s', twice, [center('c1', ['s:H1'])])
    expect(result.leaves.filter((l) => l.covered).map((l) => l.code)).toEqual(['H1', 'U1'])
    expect(result.leaves.find((l) => l.code === 'U1')!.centers).toEqual([
      { id: 'c1', name: 'c1', level: 'municipal', via: '生命健康 / 眼脑健康' },
    ])
  })
})
