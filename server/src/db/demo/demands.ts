import { type CooperationMode, type DemandStatus, demands } from '../../modules/demands/schema'
import { RECORD_TYPE as DEMAND, searchDocumentOf as demandDocument } from '../../modules/demands/view'
import { organizations } from '../../modules/organizations/schema'
import { type PublisherKind, type ScenarioOffer, scenarios } from '../../modules/scenarios/schema'
import { RECORD_TYPE as SCENARIO, searchDocumentOf as scenarioDocument } from '../../modules/scenarios/view'
import { storeSearchDocument } from '../../modules/search/service'
import { systemActor } from '../../platform/auth/actor'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { writeRevision } from '../../platform/registry/revisions'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'

type Context = { orgIdByKey: Map<string, string> }
type Level = 'public' | 'internal' | 'secret'

/** Each area's own industry system (湖里区 has its own 3+8; the other districts use their city's). */
const SYSTEM_OF: Record<string, string> = { '3303': 'wenzhou-5n', '3305': 'huzhou-1366', '3502': 'xiamen-4-4-6' }
const systemFor = (area: string) => (area === '350206' ? 'huli-3-8' : SYSTEM_OF[area.slice(0, 4)]!)

/** Fictional enterprises with needs and scenarios, besides the shared demo organizations. */
const ENTERPRISES = [
  { key: 'wenzhou-enterprise', name: '温州瓯海智造科技有限公司', area: '330304' },
  { key: 'demo-wz-electric', name: '温州瓯江智能电气股份有限公司', area: '330305' },
  { key: 'demo-wz-shoes', name: '温州鹿城鞋业科技有限公司', area: '330302' },
  { key: 'demo-wz-pharma', name: '温州龙湾生物医药有限公司', area: '330303' },
  { key: 'demo-hz-textile', name: '湖州织里纺织科技有限公司', area: '330502' },
  { key: 'demo-hz-alloy', name: '湖州南浔合金特材有限公司', area: '330503' },
  { key: 'demo-hz-robot', name: '湖州太湖具身智能机器人有限公司', area: '330502' },
  { key: 'demo-hz-furniture', name: '湖州安吉绿色家居有限公司', area: '330523' },
  { key: 'demo-xm-display', name: '厦门湖里光电显示科技有限公司', area: '350206' },
  { key: 'demo-xm-aviation', name: '厦门高崎航空维修工程有限公司', area: '350206' },
  { key: 'demo-xm-logistics', name: '厦门象屿智慧物流有限公司', area: '350206' },
  { key: 'demo-xm-hydrogen', name: '厦门海沧氢能科技有限公司', area: '350205' },
] as const
type EnterpriseKey = (typeof ENTERPRISES)[number]['key']

async function ensureEnterprises(tx: Transaction, context: Context): Promise<Map<string, string>> {
  const areaOf = new Map<string, string>()
  const at = now()
  for (const [i, e] of ENTERPRISES.entries()) {
    areaOf.set(e.key, e.area)
    if (context.orgIdByKey.has(e.key)) continue
    const id = newId()
    await tx.insert(organizations).values({
      id,
      name: e.name,
      kind: 'enterprise',
      uscc: completeUscc(`91${e.area}DM${String(700 + i).padStart(6, '0')}3`),
      jurisdictionCode: e.area,
      createdAt: at,
      updatedAt: at,
    })
    context.orgIdByKey.set(e.key, id)
  }
  return areaOf
}

type DemoDemand = [
  title: string,
  description: string,
  keywords: string[],
  org: EnterpriseKey,
  node: string,
  budgetWan: [number | null, number | null] | null,
  deadlineInDays: number,
  modes: CooperationMode[],
  level: Level,
  status?: DemandStatus,
]

