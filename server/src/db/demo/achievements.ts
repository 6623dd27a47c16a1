import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { achievements, type Maturity, type TransferMode } from '../../modules/achievements/schema'
import { RECORD_TYPE, searchDocumentOf } from '../../modules/achievements/view'
import { suggestIndustries } from '../../modules/classification/industries'
import { organizations } from '../../modules/organizations/schema'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { searchDocuments } from '../../platform/registry/schema'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'

const here = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(here, '../../../..')
export const CSL_LABEL = '公开论文元数据（CSL）'

type Node = { code: string; name: string; parentCode: string | null; keywords?: string[] }
function system(file: string): { code: string; nodes: Node[] } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'data/industry', file), 'utf8'))
}
const SYSTEMS: Record<string, { code: string; nodes: Node[] }> = {
  '330500': system('huzhou-1366.json'),
  '330300': system('wenzhou-5n.json'),
  '350200': system('xiamen-4-4-6.json'),
  '350206': system('huli-3-8.json'),
}

/** Research organizations that own the demo achievements, three per city. */
const RESEARCH_ORGS = [
  { key: 'wenzhou-university', name: '瓯越理工大学', kind: 'university', area: '330304', city: '330300' },
  { key: 'wz-medical', name: '温州瓯江医学院', kind: 'university', area: '330304', city: '330300' },
  { key: 'wz-institute', name: '温州市智能制造研究院', kind: 'researchInstitute', area: '330303', city: '330300' },
  {
    key: 'huzhou-institute',
    name: '湖州南太湖先进技术研究院',
    kind: 'researchInstitute',
    area: '330502',
    city: '330500',
  },
  { key: 'hz-college', name: '湖州太湖理工学院', kind: 'university', area: '330503', city: '330500' },
  { key: 'hz-agri', name: '湖州市农业科学研究院', kind: 'researchInstitute', area: '330521', city: '330500' },
  { key: 'xm-university', name: '鹭岛大学', kind: 'university', area: '350203', city: '350200' },
  { key: 'xm-materials', name: '厦门海西新材料研究所', kind: 'researchInstitute', area: '350211', city: '350200' },
  { key: 'hl-institute', name: '湖里智能装备创新研究院', kind: 'researchInstitute', area: '350206', city: '350206' },
] as const

type Showcase = {
  title: string
  summary: string
  keywords: string[]
  org: string
  node: string
  trl: number
  maturity: Maturity
  modes: TransferMode[]
  confidentiality: 'public' | 'internal' | 'secret'
  category: string
  discipline: string
  priceWan?: number
}

