import type { ProjectStatus, VerificationType } from '../../modules/projects/schema'
import type { GateDecision } from '../../modules/verification/schema'

/** Days relative to the day the demo is seeded (negative: in the past). */
type Day = number

export type DemoGate = {
  decision: GateDecision
  reasons: string
  on: Day
  conditions?: [text: string, resolvedOn: Day | null][]
}
export type DemoStage = {
  stage: VerificationType
  budgetYuan: number
  milestones?: [title: string, due: Day, done: Day | null][]
  deliverable?: [title: string, fileName: string, text: string]
  expenses?: [item: string, yuan: number, on: Day][]
  delegation?: [work: string, yuan: number, on: Day]
  gate?: DemoGate
}
export type DemoOutcome =
  | { kind: 'sample' | 'product'; on: Day; name: string }
  | { kind: 'company'; on: Day; companyName: string; orgCode: string; area: string; capitalYuan: number }
  | { kind: 'funding'; on: Day; investor: string; round: string; relay: string; yuan: number }
  | { kind: 'serviceFee'; on: Day; payer: string; item: string; yuan: number }

export type DemoProject = {
  title: string
  summary: string
  center: 'wenzhou' | 'huzhou'
  applicant: string
  industries: string[]
  trl: number
  budgetYuan: number
  status: ProjectStatus
  admittedOn: Day
  first?: VerificationType
  last?: VerificationType
  skipReason?: string
  stages?: DemoStage[]
  report?: { on: Day; by: 'technical' | 'administrative' }
  handoff?: { on: Day; accepted: Day | null; message: string; milestone?: [string, Day, Day | null]; finding?: string }
  outcomes?: DemoOutcome[]
}

const passed = (reasons: string, on: Day): DemoGate => ({ decision: 'passed', reasons, on })