// biome-ignore format: one record per line reads as a table
const DEMANDS: DemoDemand[] = [
  ['低压断路器装配线视觉检测升级', '现有断路器装配线依靠人工抽检，漏检率约百分之一点五，希望引入机器视觉对触头、弹簧等关键件进行在线全检，节拍不低于每分钟四十件。', ['机器视觉', '断路器', '在线检测'], 'demo-wz-electric', 'WZ-4-1', [50, 120], 90, ['jointDevelopment', 'commissioned'], 'public'],
  ['智能电表计量芯片低功耗设计', '寻求具备计量芯片设计能力的团队，合作开发待机功耗低于十微瓦的单相计量芯片，满足国网新标准要求。', ['计量芯片', '低功耗', '集成电路'], 'demo-wz-electric', 'WZ-1-2', [200, 400], 150, ['jointDevelopment'], 'internal'],
  ['激光焊接熔深在线监测方法', '铜排激光焊接存在虚焊风险，需要基于光谱或声发射信号的熔深在线监测方法，实现焊缝质量百分之百可追溯。', ['智能激光', '焊接监测'], 'demo-wz-electric', 'WZ-4-2', [30, 80], 60, ['commissioned', 'consulting'], 'public', 'matched'],
  ['鞋底注塑工艺参数智能优化', '多品种小批量注塑换型频繁，依赖老师傅经验调机，希望基于历史数据建立工艺参数推荐模型，首件合格率提升到百分之九十五。', ['注塑工艺', '工业大数据'], 'demo-wz-shoes', 'WZ-1-1', [20, 50], 45, ['commissioned'], 'public'],
  ['鞋材胶粘工序 VOC 减排技术', '胶粘工序挥发性有机物排放较高，寻求水性胶替代或末端高效治理技术，满足最新地方排放标准。', ['VOC治理', '水性胶'], 'demo-wz-shoes', 'WZ-5-1', null, 120, ['transfer', 'license'], 'public'],
  ['生物基可降解鞋材配方开发', '面向出口市场的环保要求，开发生物基含量不低于百分之五十、耐磨性能满足国标的可降解鞋底材料。', ['生物基材料', '可降解', '先进高分子材料'], 'demo-wz-shoes', 'WZ-5-1', [80, 150], 200, ['jointDevelopment', 'license'], 'internal'],
  ['眼科手术显微镜国产化关键部件', '寻求高分辨率长工作距物镜与同轴照明模块的设计与试制合作，用于眼科手术显微镜国产化替代。', ['眼科器械', '光学设计', '眼脑健康'], 'demo-wz-pharma', 'WZ-3-1', [300, 600], 180, ['jointDevelopment', 'transfer'], 'public'],
  ['中药配方颗粒质量一致性评价', '建立配方颗粒特征图谱与含量测定方法，提升批间一致性，需要具备分析方法学验证经验的团队。', ['中药配方颗粒', '质量评价'], 'demo-wz-pharma', 'WZ-3-2', [40, 90], 75, ['commissioned', 'consulting'], 'public'],
  ['细胞治疗产品冻存复苏工艺优化', '现有冻存工艺复苏存活率约百分之七十五，希望优化冻存液配方与程序降温曲线，复苏存活率提升至百分之九十以上。', ['细胞与基因治疗', '冻存工艺'], 'demo-wz-pharma', 'WZ-F-5', null, 100, ['jointDevelopment'], 'secret'],
  ['数控加工中心刀具磨损预测', '加工中心刀具更换依靠固定寿命，浪费较大，希望基于主轴电流与振动信号实现刀具剩余寿命预测。', ['刀具磨损', '预测性维护', '工业机器人'], 'wenzhou-enterprise', 'WZ-4-3', [30, 60], 60, ['jointDevelopment', 'commissioned'], 'public'],
  ['协作机器人柔性上下料工作站', '面向小批量多品种零件，需要协作机器人配合三维视觉实现无序抓取上下料，换型时间不超过十分钟。', ['协作机器人', '三维视觉', '人形机器人'], 'wenzhou-enterprise', 'WZ-4-3', [100, 200], 120, ['commissioned'], 'public'],
  ['车间能耗数字孪生与节能调度', '建立车间设备能耗数字孪生模型，结合分时电价优化生产排程，年节电目标百分之八。', ['数字孪生', '节能调度'], 'wenzhou-enterprise', 'WZ-1-1', [60, null], 90, ['jointDevelopment', 'consulting'], 'internal'],
  ['精密零件热处理变形控制工艺', '轴类零件渗碳淬火后变形超差，返修率高，寻求变形预测与工艺补偿技术，本需求涉及客户图纸，暂不公开。', ['热处理', '变形控制'], 'wenzhou-enterprise', 'WZ-5-2', null, 30, ['consulting'], 'secret'],
  ['印染废水深度处理与中水回用', '织造印染废水色度高、可生化性差，希望引进高级氧化耦合膜处理技术，回用率达到百分之六十。', ['印染废水', '中水回用', '现代纺织'], 'demo-hz-textile', 'HZ-3-1', [150, 300], 150, ['transfer', 'jointDevelopment'], 'public'],
  ['童装面料智能验布系统', '人工验布效率低、标准不一，需要基于深度学习的面料瑕疵检测系统，幅宽一点八米，车速每分钟六十米。', ['智能验布', '瑕疵检测'], 'demo-hz-textile', 'HZ-3-1', [40, 80], 60, ['commissioned'], 'public', 'closed'],
  ['高温合金真空熔炼夹杂物控制', '镍基高温合金真空感应熔炼存在氧化物夹杂，寻求精炼工艺与在线检测方法，夹杂物等级降低一级。', ['高温合金', '真空熔炼', '合金特材'], 'demo-hz-alloy', 'HZ-3-2', [200, 500], 240, ['jointDevelopment', 'license'], 'public'],
  ['钛合金管材冷轧工艺数值模拟', '需要对钛合金管材多道次冷轧进行有限元模拟，优化孔型设计，减少表面裂纹。', ['钛合金', '有限元模拟'], 'demo-hz-alloy', 'HZ-F-2', [30, 50], 45, ['consulting', 'commissioned'], 'internal'],
  ['具身智能机器人灵巧手触觉传感', '为人形机器人灵巧手寻求柔性阵列触觉传感方案，空间分辨率优于两毫米，可批量制备。', ['具身智能', '触觉传感', '灵巧手'], 'demo-hz-robot', 'HZ-1-1', [300, 800], 180, ['jointDevelopment', 'transfer'], 'public'],
  ['人形机器人关节谐波减速器寿命测试', '需要第三方开展谐波减速器加速寿命试验与失效分析，形成寿命评价方法。', ['具身智能', '谐波减速器', '寿命测试'], 'demo-hz-robot', 'HZ-1-1', [50, 100], 60, ['commissioned', 'consulting'], 'public', 'matched'],
  ['机器人端侧大模型推理加速', '在机器人本体算力受限条件下，实现视觉语言模型端侧推理，时延低于两百毫秒。', ['端侧推理', '大模型', '算力数据服务'], 'demo-hz-robot', 'HZ-1-4', [100, 300], 120, ['jointDevelopment'], 'secret'],
  ['无醛胶合板热压工艺优化', '使用无醛胶后热压周期延长百分之三十，希望优化热压曲线与胶黏剂配方，恢复产能。', ['无醛胶', '热压工艺', '绿色家居'], 'demo-hz-furniture', 'HZ-3-3', [20, 60], 90, ['commissioned', 'license'], 'public'],
  ['竹木家具智能喷涂机器人', '家具异形件喷涂依赖人工，需要离线编程与视觉定位的喷涂机器人，涂料利用率提升至百分之七十。', ['喷涂机器人', '离线编程'], 'demo-hz-furniture', 'HZ-6-2', null, 150, ['commissioned', 'transfer'], 'public'],
  ['Mini LED 背光模组巨量转移良率提升', '巨量转移良率约百分之九十九点五，希望提升到百分之九十九点九九，寻求转移头设计与修复技术。', ['Mini LED', '巨量转移', '平板显示'], 'demo-xm-display', 'HL-2-4', [500, 1000], 200, ['jointDevelopment', 'license'], 'public'],
  ['显示面板缺陷自动分类系统', 'AOI 设备产生大量疑似缺陷图片，需要自动分类模型替代人工复判，准确率不低于百分之九十八。', ['缺陷分类', '深度学习'], 'demo-xm-display', 'HL-2-2', [80, 150], 75, ['commissioned'], 'internal'],
  ['航空发动机叶片损伤智能孔探', '孔探检查依赖人工判读，需要基于视频的叶片损伤识别与尺寸测量，满足适航维修要求。', ['孔探', '损伤识别', '航空维修'], 'demo-xm-aviation', 'HL-1-1', [200, 400], 180, ['jointDevelopment', 'commissioned'], 'public'],
  ['复合材料结构件无损检测方法', '寻求适用于飞机复合材料蒙皮的快速无损检测方法，单平方米检测时间低于五分钟。', ['无损检测', '复合材料'], 'demo-xm-aviation', 'HL-1-1', [100, 200], 120, ['transfer', 'license'], 'public'],
  ['跨境电商仓储机器人调度优化', '多品牌仓储机器人混合作业，需要统一调度算法，拣选效率提升百分之二十。', ['仓储机器人', '调度优化', '物流'], 'demo-xm-logistics', 'HL-3-2', [60, 120], 60, ['commissioned', 'consulting'], 'public'],
  ['冷链物流温控数据可信存证', '冷链全程温度数据需要防篡改存证，满足药品冷链监管要求。', ['冷链', '数据存证'], 'demo-xm-logistics', 'HL-3-2', null, 90, ['consulting'], 'public', 'closed'],
  ['质子交换膜电解槽双极板涂层', '寻求低成本钛双极板防腐导电涂层，接触电阻与耐久性满足兆瓦级电解槽要求。', ['氢能与储能', '双极板', '电解槽'], 'demo-xm-hydrogen', 'XM-F-1', [300, 600], 210, ['jointDevelopment', 'license'], 'public'],
  ['固态储氢合金吸放氢性能提升', '现有储氢合金吸放氢速率偏低，需要改性工艺使质量储氢密度达到百分之一点八以上。', ['固态储氢', '储氢合金'], 'demo-xm-hydrogen', 'XM-F-1', [150, 300], 150, ['jointDevelopment'], 'internal'],
]