/** Hand-written records in the cities' own industries, so the portal shows something a city would recognise. */
const SHOWCASE: Showcase[] = [
  {
    title: '具身智能机器人关节控制',
    summary:
      '面向人形机器人与协作机械臂关节，提出基于力矩传感与模型预测控制的柔顺关节控制方法，集成谐波减速器与无框力矩电机，样机关节响应时间小于 5 毫秒，可用于具身智能机器人的精细操作。',
    keywords: ['具身智能', '关节控制', '力矩传感', '人形机器人'],
    org: 'huzhou-institute',
    node: 'HZ-1-1',
    trl: 5,
    maturity: 'sample',
    modes: ['license', 'cooperation'],
    confidentiality: 'public',
    category: '工学',
    discipline: '控制科学与工程',
    priceWan: 150,
  },
  {
    title: '智能驾驶多传感器融合定位模组',
    summary: '融合激光雷达、毫米波雷达与视觉，实现城市复杂路况下厘米级定位，已在湖州智能网联测试区完成 2 万公里路测。',
    keywords: ['智能驾驶', '多传感器融合', '高精定位'],
    org: 'huzhou-institute',
    node: 'HZ-1-2',
    trl: 6,
    maturity: 'pilot',
    modes: ['license', 'equity'],
    confidentiality: 'public',
    category: '工学',
    discipline: '交通运输工程',
  },
  {
    title: '高强韧铝合金特种材料短流程制备工艺',
    summary: '采用半固态成形与在线热处理的短流程工艺，铝合金抗拉强度提升 18%，能耗降低 30%，适用于新能源汽车结构件。',
    keywords: ['合金特材', '铝合金', '半固态成形'],
    org: 'hz-college',
    node: 'HZ-3-2',
    trl: 5,
    maturity: 'smallTrial',
    modes: ['transfer', 'license'],
    confidentiality: 'public',
    category: '工学',
    discipline: '材料科学与工程',
    priceWan: 80,
  },
  {
    title: '无醛生物基胶黏剂及绿色家居板材',
    summary: '以大豆蛋白与木质素为原料制备无醛胶黏剂，板材甲醛释放量低于检出限，胶合强度满足国标 II 类要求。',
    keywords: ['绿色家居', '无醛胶黏剂', '生物基材料'],
    org: 'hz-college',
    node: 'HZ-3-3',
    trl: 6,
    maturity: 'pilot',
    modes: ['transfer'],
    confidentiality: 'public',
    category: '工学',
    discipline: '林业工程',
  },
  {
    title: '固态锂金属电池界面修饰技术',
    summary:
      '通过原子层沉积构筑人工界面层，抑制锂枝晶生长，软包电池能量密度达到 400 Wh/kg，循环 500 次容量保持率 90%。',
    keywords: ['前沿电池', '固态电池', '锂金属负极'],
    org: 'huzhou-institute',
    node: 'HZ-F-6',
    trl: 4,
    maturity: 'lab',
    modes: ['cooperation', 'equity'],
    confidentiality: 'internal',
    category: '工学',
    discipline: '材料科学与工程',
  },
  {
    title: '近视防控离焦镜片光学设计',
    summary: '基于周边离焦原理设计多区微透镜阵列镜片，两年临床观察近视进展减缓 55%，已取得医疗器械注册检验报告。',
    keywords: ['眼脑健康', '近视防控', '离焦镜片'],
    org: 'wz-medical',
    node: 'WZ-3-1',
    trl: 7,
    maturity: 'product',
    modes: ['license', 'transfer'],
    confidentiality: 'public',
    category: '医学',
    discipline: '临床医学',
    priceWan: 300,
  },
  {
    title: '新一代低压智能断路器数字孪生平台',
    summary: '面向温州电气产业集群，构建断路器设计、测试与运维的数字孪生平台，缩短新品研发周期 40%。',
    keywords: ['智能电气', '断路器', '数字孪生'],
    org: 'wz-institute',
    node: 'WZ-4-1',
    trl: 6,
    maturity: 'pilot',
    modes: ['cooperation', 'license'],
    confidentiality: 'public',
    category: '工学',
    discipline: '电气工程',
  },
  {
    title: '超快激光精密微加工装备',
    summary: '研制皮秒紫外激光微加工装备，实现柔性电路板与陶瓷基板的无损切割，加工精度优于 5 微米。',
    keywords: ['智能激光', '超快激光', '微加工'],
    org: 'wz-institute',
    node: 'WZ-4-2',
    trl: 7,
    maturity: 'product',
    modes: ['transfer', 'equity'],
    confidentiality: 'public',
    category: '工学',
    discipline: '光学工程',
  },
  {
    title: '碱性电解水制氢催化电极',
    summary: '开发非贵金属镍铁基催化电极，电流密度 1 A/cm² 下槽压低于 1.8 V，可用于氢能及新型储能示范项目。',
    keywords: ['氢能', '电解水制氢', '催化电极'],
    org: 'wenzhou-university',
    node: 'WZ-2-3',
    trl: 5,
    maturity: 'smallTrial',
    modes: ['license', 'cooperation'],
    confidentiality: 'public',
    category: '工学',
    discipline: '化学工程与技术',
  },
  {
    title: '低空无人机城市物流调度系统',
    summary: '面向低空经济场景，研发多无人机航路规划与空域冲突消解算法，已在瓯江沿线完成试飞验证。',
    keywords: ['低空经济', '无人机', '航路规划'],
    org: 'wenzhou-university',
    node: 'WZ-F-6',
    trl: 5,
    maturity: 'sample',
    modes: ['cooperation'],
    confidentiality: 'internal',
    category: '工学',
    discipline: '航空宇航科学与技术',
  },
  {
    title: 'CAR-T 细胞制备封闭式自动化工艺',
    summary: '建立封闭式自动化 CAR-T 细胞制备工艺，制备周期缩短至 7 天，质量指标满足临床研究要求。',
    keywords: ['细胞与基因治疗', 'CAR-T', '自动化制备'],
    org: 'wz-medical',
    node: 'WZ-F-5',
    trl: 4,
    maturity: 'lab',
    modes: ['cooperation', 'equity'],
    confidentiality: 'secret',
    category: '医学',
    discipline: '基础医学',
  },
  {
    title: '第三代半导体碳化硅外延缺陷检测方法',
    summary: '利用光致发光成像与深度学习识别碳化硅外延片基平面位错，检测速度较传统方法提高 10 倍。',
    keywords: ['第三代半导体', '碳化硅', '缺陷检测'],
    org: 'xm-university',
    node: 'XM-F-3',
    trl: 5,
    maturity: 'sample',
    modes: ['license'],
    confidentiality: 'public',
    category: '工学',
    discipline: '电子科学与技术',
  },
  {
    title: '海洋绿氢制储一体化装置',
    summary: '面向海岛与海上平台，集成海水淡化、电解制氢与固态储氢，已完成百千瓦级样机联调。',
    keywords: ['氢能与储能', '海洋绿氢', '固态储氢'],
    org: 'xm-materials',
    node: 'XM-F-1',
    trl: 5,
    maturity: 'sample',
    modes: ['cooperation', 'equity'],
    confidentiality: 'public',
    category: '工学',
    discipline: '动力工程及工程热物理',
  },
  {
    title: 'Micro-LED 巨量转移激光剥离工艺',
    summary: '提出选择性激光剥离与弹性印章协同的巨量转移工艺，转移良率 99.99%，适用于平板显示与可穿戴设备。',
    keywords: ['平板显示', 'Micro-LED', '巨量转移'],
    org: 'hl-institute',
    node: 'HL-2-4',
    trl: 6,
    maturity: 'pilot',
    modes: ['license', 'transfer'],
    confidentiality: 'public',
    category: '工学',
    discipline: '电子科学与技术',
    priceWan: 500,
  },
  {
    title: '航空发动机叶片激光熔覆修复技术',
    summary: '面向航空维修制造，开发叶片叶尖激光熔覆修复工艺与在线检测方法，修复件通过疲劳性能考核。',
    keywords: ['航空维修制造', '激光熔覆', '叶片修复'],
    org: 'hl-institute',
    node: 'HL-1-1',
    trl: 7,
    maturity: 'product',
    modes: ['transfer', 'cooperation'],
    confidentiality: 'public',
    category: '工学',
    discipline: '航空宇航科学与技术',
  },
  {
    title: '国产 EDA 时序签核加速引擎',
    summary: '面向集成电路设计，基于图神经网络预测关键路径，时序签核迭代次数减少一半，支持 28 纳米工艺。',
    keywords: ['集成电路设计', 'EDA', '时序分析'],
    org: 'xm-university',
    node: 'HL-2-1',
    trl: 5,
    maturity: 'sample',
    modes: ['license', 'equity'],
    confidentiality: 'internal',
    category: '工学',
    discipline: '计算机科学与技术',
  },
]

