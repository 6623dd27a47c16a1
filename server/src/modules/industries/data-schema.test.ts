import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { segment } from '../../platform/text/tokenize'
import {
  type ClassificationStandard,
  IndustrySystem,
  leafNodes,
  parseIndustryDataFile,
  TO_BE_COMPLETED_NOTE,
} from './data-schema'

const here = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(here, '../../../..')
const DATA_DIR = path.join(ROOT, 'data/industry')
const SEEDS_DIR = path.resolve(ROOT, '../shared/seeds')

const files = fs
  .readdirSync(DATA_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'))

function system(code: string): IndustrySystem {
  const parsed = parseIndustryDataFile(readJson(`${code}.json`))
  if (parsed.type !== 'system') throw new Error(`${code} is not an industry system`)
  return parsed.data
}

function standard(file: string): ClassificationStandard {
  const parsed = parseIndustryDataFile(readJson(file))
  if (parsed.type !== 'standard') throw new Error(`${file} is not a standard`)
  return parsed.data
}

/** Names of the children of the node named `parent` (null: the top level), in file order. */
function childNames(data: IndustrySystem, parent: string | null): string[] {
  const parents = data.nodes.filter((node) => node.name === parent)
  if (parent !== null && parents.length !== 1) throw new Error(`${parent} names ${parents.length} nodes`)
  const parentCode = parent === null ? null : parents[0]!.code
  return data.nodes.filter((node) => node.parentCode === parentCode).map((node) => node.name)
}

const citySystems = ['huzhou-1366', 'wenzhou-5n', 'xiamen-4-4-6', 'huli-3-8'] as const
const keywordSystems = [...citySystems, 'national-sei-2018'] as const

describe('data/industry', () => {
  it('ships the four city systems, the national SEI classification and GB/T 4754-2017', () => {
    expect(files).toEqual([
      'gbt4754-2017.json',
      'huli-3-8.json',
      'huzhou-1366.json',
      'national-sei-2018.json',
      'wenzhou-5n.json',
      'xiamen-4-4-6.json',
    ])
  })

  it.each(files)('%s passes its schema and is named after its code', (file) => {
    const parsed = parseIndustryDataFile(readJson(file))
    expect(`${parsed.data.code.replace('GB/T ', 'gbt').toLowerCase()}.json`).toBe(file)
  })

  it.each([
    ['huzhou-1366', '330500'],
    ['wenzhou-5n', '330300'],
    ['xiamen-4-4-6', '350200'],
    ['huli-3-8', '350206'],
    ['national-sei-2018', '000000'],
  ])('%s belongs to jurisdiction %s', (code, jurisdiction) => {
    expect(system(code).jurisdiction).toBe(jurisdiction)
  })

  it.each(keywordSystems)('%s gives every leaf that is not to be completed 15–40 keywords', (code) => {
    const leaves = leafNodes(system(code).nodes).filter((node) => !node.toBeCompleted)
    expect(leaves.length).toBeGreaterThan(0)
    for (const leaf of leaves) {
      expect(leaf.keywords.length, leaf.name).toBeGreaterThanOrEqual(15)
      expect(leaf.keywords.length, leaf.name).toBeLessThanOrEqual(40)
    }
  })
})

describe('city systems use the seeds’ names exactly', () => {
  it.each<[string, string | null, string[]]>([
    ['huzhou-1366', null, ['先导产业', '特色产业', '新兴产业', '未来产业']],
    ['huzhou-1366', '先导产业', ['人工智能']],
    ['huzhou-1366', '人工智能', ['具身智能机器人', '智能驾驶', '智能穿戴设备', '算力数据服务']],
    ['huzhou-1366', '特色产业', ['现代纺织', '合金特材', '绿色家居']],
    ['huzhou-1366', '新兴产业', ['新能源汽车', '智能装备', '半导体及光电', '生物医药', '绿色能源', '地理信息+']],
    ['huzhou-1366', '未来产业', ['新能源飞行器', '前沿新材料', '新一代智能终端', '合成生物', '时空智能', '前沿电池']],
    ['wenzhou-5n', null, ['新兴主导产业', '未来产业']],
    ['wenzhou-5n', '新兴主导产业', ['数字经济', '新能源', '生命健康', '智能装备', '新材料']],
    ['wenzhou-5n', '数字经济', ['云计算与大数据', '集成电路']],
    ['wenzhou-5n', '新能源', ['前沿电池', '新一代风电', '氢能及新型储能']],
    ['wenzhou-5n', '生命健康', ['眼脑健康', '新药创制与高端医疗器械']],
    ['wenzhou-5n', '智能装备', ['智能电气', '智能激光', '工业机器人']],
    ['wenzhou-5n', '新材料', ['先进高分子材料', '功能材料']],
    ['wenzhou-5n', '未来产业', ['人工智能', '人形机器人', '眼脑健康', '合成生物', '细胞与基因治疗', '低空经济']],
    ['huli-3-8', null, ['机械装备', '电子信息', '商贸物流']],
    ['huli-3-8', '机械装备', ['航空维修制造', '汽车零部件']],
    ['huli-3-8', '电子信息', ['集成电路设计', '软件信息服务业', '计算机与通讯设备', '平板显示']],
    ['huli-3-8', '商贸物流', ['商贸', '物流']],
  ])('%s: %s → %j', (code, parent, children) => {
    expect(childNames(system(code), parent)).toEqual(children)
  })

  it.each(['huzhou-1366', 'wenzhou-5n', 'huli-3-8'])('%s leaves nothing to be completed', (code) => {
    expect(system(code).nodes.filter((node) => node.toBeCompleted)).toEqual([])
  })

  it('湖里区 has 8 chains under its 3 leading industries', () => {
    const huli = system('huli-3-8')
    expect(huli.nodes.filter((node) => node.level === 1)).toHaveLength(3)
    expect(leafNodes(huli.nodes)).toHaveLength(8)
  })

  it('厦门 "4+4+6" has 4, 4 and 6 slots; only the seed’s names are settled', () => {
    const xiamen = system('xiamen-4-4-6')
    const groups = xiamen.nodes.filter((node) => node.parentCode === null)
    expect(groups.map((group) => xiamen.nodes.filter((node) => node.parentCode === group.code).length)).toEqual([
      4, 4, 6,
    ])
    const fromSeed = ['未来产业', '氢能与储能', '基因与生物技术']
    expect(childNames(xiamen, '未来产业').slice(0, 2)).toEqual(['氢能与储能', '基因与生物技术'])
    for (const node of xiamen.nodes) {
      const settled = fromSeed.includes(node.name)
      expect(node.toBeCompleted, node.name).toBe(!settled)
      if (!settled) expect(node.note, node.name).toContain(TO_BE_COMPLETED_NOTE)
    }
  })

  const seedOf: Record<(typeof citySystems)[number], string> = {
    'huzhou-1366': '002_9e8d228c653db25b.simplified.txt',
    'wenzhou-5n': '004_e03fcd748ce80d09.txt',
    'xiamen-4-4-6': '003_f78842f4fc3dc0c2.txt',
    'huli-3-8': '000_e57a24773942d061.txt',
  }
  // The seeds sit beside the project (../shared) for developers and CI; the names above do not depend on them.
  it.runIf(fs.existsSync(SEEDS_DIR)).each(citySystems)('%s: every settled name occurs verbatim in its seed', (code) => {
    const seed = fs.readFileSync(path.join(SEEDS_DIR, seedOf[code]), 'utf8').replace(/\s+/g, '')
    const settled = system(code).nodes.filter((node) => !node.toBeCompleted)
    expect(settled.length).toBeGreaterThan(0)
    for (const node of settled) expect(seed, node.name).toContain(node.name)
  })
})

describe('national classifications', () => {
  it('战略性新兴产业分类（2018）has its 9 大类 and 40 二级 categories with the official codes', () => {
    const sei = system('national-sei-2018')
    const top = sei.nodes.filter((node) => node.level === 1)
    expect(top.map((node) => `${node.code} ${node.name}`)).toEqual([
      '1 新一代信息技术产业',
      '2 高端装备制造产业',
      '3 新材料产业',
      '4 生物产业',
      '5 新能源汽车产业',
      '6 新能源产业',
      '7 节能环保产业',
      '8 数字创意产业',
      '9 相关服务业',
    ])
    const second = top.map((node) => sei.nodes.filter((child) => child.parentCode === node.code))
    expect(second.map((children) => children.length)).toEqual([5, 5, 7, 5, 4, 5, 3, 4, 2])
    second.forEach((children, i) => {
      expect(children.map((child) => child.code)).toEqual(children.map((_, j) => `${i + 1}.${j + 1}`))
    })
    expect(sei.nodes).toHaveLength(49)
  })

  it.each([
    ['1.1', '下一代信息网络产业'],
    ['1.4', '互联网与云计算、大数据服务'],
    ['1.5', '人工智能'],
    ['3.5', '高性能纤维及制品和复合材料'],
    ['4.4', '生物质能产业'],
    ['5.2', '新能源汽车装置、配件制造'],
    ['6.4', '生物质能及其他新能源产业'],
    ['9.1', '新技术与创新创业服务'],
  ])('SEI %s is %s', (code, name) => {
    expect(system('national-sei-2018').nodes.find((node) => node.code === code)?.name).toBe(name)
  })

  const gbt = () => standard('gbt4754-2017.json')
  const sectionRanges: [string, number, number][] = [
    ['A', 1, 5],
    ['B', 6, 12],
    ['C', 13, 43],
    ['D', 44, 46],
    ['E', 47, 50],
    ['F', 51, 52],
    ['G', 53, 60],
    ['H', 61, 62],
    ['I', 63, 65],
    ['J', 66, 69],
    ['K', 70, 70],
    ['L', 71, 72],
    ['M', 73, 75],
    ['N', 76, 79],
    ['O', 80, 82],
    ['P', 83, 83],
    ['Q', 84, 85],
    ['R', 86, 90],
    ['S', 91, 96],
    ['T', 97, 97],
  ]

  it('GB/T 4754-2017 has 20 门类 A–T and 97 大类 01–97, each under its 门类', () => {
    const { nodes } = gbt()
    expect(nodes.filter((node) => node.level === 1).map((node) => node.code)).toEqual(sectionRanges.map(([s]) => s))
    const divisions = nodes.filter((node) => node.level === 2)
    expect(divisions.map((node) => node.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    )
    for (const [section, from, to] of sectionRanges) {
      const under = divisions.filter((node) => node.parentCode === section).map((node) => Number(node.code))
      expect(under, section).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i))
    }
  })

  it.each([
    ['A', '农、林、牧、渔业'],
    ['01', '农业'],
    ['C', '制造业'],
    ['11', '开采专业及辅助性活动'],
    ['25', '石油、煤炭及其他燃料加工业'],
    ['39', '计算机、通信和其他电子设备制造业'],
    ['I', '信息传输、软件和信息技术服务业'],
    ['65', '软件和信息技术服务业'],
    ['M', '科学研究和技术服务业'],
    ['75', '科技推广和应用服务业'],
    ['87', '广播、电视、电影和录音制作业'],
    ['T', '国际组织'],
  ])('GB/T 4754-2017 %s is %s', (code, name) => {
    expect(gbt().nodes.find((node) => node.code === code)?.name).toBe(name)
  })
})