type DemoScenario = [
  title: string,
  description: string,
  keywords: string[],
  publisher: string,
  area: string,
  node: string,
  address: string,
  position: [number, number] | null,
  offers: ScenarioOffer[],
  deadlineInDays: number,
  level: Level,
  status?: 'open' | 'closed',
]

// biome-ignore format: one record per line reads as a table
const SCENARIOS: DemoScenario[] = [
  ['城市道路积水智能感知与预警', '在主城区二十处易涝点开放路侧杆件与排水管网数据，征集低功耗积水感知与短临预警方案，验证通过后纳入政府采购计划。', ['物联网感知', '短临预警'], 'wenzhou-bureau', '330300', 'WZ-1-1', '温州市鹿城区车站大道', [120.672, 28.0006], ['site', 'data', 'procurement'], 60, 'public'],
  ['瓯江低空物流无人机航线试飞', '开放瓯江沿线三条低空航线与起降点，征集城市低空物流无人机及调度系统开展试飞验证，优秀方案给予示范应用推荐。', ['低空经济', '无人机', '航路规划'], 'wenzhou-bureau', '330300', 'WZ-F-6', '温州市鹿城区江心屿周边', [120.652, 28.03], ['site', 'demonstration'], 90, 'public'],
  ['社区养老智能跌倒监测试点', '在三个社区养老服务中心试点毫米波跌倒监测，开放场地与运营数据，优秀方案给予资金支持。', ['毫米波雷达', '跌倒监测'], 'lucheng-bureau', '330302', 'WZ-3-2', '温州市鹿城区五马街道', [120.655, 28.017], ['site', 'data', 'funding'], 45, 'public'],
  ['老旧小区电梯安全智能监测', '选取五十台在用老旧电梯，征集困人识别与故障预警方案，验证后纳入区级更新改造采购目录。', ['电梯安全', '故障预警'], 'lucheng-bureau', '330302', 'WZ-4-1', '温州市鹿城区南汇街道', null, ['site', 'procurement'], 75, 'public'],
  ['断路器产线人形机器人装配验证', '开放一条低压断路器装配产线，征集人形机器人完成上下料与拧紧作业的验证方案，周期三个月。', ['人形机器人', '具身智能', '装配'], 'demo-wz-electric', '330305', 'WZ-F-2', '温州市洞头区霓屿街道', [121.08, 27.87], ['site', 'data', 'demonstration'], 120, 'public'],
  ['鞋服工厂光伏储能微电网示范', '利用厂房屋顶建设光储微电网，征集储能系统与能量管理方案，企业提供场地并有采购意向。', ['储能', '微电网', '氢能及新型储能'], 'demo-wz-shoes', '330302', 'WZ-2-3', '温州市鹿城区双屿鞋都', null, ['site', 'procurement'], 90, 'internal'],
  ['医疗器械产品概念验证样机测试', '概念验证中心开放电磁兼容、生物相容性预测试条件，征集待验证的医疗器械样机项目。', ['概念验证', '医疗器械', '样机测试'], 'wenzhou-poc-center', '330303', 'WZ-3-2', '温州市龙湾区温州科创园', [120.76, 27.98], ['site', 'funding'], 150, 'public'],
  ['数字经济概念验证开放数据集', '开放脱敏的产业园区能耗与物流数据集，征集算法验证项目，入选项目可获概念验证资金支持。', ['开放数据', '算法验证'], 'wenzhou-poc-center', '330303', 'WZ-1-1', '温州市龙湾区温州科创园', null, ['data', 'funding'], 60, 'public', 'closed'],
  ['眼视光临床数据辅助诊断验证', '合作医院开放脱敏眼底影像数据与门诊场景，征集辅助诊断软件开展临床前验证。', ['眼底影像', '辅助诊断', '眼脑健康'], 'wenzhou-bureau', '330300', 'WZ-3-1', '温州市鹿城区学院西路', null, ['data', 'demonstration'], 100, 'secret'],
  ['太湖智能网联汽车测试道路开放', '开放南太湖新区二十公里城市测试道路与路侧感知数据，征集智能驾驶企业开展测试与示范运营。', ['智能驾驶', '车路协同'], 'huzhou-bureau', '330500', 'HZ-1-2', '湖州市吴兴区南太湖新区', [120.12, 30.89], ['site', 'data', 'demonstration'], 120, 'public'],
  ['具身智能机器人家居场景验证', '中试平台搭建一百平方米家居样板间，征集具身智能机器人开展收纳、清洁等任务验证，入选项目提供中试服务补贴。', ['具身智能', '家居服务机器人'], 'huzhou-pilot-platform', '330502', 'HZ-1-1', '湖州市吴兴区南太湖新区', [120.11, 30.88], ['site', 'funding', 'demonstration'], 90, 'public'],
  ['纺织印染车间数字化改造试点', '开放印染车间三条生产线，征集染色工艺数字化与能耗优化方案，验证成功后企业有采购意向。', ['印染', '数字化改造', '现代纺织'], 'demo-hz-textile', '330502', 'HZ-3-1', '湖州市吴兴区织里镇', [120.26, 30.84], ['site', 'data', 'procurement'], 75, 'public'],
  ['合金特材熔炼过程数据开放', '开放真空熔炼炉运行数据，征集熔炼过程质量预测模型，验证通过后签订技术服务合同。', ['合金特材', '质量预测'], 'demo-hz-alloy', '330503', 'HZ-3-2', '湖州市南浔区经济开发区', null, ['data', 'procurement'], 60, 'internal'],
  ['绿色家居无醛板材应用示范', '在保障性住房装修中示范应用无醛板材与绿色家居产品，征集产品与检测方案。', ['绿色家居', '无醛板材'], 'huzhou-bureau', '330500', 'HZ-3-3', '湖州市安吉县', null, ['procurement', 'demonstration'], 100, 'public'],
  ['地理信息时空智能城市治理场景', '开放城市实景三维与网格化治理数据，征集时空智能分析应用，支持城市运行监测。', ['时空智能', '地理信息'], 'huzhou-bureau', '330500', 'HZ-F-5', '湖州市吴兴区市民服务中心', null, ['data', 'demonstration'], 45, 'public', 'closed'],
  ['智能驾驶算力数据中心液冷改造', '开放机房一个模块，征集浸没式液冷与余热利用方案，验证成功后有采购意向。', ['液冷', '算力数据服务'], 'demo-hz-robot', '330502', 'HZ-1-4', '湖州市吴兴区', null, ['site', 'procurement'], 90, 'secret'],
  ['航空维修车间无人牵引车示范', '高崎航空维修基地开放机库与机坪通道，征集无人驾驶牵引车开展示范应用。', ['无人驾驶', '航空维修'], 'huli-bureau', '350206', 'HL-1-1', '厦门市湖里区高崎', [118.13, 24.54], ['site', 'demonstration'], 90, 'public'],
  ['东渡港区集装箱智能理货场景', '开放港区理货作业数据与闸口场地，征集集装箱箱号与残损智能识别方案。', ['智能理货', '图像识别', '物流'], 'huli-bureau', '350206', 'HL-3-2', '厦门市湖里区东渡港区', [118.07, 24.48], ['site', 'data'], 60, 'public'],
  ['湖里区应用场景创新服务中心首批场景', '湖里区应用场景创新服务中心发布首批场景清单，涵盖智慧社区、数字商贸等领域，支持选用新技术新产品。', ['场景清单', '智慧社区', '数字商贸'], 'huli-bureau', '350206', 'HL-3-1', '厦门市湖里区企业服务中心', null, ['site', 'procurement', 'demonstration'], 150, 'public'],
  ['集成电路设计 EDA 工具国产化验证', '提供设计流片项目作为验证场景，征集国产 EDA 工具开展全流程替代验证。', ['集成电路设计', 'EDA'], 'demo-xm-display', '350206', 'HL-2-1', '厦门市湖里区软件园', null, ['data', 'demonstration'], 120, 'internal'],
  ['海岛绿氢制储示范应用', '开放海岛微电网场地，征集海水制氢与固态储氢一体化装置开展示范，市级财政给予资金支持。', ['海洋绿氢', '固态储氢', '氢能与储能'], 'xiamen-bureau', '350200', 'XM-F-1', '厦门市翔安区大嶝岛', [118.33, 24.56], ['site', 'funding', 'demonstration'], 180, 'public'],
  ['第三代半导体功率器件车规验证', '联合整车企业开放车规级验证平台，征集碳化硅功率模块开展可靠性验证。', ['第三代半导体', '碳化硅', '车规验证'], 'xiamen-bureau', '350200', 'XM-F-3', '厦门市海沧区', null, ['site', 'procurement'], 90, 'public'],
  ['港口氢能重卡加氢示范线路', '开放港区至物流园区运输线路与加氢站，征集氢能重卡与加氢设备示范运营。', ['氢能重卡', '加氢站'], 'demo-xm-hydrogen', '350205', 'XM-F-1', '厦门市海沧区港区', null, ['site', 'demonstration'], 120, 'secret'],
]