function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296
    return s / 4294967296
  }
}

function systemCodeFor(area: string): string {
  return SYSTEMS[area]?.code ?? SYSTEMS['330300']!.code
}

/** Demo achievements: the showcase above plus the 1,000 CSL development records (labelled as such). */
export async function seedDemoAchievements(
  tx: Transaction,
  context: { orgIdByKey: Map<string, string>; withCsl?: boolean },
): Promise<number> {
  const at = now()
  const orgIds = new Map(context.orgIdByKey)
  for (const org of RESEARCH_ORGS) {
    if (orgIds.has(org.key)) continue
    const id = newId()
    const serial = String(orgIds.size + 100).padStart(6, '0')
    await tx.insert(organizations).values({
      id,
      name: org.name,
      kind: org.kind,
      uscc: completeUscc(`12${org.area}MB${serial}${org.kind === 'university' ? '1' : '2'}`),
      jurisdictionCode: org.area,
      createdAt: at,
      updatedAt: at,
    })
    orgIds.set(org.key, id)
  }
  const areaOf = new Map(RESEARCH_ORGS.map((o) => [o.key, o]))
  const rows: (typeof achievements.$inferInsert)[] = []
  for (const s of SHOWCASE) {
    const org = areaOf.get(s.org as (typeof RESEARCH_ORGS)[number]['key'])!
    const systemArea = s.node.startsWith('HL') ? '350206' : org.city
    rows.push({
      id: newId(),
      ownerOrgId: orgIds.get(s.org)!,
      jurisdictionCode: org.area,
      confidentiality: s.confidentiality,
      source: 'demo',
      title: s.title,
      summary: s.summary,
      keywords: s.keywords,
      team: [{ name: '示例团队负责人', title: '研究员' }],
      category: s.category,
      discipline: s.discipline,
      industryCodes: [`${systemCodeFor(systemArea)}:${s.node}`],
      trl: s.trl,
      maturity: s.maturity,
      ipItems: [
        { kind: 'patent', number: null, title: `${s.title}相关发明专利`, patentType: 'invention', status: 'granted' },
      ],
      transferModes: s.modes,
      priceNegotiable: s.priceWan === undefined,
      priceMinFen: s.priceWan === undefined ? null : BigInt(s.priceWan * 1_000_000),
      priceMaxFen: s.priceWan === undefined ? null : BigInt(Math.round(s.priceWan * 1.5) * 1_000_000),
      createdAt: at,
      updatedAt: at,
    })
  }
  const random = rng(20261122)
  const csl =
    context.withCsl === false
      ? []
      : fs.readFileSync(path.join(ROOT, 'data/classification/csl-dev.jsonl'), 'utf8').trim().split('\n')
  for (const [i, line] of csl.entries()) {
    const paper = JSON.parse(line) as {
      id: string
      title: string
      abstract: string
      keywords: string[]
      discipline: string
      category: string
    }
    const org =
      RESEARCH_ORGS[
        paper.category === '医学' ? (i % 2 ? 1 : 6) : paper.category === '农学' ? 5 : i % RESEARCH_ORGS.length
      ]!
    const sys = SYSTEMS[org.city]!
    const [best] = suggestIndustries(
      `${paper.title} ${paper.keywords.join(' ')}`,
      sys.nodes.map((n) => ({ ...n, keywords: n.keywords ?? [] })),
      { limit: 1 },
    )
    rows.push({
      id: newId(Date.now() - (csl.length - i) * 60_000),
      ownerOrgId: orgIds.get(org.key)!,
      jurisdictionCode: org.area,
      confidentiality: 'public',
      source: 'csl',
      sourceLabel: CSL_LABEL,
      title: paper.title,
      summary: paper.abstract,
      keywords: paper.keywords,
      team: [],
      category: paper.category,
      discipline: paper.discipline,
      industryCodes: best && best.confidence >= 0.35 ? [`${sys.code}:${best.code}`] : [],
      trl: 2 + Math.floor(random() * 3),
      maturity: random() < 0.6 ? 'theory' : 'lab',
      ipItems: [],
      transferModes: random() < 0.5 ? ['license', 'cooperation'] : ['cooperation'],
      priceNegotiable: true,
      createdAt: new Date(at.getTime() - (csl.length - i) * 3_600_000),
      updatedAt: new Date(at.getTime() - (csl.length - i) * 3_600_000),
    })
  }
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200)
    const inserted = await tx.insert(achievements).values(batch).returning()
    await tx.insert(searchDocuments).values(
      inserted.map((row) => {
        const doc = searchDocumentOf(row)
        return {
          recordType: RECORD_TYPE,
          recordId: row.id,
          fields: Object.fromEntries(Object.entries(doc.fields).map(([k, v]) => [k, v.join(' ')])),
          attributes: doc.attributes as Record<string, string | number | (string | number)[] | null>,
          updatedAt: at,
        }
      }),
    )
  }
  return rows.length
}