describe('the industry dictionary', () => {
  const dictionary = fs.readFileSync(path.join(ROOT, 'data/dictionary/industry.txt'), 'utf8').trim().split('\n')

  it('has one `word freq n` entry per line and no word twice', () => {
    for (const line of dictionary) expect(line).toMatch(/^\S+ \d+ n$/)
    const words = dictionary.map((line) => line.split(' ')[0])
    expect(new Set(words).size).toBe(words.length)
  })

  it.each(citySystems)('keeps every all-Chinese node name of %s as one word', (code) => {
    const names = system(code)
      .nodes.map((node) => node.name)
      .filter((name) => /^\p{Script=Han}+$/u.test(name))
    for (const name of names) expect(segment(name), name).toEqual([name])
  })
})

describe('IndustrySystem', () => {
  const valid = (): IndustrySystem => ({
    code: 'test-city',
    name: '测试市产业体系',
    jurisdiction: '330500',
    version: '1',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    source: '测试文件，2025年1月1日',
    nodes: [
      { code: 'G', name: '未来产业', parentCode: null, level: 1, kind: 'group', keywords: [], toBeCompleted: false },
      {
        code: 'G-1',
        name: '合成生物',
        parentCode: 'G',
        level: 2,
        kind: 'industry',
        keywords: ['合成生物学', '代谢工程'],
        toBeCompleted: false,
      },
      {
        code: 'G-2',
        name: '待补充',
        parentCode: 'G',
        level: 2,
        kind: 'industry',
        keywords: [],
        toBeCompleted: true,
        note: TO_BE_COMPLETED_NOTE,
      },
    ],
  })

  it('accepts a well-formed system', () => {
    expect(IndustrySystem.safeParse(valid()).success).toBe(true)
  })

  it.each<[string, (file: IndustrySystem) => unknown, string]>([
    ['a repeated code', (f) => ({ ...f, nodes: [...f.nodes, { ...f.nodes[1]!, name: '别名' }] }), '重复'],
    [
      'a missing parent',
      (f) => ({ ...f, nodes: [...f.nodes, { ...f.nodes[1]!, code: 'X', parentCode: 'Y' }] }),
      '不存在',
    ],
    [
      'a wrong level',
      (f) => ({ ...f, nodes: f.nodes.map((n) => (n.code === 'G-1' ? { ...n, level: 3 } : n)) }),
      '层级',
    ],
    ['a leaf without keywords', (f) => ({ ...f, nodes: f.nodes.map((n) => ({ ...n, keywords: [] })) }), '需要关键词'],
    ['a slot to be completed without a note', (f) => ({ ...f, nodes: f.nodes.map(({ note: _, ...n }) => n) }), '说明'],
    [
      'a group under an industry',
      (f) => ({ ...f, nodes: [...f.nodes, { ...f.nodes[0]!, code: 'X', parentCode: 'G-1', level: 3 }] }),
      '不能位于',
    ],
    ['two siblings with one name', (f) => ({ ...f, nodes: [...f.nodes, { ...f.nodes[1]!, code: 'G-3' }] }), '名称'],
    [
      'a keyword without Chinese',
      (f) => ({ ...f, nodes: f.nodes.map((n) => ({ ...n, keywords: [...n.keywords, 'AI'] })) }),
      '中文',
    ],
    ['an end before the start', (f) => ({ ...f, effectiveTo: '2024-12-31' }), '失效日期'],
    ['an unknown field', (f) => ({ ...f, nodes: f.nodes.map((n) => ({ ...n, order: 1 })) }), ''],
    ['a jurisdiction that is not a GB/T 2260 code', (f) => ({ ...f, jurisdiction: '3305' }), '行政区划'],
  ])('rejects %s', (_, mutate, message) => {
    const result = IndustrySystem.safeParse(mutate(valid()))
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message).join('；')).toContain(message)
  })

  it('reads a "GB/T …" file as a standard and refuses a system shape for it', () => {
    const gbt = readJson('gbt4754-2017.json')
    expect(parseIndustryDataFile(gbt).type).toBe('standard')
    const withKinds = {
      ...(gbt as ClassificationStandard),
      nodes: [{ code: 'A', name: '农、林、牧、渔业', parentCode: null, level: 1, kind: 'group' }],
    }
    expect(() => parseIndustryDataFile(withKinds)).toThrow()
  })
})