export const DEMO_VERIFICATIONS: DemoProject[] = [
  {
    title: '基于存算一体芯片的边缘 AI 推理加速模组',
    summary:
      '以 SRAM 存算一体架构实现卷积与注意力算子的低功耗推理，面向工业相机与巡检机器人的边缘侧部署，已完成 28 nm 测试芯片流片。',
    center: 'wenzhou',
    applicant: 'wenzhou-university',
    industries: ['wenzhou-5n:WZ-1-2'],
    trl: 4,
    budgetYuan: 1_200_000,
    status: 'landed',
    admittedOn: -300,
    first: 'principle',
    last: 'commercial',
    stages: [
      {
        stage: 'principle',
        budgetYuan: 150_000,
        milestones: [['能效模型推导与仿真', -280, -270]],
        deliverable: ['能效仿真报告', '能效仿真报告.txt', '存算一体阵列能效仿真：INT8 推理 18.6 TOPS/W。'],
        expenses: [['EDA 仿真许可', 60_000, -275]],
        gate: passed('理论推导与仿真结果支持 15 TOPS/W 以上能效目标', -265),
      },
      {
        stage: 'technical',
        budgetYuan: 500_000,
        milestones: [
          ['测试芯片封装与板级验证', -230, -225],
          ['典型模型精度与功耗测评', -215, -210],
        ],
        deliverable: ['性能测评报告', '性能测评报告.txt', 'ResNet-50 INT8 精度损失 0.6%，整板功耗 2.1 W。'],
        expenses: [['测试芯片封装', 180_000, -228]],
        delegation: ['高低温循环与 ESD 可靠性测试', 42_000, -212],
        gate: passed('原型模组功能稳定，关键指标达到设计要求', -205),
      },
      {
        stage: 'productScenario',
        budgetYuan: 300_000,
        milestones: [['两家产线视觉检测现场试用', -170, -160]],
        deliverable: ['现场试用报告', '现场试用报告.txt', '两条产线连续试用 10 天，漏检率 0.3%，误检率 1.2%。'],
        expenses: [['现场部署与标定', 85_000, -165]],
        gate: {
          decision: 'conditional',
          reasons: '现场漏检率 0.3%，满足客户要求；散热结构需改进',
          on: -155,
          conditions: [['完成被动散热结构改型并复测 45℃ 环境', -130]],
        },
      },
      {
        stage: 'commercial',
        budgetYuan: 120_000,
        milestones: [['目标市场与竞争格局分析', -140, -135]],
        deliverable: [
          '商业可行性分析报告',
          '商业可行性分析报告.txt',
          '国内边缘视觉模组市场约 40 亿元，硬件+授权模式毛利率 45%。',
        ],
        gate: passed('国内边缘视觉模组市场约 40 亿元，竞争格局分散，硬件+授权盈利模式清晰', -130),
      },
    ],
    report: { on: -128, by: 'administrative' },
    handoff: {
      on: -125,
      accepted: -120,
      message: '项目已完成全链条概念验证，拟在贵平台开展模组小批量试制与整机可靠性试验',
      milestone: ['首批 200 套模组试制', -90, -85],
      finding: '连续运行 500 小时后个别模组出现时钟漂移，已在固件中修正',
    },
    outcomes: [
      { kind: 'sample', on: -150, name: '边缘 AI 推理模组工程样品' },
      { kind: 'product', on: -80, name: 'OY-Edge100 边缘推理模组' },
      {
        kind: 'company',
        on: -60,
        companyName: '温州存算智能科技有限公司',
        orgCode: 'MA2DEM101',
        area: '330303',
        capitalYuan: 5_000_000,
      },
      {
        kind: 'funding',
        on: -45,
        investor: '温州科技成果转化基金',
        round: 'angel',
        relay: 'incubation',
        yuan: 8_000_000,
      },
      { kind: 'serviceFee', on: -200, payer: '瓯越理工大学', item: '技术与工艺可行性验证服务', yuan: 180_000 },
      { kind: 'serviceFee', on: -120, payer: '瓯越理工大学', item: '商业可行性验证服务', yuan: 60_000 },
    ],
  },
  {
    title: '工业视觉缺陷检测大模型',
    summary:
      '基于少样本学习的表面缺陷检测大模型，可在 50 张样本内适配新产线，已在实验室数据集上验证，需开展工艺与现场验证。',
    center: 'wenzhou',
    applicant: 'wenzhou-university',
    industries: ['wenzhou-5n:WZ-1-1'],
    trl: 3,
    budgetYuan: 600_000,
    status: 'verifying',
    admittedOn: -90,
    first: 'principle',
    last: 'commercial',
    stages: [
      {
        stage: 'principle',
        budgetYuan: 80_000,
        milestones: [['少样本泛化误差分析', -70, -62]],
        deliverable: ['原理验证报告', '原理验证报告.txt', '5 类缺陷少样本识别 mAP 0.87。'],
        gate: passed('少样本泛化能力经公开数据集验证成立', -60),
      },
      {
        stage: 'technical',
        budgetYuan: 260_000,
        milestones: [
          ['推理引擎与产线相机集成', -20, -18],
          ['连续 72 小时稳定性测评', 10, null],
        ],
        expenses: [['GPU 算力租用', 36_000, -25]],
        delegation: ['光学成像一致性检测', 12_000, -15],
      },
    ],
  },
  {
    title: '柔性电子皮肤触觉传感阵列',
    summary: '基于液态金属与弹性体的柔性触觉传感阵列，面向机器人电子皮肤与关节力控，已完成实验室原理样件。',
    center: 'wenzhou',
    applicant: 'wenzhou-university',
    industries: ['wenzhou-5n:WZ-F-2'],
    trl: 3,
    budgetYuan: 500_000,
    status: 'admitted',
    admittedOn: -10,
  },
  {
    title: '低功耗 LoRa 城市管网监测终端',
    summary: '以能量采集供电的管网压力与泄漏监测终端，目标十年免维护，需验证能量采集的可行性。',
    center: 'wenzhou',
    applicant: 'wenzhou-enterprise',
    industries: ['wenzhou-5n:WZ-1-1'],
    trl: 2,
    budgetYuan: 300_000,
    status: 'terminated',
    admittedOn: -150,
    first: 'principle',
    last: 'commercial',
    stages: [
      {
        stage: 'principle',
        budgetYuan: 50_000,
        milestones: [['管内流体能量采集建模', -130, -125]],
        expenses: [['流体仿真', 20_000, -128]],
        gate: {
          decision: 'terminated',
          reasons: '建模表明常见管径流速下可采集功率不足终端功耗的 30%，十年免维护目标不可实现',
          on: -120,
        },
      },
    ],
  },
  {
    title: '灵巧手多模态触觉反馈控制系统',
    summary: '融合视觉与指尖触觉的灵巧手抓取控制系统，面向柔性物体分拣，需完成原理与技术工艺可行性验证。',
    center: 'huzhou',
    applicant: 'huzhou-institute',
    industries: ['huzhou-1366:HZ-1-1'],
    trl: 4,
    budgetYuan: 700_000,
    status: 'verified',
    admittedOn: -120,
    first: 'technical',
    last: 'technical',
    skipReason: '控制原理已在省重点研发计划课题中验证',
    stages: [
      {
        stage: 'technical',
        budgetYuan: 400_000,
        milestones: [['灵巧手抓取成功率测评', -40, -35]],
        deliverable: ['抓取测评报告', '抓取测评报告.txt', '20 类柔性物体抓取成功率 96.5%。'],
        expenses: [['指尖触觉传感器采购', 90_000, -70]],
        gate: passed('抓取成功率与响应时间达到设计要求', -30),
      },
    ],
    report: { on: -28, by: 'technical' },
    handoff: { on: -5, accepted: null, message: '项目已完成技术可行性验证，邀请贵平台评估工作站集成中试' },
  },
]