const PUBLISHER_KIND: Record<string, PublisherKind> = {
  'wenzhou-bureau': 'scienceBureau',
  'lucheng-bureau': 'scienceBureau',
  'huzhou-bureau': 'scienceBureau',
  'xiamen-bureau': 'scienceBureau',
  'huli-bureau': 'scienceBureau',
  'wenzhou-poc-center': 'pocCenter',
  'huzhou-pilot-platform': 'pilotPlatform',
}

const wan = (v: number | null) => (v === null ? null : BigInt(v * 1_000_000))
const contactOf = (i: number) => ({
  contactName: ['陈工', '林经理', '王主任', '张工', '黄经理', '吴工'][i % 6]!,
  contactPhone: `0${['577', '572', '592'][i % 3]}-8800${String(1000 + i).slice(-4)}`,
})

/** 需求库 demo records: enterprises' needs in the three cities, with a few matched, closed or 保密 ones. */
export async function seedDemoDemands(tx: Transaction, context: Context): Promise<number> {
  const actor = systemActor('demo seed')
  const areaOf = await ensureEnterprises(tx, context)
  const today = todayInShanghai(now())
  for (const [i, [title, description, keywords, org, node, budget, days, modes, level, status]] of DEMANDS.entries()) {
    const area = areaOf.get(org)!
    const at = new Date(now().getTime() - (DEMANDS.length - i) * 5 * 3_600_000)
    const [row] = await tx
      .insert(demands)
      .values({
        id: newId(at.getTime()),
        ownerOrgId: context.orgIdByKey.get(org)!,
        jurisdictionCode: area,
        confidentiality: level,
        source: 'demo',
        title,
        description,
        keywords,
        industryCodes: [`${systemFor(area)}:${node}`],
        budgetNegotiable: budget === null,
        budgetMinFen: budget ? wan(budget[0]) : null,
        budgetMaxFen: budget ? wan(budget[1]) : null,
        // A closed need's deadline has usually passed; open and matched ones are still ahead.
        deadline: addDays(today, status === 'closed' ? -Math.round(days / 3) : days),
        cooperationModes: modes,
        trlWanted: i % 3 === 0 ? 6 : null,
        maturityWanted: i % 4 === 0 ? 'pilot' : null,
        ...contactOf(i),
        status: status ?? 'open',
        statusChangedAt: status ? at : null,
        statusReason: status === 'matched' ? '已与概念验证中心推荐团队签订合作协议' : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, DEMAND, row!, null, '演示数据')
    await storeSearchDocument(tx, DEMAND, row!.id, demandDocument(row!))
  }
  return DEMANDS.length
}

/** 场景清单 demo records: scenarios published by bureaus, the PoC center, the pilot platform and enterprises. */
export async function seedDemoScenarios(tx: Transaction, context: Context): Promise<number> {
  const actor = systemActor('demo seed')
  await ensureEnterprises(tx, context)
  const today = todayInShanghai(now())
  for (const [i, s] of SCENARIOS.entries()) {
    const [title, description, keywords, publisher, area, node, address, position, offers, days, level, status] = s
    const at = new Date(now().getTime() - (SCENARIOS.length - i) * 7 * 3_600_000)
    const [row] = await tx
      .insert(scenarios)
      .values({
        id: newId(at.getTime()),
        ownerOrgId: context.orgIdByKey.get(publisher)!,
        jurisdictionCode: area,
        confidentiality: level,
        source: 'demo',
        title,
        description,
        keywords,
        industryCodes: [`${systemFor(area)}:${node}`],
        publisherKind: PUBLISHER_KIND[publisher] ?? 'enterprise',
        address,
        longitude: position?.[0] ?? null,
        latitude: position?.[1] ?? null,
        offers,
        deadline: addDays(today, status === 'closed' ? -Math.round(days / 3) : days),
        status: status ?? 'open',
        statusChangedAt: status ? at : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, SCENARIO, row!, null, '演示数据')
    await storeSearchDocument(tx, SCENARIO, row!.id, scenarioDocument(row!))
  }
  return SCENARIOS.length
}
