import type { OrganizationKind } from '../../modules/organizations/schema'
import type { EntryChannel, VerificationType } from '../../modules/projects/schema'

export type DemoProject = {
  applicant: string
  title: string
  summary: string
  channel: EntryChannel
  team: { name: string; role: string; organization: string }[]
  industryCodes: string[]
  disciplines: string[]
  requestedTypes: VerificationType[]
  budgetWan: number
  trl: number
  inRound: boolean
}

/** Fictional projects for the 温州 center's pool: two in the demo round, one still 已申报. */
export const EVALUATION_PROJECTS: DemoProject[] = [
  {
    applicant: 'wenzhou-university',
    title: '仿生灵巧手触觉反馈与力控技术',
    summary:
      '面向具身智能与人形机器人的仿生灵巧手，集成柔性触觉阵列与力位混合控制，已完成五指样机与抓取实验，机器人控制与运动规划算法待工程化验证，拟开展技术可行性与商业可行性验证。',
    channel: 'application',
    team: [
      { name: '李明轩', role: '项目负责人', organization: '瓯越理工大学' },
      { name: '陈思雨', role: '博士研究生', organization: '瓯越理工大学' },
    ],
    industryCodes: ['wenzhou-5n:WZ-4-3'],
    disciplines: ['控制科学与工程', '机械工程'],
    requestedTypes: ['principle', 'technical', 'commercial'],
    budgetWan: 80,
    trl: 3,
    inRound: true,
  },
  {
    applicant: 'demo-wz-shoes',
    title: '生物基可降解鞋材超临界发泡工艺',
    summary:
      '以聚乳酸等生物基高分子材料为基体，采用超临界二氧化碳发泡制备轻量化鞋底，兼顾回弹与生物降解性能，已完成小试配方，需验证量产工艺稳定性、终端产品场景与成本竞争力。',
    channel: 'application',
    team: [{ name: '林海峰', role: '技术总监', organization: '温州鹿城鞋业科技有限公司' }],
    industryCodes: ['wenzhou-5n:WZ-5-1'],
    disciplines: ['材料科学与工程'],
    requestedTypes: ['technical', 'productScenario', 'commercial'],
    budgetWan: 120,
    trl: 4,
    inRound: true,
  },
  {
    applicant: 'demo-ent-wz-battery',
    title: '硫化物固态电解质干法成膜工艺',
    summary:
      '针对硫化物固态电解质膜湿法工艺溶剂残留与成本高的问题，开发干法纤维化成膜工艺，已制备 30 微米电解质膜并完成扣式电池验证，需开展技术与工艺可行性及商业可行性验证。',
    channel: 'application',
    team: [{ name: '胡博文', role: '研发负责人', organization: '温州瑞安前沿电池材料有限公司' }],
    industryCodes: ['wenzhou-5n:WZ-2-1'],
    disciplines: ['化学/化学工程与技术'],
    requestedTypes: ['technical', 'commercial'],
    budgetWan: 150,
    trl: 4,
    inRound: false,
  },
]

/** Demo 评审专家 accounts [username, expert's name, unit when the expert's organization is not registered]. */
export const REVIEWERS: [string, string, { key: string; kind: OrganizationKind }][] = [
  ['expert.chenlq', '陈立群', { key: 'wenzhou-university', kind: 'university' }],
  ['expert.wanghm', '王慧敏', { key: 'wenzhou-university', kind: 'university' }],
  ['expert.linsh', '林少华', { key: 'wenzhou-university', kind: 'university' }],
  ['expert.zhanght', '张海涛', { key: 'demo-wz-electric', kind: 'enterprise' }],
  ['expert.liujh', '刘建华', { key: 'demo-ent-wz-laser', kind: 'enterprise' }],
  ['expert.huangzy', '黄振宇', { key: 'demo-unit-wz-power-design', kind: 'serviceAgency' }],
  ['expert.zhenggq', '郑国庆', { key: 'demo-unit-wz-venture', kind: 'investor' }],
  ['expert.panlj', '潘丽君', { key: 'demo-unit-wz-transfer', kind: 'serviceAgency' }],
  ['expert.wuxy', '吴晓燕', { key: 'demo-unit-wz-law', kind: 'serviceAgency' }],
]
