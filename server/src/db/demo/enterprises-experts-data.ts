import type { EnterpriseTier, TierLevel } from '../../modules/enterprises/schema'
import type { RelationshipKind, ThinkTank, TieKind } from '../../modules/experts/schema'

export type Level = 'public' | 'internal' | 'secret'

/**
 * Fictional enterprises. The first twelve are the ones the demand and scenario demo data name (same keys,
 * names and areas), so a demand's publisher has a profile in the 企业库 whichever seed runs first.
 */
export type DemoEnterprise = [
  key: string,
  name: string,
  area: string,
  gbtDivision: string,
  nodes: string[],
  tiers: [EnterpriseTier, number, TierLevel?][],
  products: string[],
  keywords: string[],
  description: string,
  rdWan: [number, number, number],
  revenueWan: number,
  employees: number,
  address: string,
  location: [number, number],
  contact: [string, string],
  level: Level,
]

// biome-ignore format: one record per line reads as a table
export const ENTERPRISES: DemoEnterprise[] = [
  ['wenzhou-enterprise', '温州瓯海智造科技有限公司', '330304', '34', ['WZ-4-3'], [['highTech', 2022, 'national'], ['techSme', 2024]], ['数控加工中心', '协作机器人工作站'], ['智能制造', '预测性维护'], '专注精密零件数控加工与柔性产线集成，为鞋服、电气企业提供机器人上下料和设备联网改造。', [420, 510, 620], 18600, 210, '温州市瓯海区瓯海经济开发区东方南路 38 号', [120.64, 27.96], ['周总', '0577-88601001'], 'public'],
  ['demo-wz-electric', '温州瓯江智能电气股份有限公司', '330305', '38', ['WZ-4-1'], [['highTech', 2021, 'national'], ['specialized', 2023, 'province'], ['littleGiant', 2024, 'national']], ['低压断路器', '智能电表', '光伏并网开关'], ['智能电气', '计量芯片'], '国内低压电器骨干企业，拥有省级企业研究院，产品覆盖配电、计量与新能源并网。', [2860, 3120, 3480], 126000, 1350, '温州市洞头区霓屿街道新城路 66 号', [121.15, 27.84], ['郑部长', '0577-88602002'], 'public'],
  ['demo-wz-shoes', '温州鹿城鞋业科技有限公司', '330302', '19', ['WZ-5-1'], [['techSme', 2023], ['innovativeSme', 2024]], ['休闲皮鞋', '生物基鞋底'], ['鞋材', '注塑工艺'], '以自主品牌皮鞋为主，近年开发生物基可降解鞋材，推动传统鞋业绿色转型。', [180, 220, 265], 42000, 520, '温州市鹿城区双屿街道鞋都大道 99 号', [120.6, 28.02], ['林经理', '0577-88603003'], 'public'],
  ['demo-wz-pharma', '温州龙湾生物医药有限公司', '330303', '27', ['WZ-3-2'], [['highTech', 2022, 'national'], ['specialized', 2024, 'city']], ['眼科缓释制剂', '原料药'], ['新药创制', '缓释制剂'], '聚焦眼科与神经系统创新药，建有制剂中试车间，两个品种进入临床试验。', [1650, 2010, 2380], 31000, 360, '温州市龙湾区滨海园区滨海三道 18 号', [120.83, 27.92], ['黄总监', '0577-88604004'], 'internal'],
  ['demo-hz-textile', '湖州织里纺织科技有限公司', '330502', '17', ['HZ-3-1'], [['techSme', 2022], ['specialized', 2024, 'city']], ['功能性面料', '童装面料'], ['现代纺织', '数码印花'], '织里童装产业链上游的面料企业，开发抗菌、速干功能性面料与数码印花工艺。', [260, 300, 355], 38000, 460, '湖州市吴兴区织里镇珍贝路 188 号', [120.26, 30.83], ['沈经理', '0572-3601005'], 'public'],
  ['demo-hz-alloy', '湖州南浔合金特材有限公司', '330503', '32', ['HZ-3-2'], [['highTech', 2020, 'national'], ['specialized', 2022, 'province']], ['高温合金棒材', '精密合金带材'], ['合金特材', '真空熔炼'], '从事镍基高温合金与精密合金研发生产，产品用于燃气轮机与航空发动机零部件。', [1980, 2240, 2560], 88000, 640, '湖州市南浔区练市镇工业园区荣华路 6 号', [120.43, 30.71], ['钱总工', '0572-3602006'], 'public'],
  ['demo-hz-robot', '湖州太湖具身智能机器人有限公司', '330502', '34', ['HZ-1-1'], [['techSme', 2024], ['innovativeSme', 2025]], ['人形机器人关节模组', '灵巧手'], ['具身智能', '力矩控制'], '初创型具身智能企业，研发人形机器人关节模组与灵巧手，已向多家整机厂送样。', [380, 860, 1420], 2600, 85, '湖州市吴兴区南太湖新区长东路 88 号', [120.13, 30.9], ['吴博士', '0572-3603007'], 'public'],
  ['demo-hz-furniture', '湖州安吉绿色家居有限公司', '330523', '21', ['HZ-3-3'], [['techSme', 2023]], ['办公椅', '竹木复合家具'], ['绿色家居', '竹材改性'], '安吉椅业企业，研发竹木复合材料与低甲醛胶黏剂，产品出口欧美。', [150, 170, 210], 56000, 780, '湖州市安吉县递铺街道天荒坪北路 12 号', [119.68, 30.64], ['潘经理', '0572-3604008'], 'public'],
  ['demo-xm-display', '厦门湖里光电显示科技有限公司', '350206', '39', ['HL-2-4'], [['highTech', 2021, 'national'], ['specialized', 2023, 'province']], ['车载显示模组', 'Mini LED 背光'], ['平板显示', 'Micro-LED'], '平板显示模组企业，布局 Mini/Micro-LED 背光与巨量转移工艺。', [2100, 2450, 2890], 97000, 880, '厦门市湖里区火炬高新区创新路 2 号', [118.18, 24.5], ['陈经理', '0592-5701009'], 'public'],
  ['demo-xm-aviation', '厦门高崎航空维修工程有限公司', '350206', '43', ['HL-1-1'], [['highTech', 2022, 'national']], ['飞机部附件维修', '发动机叶片修复'], ['航空维修', '增材修复'], '民航维修企业，开展发动机叶片激光熔覆修复与部附件深度维修。', [860, 930, 1050], 64000, 720, '厦门市湖里区高崎机场路 88 号', [118.13, 24.54], ['许主任', '0592-5702010'], 'internal'],
  ['demo-xm-logistics', '厦门象屿智慧物流有限公司', '350206', '59', ['HL-3-2'], [['techSme', 2023]], ['智慧仓储系统', '供应链数字平台'], ['智慧物流', '仓储机器人'], '提供港口与保税仓储的智慧物流服务，自研仓储调度与库存可视化平台。', [320, 410, 460], 152000, 1100, '厦门市湖里区象屿路 97 号', [118.09, 24.52], ['蔡经理', '0592-5703011'], 'public'],
  ['demo-xm-hydrogen', '厦门海沧氢能科技有限公司', '350205', '38', ['XM-F-1'], [['techSme', 2024], ['highTech', 2024, 'city']], ['PEM 电解槽', '储氢瓶阀'], ['氢能', '电解水制氢'], '研发质子交换膜电解水制氢装备与车用储氢阀门，承担市级重大专项。', [640, 980, 1360], 8800, 160, '厦门市海沧区新阳工业区阳光西路 30 号', [118.04, 24.49], ['苏博士', '0592-5704012'], 'secret'],
  ['demo-ent-wz-laser', '温州瓯江激光科技有限公司', '330303', '34', ['WZ-4-2'], [['highTech', 2023, 'national'], ['techSme', 2024]], ['光纤激光切割机', '激光焊接机'], ['智能激光', '激光熔覆'], '工业激光装备企业，为电气、鞋机行业提供切割、焊接与表面熔覆设备。', [520, 610, 730], 24000, 260, '温州市龙湾区蒲州街道永强大道 1188 号', [120.74, 27.94], ['陈经理', '0577-88605013'], 'public'],
  ['demo-ent-wz-battery', '温州瑞安前沿电池材料有限公司', '330381', '38', ['WZ-2-1'], [['techSme', 2024], ['innovativeSme', 2024]], ['固态电解质', '钠离子电池正极'], ['前沿电池', '固态电池'], '研发硫化物固态电解质与钠离子正极材料，建成百吨级中试线。', [260, 540, 880], 3200, 70, '温州市瑞安市经济开发区毓蒙路 58 号', [120.65, 27.78], ['胡博士', '0577-88606014'], 'public'],
  ['demo-ent-wz-eye', '温州眼视光医疗器械有限公司', '330302', '35', ['WZ-3-1'], [['highTech', 2022, 'national'], ['specialized', 2023, 'city']], ['角膜塑形镜', '眼底成像设备'], ['眼脑健康', '医疗器械'], '依托眼视光临床资源，生产角膜塑形镜与便携式眼底成像设备。', [780, 880, 990], 21000, 240, '温州市鹿城区学院西路 268 号', [120.66, 28.01], ['叶经理', '0577-88607015'], 'public'],
  ['demo-ent-wz-chip', '温州数芯集成电路设计有限公司', '330303', '65', ['WZ-1-2'], [['techSme', 2023]], ['电源管理芯片', '计量 SoC'], ['集成电路', '低功耗设计'], '无晶圆厂芯片设计企业，主攻电源管理与智能计量芯片。', [690, 760, 840], 6400, 95, '温州市龙湾区温州科创园 3 号楼', [120.72, 27.97], ['戴总', '0577-88608016'], 'internal'],
  ['demo-ent-wz-wind', '温州洞头海上风电运维有限公司', '330305', '44', ['WZ-2-2'], [['techSme', 2024]], ['风机运维服务', '叶片检测无人机'], ['新一代风电', '无人机巡检'], '为海上风电场提供运维服务，研发叶片缺陷无人机巡检系统。', [120, 160, 210], 15000, 180, '温州市洞头区北岙街道环岛东路 21 号', [121.16, 27.84], ['王经理', '0577-88609017'], 'public'],
  ['demo-ent-wz-polymer', '温州平阳高分子新材料有限公司', '330326', '29', ['WZ-5-1'], [['highTech', 2020, 'city'], ['specialized', 2022, 'city']], ['改性塑料', '生物降解薄膜'], ['先进高分子材料', '可降解'], '改性塑料与生物降解薄膜生产企业，客户覆盖包装与鞋材行业。', [340, 360, 390], 47000, 410, '温州市平阳县万全镇轻工产业园 16 号', [120.57, 27.66], ['金经理', '0577-88610018'], 'public'],
  ['demo-ent-wz-pump', '温州永嘉泵阀科技有限公司', '330324', '34', ['WZ-4-1'], [['techSme', 2022]], ['智能泵阀', '阀门执行器'], ['泵阀', '物联网'], '永嘉泵阀产业集群企业，开发带远程监测功能的智能阀门执行器。', [210, 230, 260], 33000, 390, '温州市永嘉县瓯北街道阀门工业城 8 号', [120.68, 28.05], ['潘总', '0577-88611019'], 'secret'],
  ['demo-ent-hz-ev', '湖州长兴新能源汽车零部件有限公司', '330522', '36', ['HZ-6-1'], [['highTech', 2021, 'national'], ['specialized', 2023, 'province']], ['电驱壳体', '电池托盘'], ['新能源汽车', '一体化压铸'], '新能源汽车结构件企业，掌握一体化压铸与轻量化设计。', [1450, 1680, 1920], 73000, 820, '湖州市长兴县经济开发区太湖大道 508 号', [119.93, 31.02], ['王部长', '0572-3605020'], 'public'],
  ['demo-ent-hz-chip', '湖州德清光电半导体有限公司', '330521', '39', ['HZ-6-3'], [['highTech', 2022, 'national']], ['光通信芯片', '激光器芯片'], ['半导体及光电', '光通信'], '光电芯片企业，量产 25G 激光器芯片，研发硅光集成器件。', [1320, 1580, 1810], 26000, 300, '湖州市德清县阜溪街道地理信息小镇 9 号', [119.97, 30.54], ['顾博士', '0572-3606021'], 'public'],
  ['demo-ent-hz-geo', '湖州德清时空信息科技有限公司', '330521', '65', ['HZ-6-6', 'HZ-F-5'], [['techSme', 2022], ['highTech', 2023, 'national']], ['高精度定位服务', '实景三维平台'], ['地理信息+', '时空智能'], '地理信息小镇企业，提供高精度定位与实景三维建模服务。', [560, 640, 720], 12000, 160, '湖州市德清县地理信息小镇科创园 5 号楼', [119.98, 30.55], ['陆经理', '0572-3607022'], 'public'],
  ['demo-ent-hz-bio', '湖州吴兴合成生物科技有限公司', '330502', '27', ['HZ-F-4', 'HZ-6-4'], [['techSme', 2024]], ['功能糖', '生物基单体'], ['合成生物', '细胞工厂'], '合成生物学初创企业，构建细胞工厂生产稀有功能糖。', [210, 380, 560], 900, 45, '湖州市吴兴区南太湖科技创新综合体 2 号楼', [120.12, 30.88], ['姚博士', '0572-3608023'], 'internal'],
  ['demo-ent-hz-drone', '湖州南浔低空飞行器有限公司', '330503', '37', ['HZ-F-1'], [['techSme', 2024]], ['电动垂直起降飞行器', '物流无人机'], ['新能源飞行器', '低空经济'], '研发电动垂直起降飞行器与支线物流无人机，开展低空物流试点。', [420, 760, 1180], 1500, 60, '湖州市南浔区高新区天勤路 66 号', [120.42, 30.86], ['邵总', '0572-3609024'], 'public'],
  ['demo-ent-hz-wear', '湖州智能穿戴设备有限公司', '330502', '39', ['HZ-1-3'], [['highTech', 2023, 'national']], ['智能手表', '健康监测手环'], ['智能穿戴设备', '可穿戴传感'], '智能穿戴设备制造企业，研发柔性传感与健康监测算法。', [880, 960, 1100], 41000, 520, '湖州市吴兴区八里店镇吴兴大道 1 号', [120.15, 30.85], ['杨经理', '0572-3610025'], 'public'],
  ['demo-ent-xm-ic', '厦门湖里芯源集成电路设计有限公司', '350206', '65', ['HL-2-1'], [['highTech', 2022, 'national'], ['specialized', 2024, 'city']], ['射频前端芯片', '蓝牙 SoC'], ['集成电路设计', '射频'], '射频与低功耗蓝牙芯片设计企业，产品用于智能家居与可穿戴设备。', [1560, 1740, 2010], 22000, 210, '厦门市湖里区软件园二期观日路 44 号', [118.18, 24.49], ['李总', '0592-5705026'], 'public'],
  ['demo-ent-xm-software', '厦门湖里云智软件有限公司', '350206', '65', ['HL-2-2'], [['techSme', 2023], ['highTech', 2024, 'national']], ['工业互联网平台', '港口调度软件'], ['软件信息服务业', '数字孪生'], '工业软件企业，开发港口调度与工业互联网平台，服务湖里区数字工匠培训。', [430, 520, 610], 9800, 180, '厦门市湖里区金山街道云顶北路 16 号', [118.17, 24.5], ['庄经理', '0592-5706027'], 'public'],
  ['demo-ent-xm-auto', '厦门湖里汽车零部件有限公司', '350206', '36', ['HL-1-2'], [['highTech', 2021, 'national']], ['线控制动系统', '转向节'], ['汽车零部件', '线控底盘'], '汽车零部件企业，研发线控制动与轻量化底盘件。', [980, 1060, 1190], 58000, 690, '厦门市湖里区兴隆路 15 号', [118.12, 24.53], ['黄部长', '0592-5707028'], 'public'],
  ['demo-ent-xm-gene', '厦门翔安基因科技有限公司', '350213', '27', ['XM-F-2', 'XM-S-1'], [['highTech', 2023, 'national'], ['specialized', 2024, 'city']], ['基因检测试剂盒', '核酸提取仪'], ['基因与生物技术', '体外诊断'], '体外诊断企业，开发肿瘤伴随诊断基因检测试剂盒。', [1250, 1480, 1730], 35000, 330, '厦门市翔安区火炬园翔岳路 19 号', [118.25, 24.62], ['吕博士', '0592-5708029'], 'public'],
  ['demo-ent-xm-gan', '厦门海沧第三代半导体有限公司', '350205', '39', ['XM-F-3'], [['techSme', 2024], ['innovativeSme', 2024]], ['氮化镓功率器件', '碳化硅外延片'], ['第三代半导体', '功率器件'], '第三代半导体企业，研发氮化镓快充功率器件与碳化硅外延工艺。', [760, 1320, 1890], 4200, 120, '厦门市海沧区新阳街道翁角路 2 号', [118.03, 24.5], ['林博士', '0592-5709030'], 'public'],
  ['demo-ent-xm-material', '厦门集美新材料科技有限公司', '350211', '26', ['XM-S-2'], [['highTech', 2022, 'national']], ['光学膜', '电子化学品'], ['新材料', '电子化学品'], '光学膜与高纯电子化学品生产企业，为显示面板与半导体企业配套。', [890, 970, 1080], 46000, 380, '厦门市集美区杏林湾路 480 号', [118.1, 24.58], ['郑经理', '0592-5710031'], 'internal'],
]

/** [organization, from, to] of a past or present affiliation (to null: still there). */
export type DemoAffiliation = [string, string | null, string | null]

export type DemoExpert = {
  name: string
  title: string
  /** A demo organization key, or a free-text organization name. */
  org: string
  owner: string
  disciplines: string[]
  nodes: string[]
  keywords: string[]
  tanks: ThinkTank[]
  past: DemoAffiliation[]
  level: Level
  busyDays?: number
  unavailable?: boolean
  relationships?: [RelationshipKind, string, string, string?][]
  ties?: [TieKind, string, string | null, string | null][]
  /** The demo account that is this expert (may then edit the profile). */
  username?: string
}

/** Fictional experts for the three cities' 专家智库 (技术验证 / 产品验证 / 商业验证, seed 002 第15条). */
// biome-ignore format: one record per line reads as a table
export const EXPERTS: DemoExpert[] = [
  { name: '陈立群', title: '教授', org: 'wenzhou-university', owner: 'wenzhou-bureau', disciplines: ['控制科学与工程', '机械工程'], nodes: ['WZ-4-3', 'WZ-F-2'], keywords: ['机器人控制', '运动规划', '人形机器人'], tanks: ['technical'], past: [['浙东工业大学', '2008-07-01', '2016-08-31']], level: 'internal', relationships: [['advisorStudent', '吴晓东', '湖州太湖具身智能机器人有限公司', '博士生导师']] },
  { name: '王慧敏', title: '研究员', org: 'wenzhou-university', owner: 'wenzhou-bureau', disciplines: ['材料科学与工程'], nodes: ['WZ-5-1', 'WZ-5-2'], keywords: ['高分子材料', '生物降解', '鞋材'], tanks: ['technical', 'product'], past: [], level: 'internal', ties: [['contract', 'demo-wz-shoes', '2023-03-01', '2025-02-28']] },
  { name: '张海涛', title: '正高级工程师', org: 'demo-wz-electric', owner: 'wenzhou-bureau', disciplines: ['电气工程'], nodes: ['WZ-4-1', 'WZ-1-2'], keywords: ['低压电器', '断路器', '智能电网'], tanks: ['product'], past: [['华东电器研究所', '2005-07-01', '2014-12-31']], level: 'internal', ties: [['employment', 'demo-wz-electric', '2015-01-01', null]] },
  { name: '李雪梅', title: '主任医师', org: '温州眼视光医院', owner: 'wenzhou-poc-center', disciplines: ['基础医学/临床医学', '生物学/生物科学与工程'], nodes: ['WZ-3-1', 'WZ-F-3'], keywords: ['眼视光', '角膜塑形', '眼底成像'], tanks: ['technical', 'product'], past: [], level: 'internal', ties: [['shareholding', 'demo-ent-wz-eye', '2021-06-01', null]] },
  { name: '刘建华', title: '高级工程师', org: 'demo-ent-wz-laser', owner: 'wenzhou-poc-center', disciplines: ['光学工程'], nodes: ['WZ-4-2'], keywords: ['激光焊接', '激光熔覆', '工艺优化'], tanks: ['product'], past: [['瓯越理工大学', '2010-09-01', '2022-06-30']], level: 'internal' },
  { name: '周文杰', title: '副教授', org: 'wenzhou-university', owner: 'wenzhou-poc-center', disciplines: ['化学/化学工程与技术', '材料科学与工程'], nodes: ['WZ-2-1', 'WZ-2-3'], keywords: ['固态电池', '固态电解质', '储能材料'], tanks: ['technical'], past: [], level: 'public', busyDays: 45 },
  { name: '黄振宇', title: '教授级高工', org: '温州市电力设计院', owner: 'wenzhou-bureau', disciplines: ['电气工程', '动力工程及工程热物理'], nodes: ['WZ-2-2', 'WZ-2-3'], keywords: ['海上风电', '氢能储运', '新型储能'], tanks: ['technical', 'product'], past: [], level: 'internal' },
  { name: '吴晓燕', title: '合伙人', org: '温州瓯江律师事务所', owner: 'wenzhou-bureau', disciplines: ['法学'], nodes: [], keywords: ['知识产权', '技术合同', '股权设计'], tanks: ['commercial'], past: [], level: 'internal' },
  { name: '郑国庆', title: '投资总监', org: '温州创新创业投资有限公司', owner: 'wenzhou-poc-center', disciplines: ['应用经济学', '工商管理'], nodes: ['WZ-F-1', 'WZ-1-1'], keywords: ['早期投资', '估值', '商业计划'], tanks: ['commercial'], past: [['浙南证券研究所', '2012-07-01', '2018-03-31']], level: 'internal', ties: [['shareholding', 'demo-ent-wz-battery', '2024-05-01', null]] },
  { name: '林少华', title: '教授', org: 'wenzhou-university', owner: 'wenzhou-bureau', disciplines: ['计算机科学与技术'], nodes: ['WZ-F-1', 'WZ-1-1'], keywords: ['大模型', '智能体', '云计算'], tanks: ['technical'], past: [['鹭岛大学', '2009-09-01', '2019-08-31']], level: 'public' },
  { name: '潘丽君', title: '高级经济师', org: '温州市科技成果转化服务中心', owner: 'wenzhou-bureau', disciplines: ['工商管理'], nodes: [], keywords: ['技术经纪', '成果评价', '市场调研'], tanks: ['commercial'], past: [], level: 'public' },
  { name: '蔡明辉', title: '研究员', org: '温州生物材料研究院', owner: 'wenzhou-poc-center', disciplines: ['药学', '生物学/生物科学与工程'], nodes: ['WZ-3-2', 'WZ-F-4'], keywords: ['缓释制剂', '新药评价', '合成生物'], tanks: ['technical'], past: [['温州龙湾生物医药有限公司', '2016-03-01', '2023-02-28']], level: 'secret', unavailable: true },
  { name: '吴志远', title: '研究员', org: 'huzhou-institute', owner: 'huzhou-institute', disciplines: ['控制科学与工程', '计算机科学与技术'], nodes: ['HZ-1-1', 'HZ-1-2'], keywords: ['具身智能', '灵巧手', '智能驾驶'], tanks: ['technical', 'product'], past: [['浙东工业大学', '2011-07-01', '2020-12-31']], level: 'internal', username: 'expert' },
  { name: '沈佳怡', title: '教授', org: '南太湖学院', owner: 'huzhou-bureau', disciplines: ['纺织科学与工程'], nodes: ['HZ-3-1'], keywords: ['功能性面料', '数码印花', '现代纺织'], tanks: ['technical', 'product'], past: [], level: 'public' },
  { name: '钱伟民', title: '正高级工程师', org: 'demo-hz-alloy', owner: 'huzhou-bureau', disciplines: ['冶金工程', '材料科学与工程'], nodes: ['HZ-3-2', 'HZ-F-2'], keywords: ['高温合金', '真空熔炼', '精密合金'], tanks: ['product'], past: [], level: 'internal', ties: [['employment', 'demo-hz-alloy', '2012-04-01', null]] },
  { name: '姚晨曦', title: '副研究员', org: 'huzhou-institute', owner: 'huzhou-institute', disciplines: ['生物学/生物科学与工程', '化学/化学工程与技术'], nodes: ['HZ-F-4', 'HZ-6-4'], keywords: ['合成生物', '细胞工厂', '功能糖'], tanks: ['technical'], past: [], level: 'internal', relationships: [['family', '姚博士', '湖州吴兴合成生物科技有限公司', '兄妹']] },
  { name: '顾一鸣', title: '教授', org: '南太湖学院', owner: 'huzhou-bureau', disciplines: ['电子科学与技术', '光学工程'], nodes: ['HZ-6-3', 'HZ-F-3'], keywords: ['光通信', '硅光集成', '激光器芯片'], tanks: ['technical'], past: [['鹭岛大学', '2006-09-01', '2015-07-31']], level: 'public' },
  { name: '陆海平', title: '高级工程师', org: '湖州测绘与地理信息研究院', owner: 'huzhou-bureau', disciplines: ['测绘科学与技术', '地理学'], nodes: ['HZ-6-6', 'HZ-F-5'], keywords: ['高精度定位', '实景三维', '时空大数据'], tanks: ['product'], past: [], level: 'public', busyDays: 20 },
  { name: '邵俊杰', title: '副教授', org: '南太湖学院', owner: 'huzhou-institute', disciplines: ['航空宇航科学与技术'], nodes: ['HZ-F-1'], keywords: ['电动垂直起降', '飞控', '低空经济'], tanks: ['technical', 'product'], past: [], level: 'internal', relationships: [['partner', '邵总', '湖州南浔低空飞行器有限公司', '联合申报省重点研发项目']] },
  { name: '杨帆', title: '投资经理', org: '湖州产业投资基金管理有限公司', owner: 'huzhou-bureau', disciplines: ['应用经济学'], nodes: ['HZ-6-1', 'HZ-1-3'], keywords: ['产业基金', '尽职调查', '投后管理'], tanks: ['commercial'], past: [], level: 'internal' },
  { name: '潘晓东', title: '教授', org: '南太湖学院', owner: 'huzhou-bureau', disciplines: ['林学/林业工程', '材料科学与工程'], nodes: ['HZ-3-3'], keywords: ['竹材改性', '绿色家居', '低甲醛胶黏剂'], tanks: ['technical', 'product'], past: [], level: 'public' },
  { name: '许嘉诚', title: '高级工程师', org: 'demo-xm-aviation', owner: 'huli-bureau', disciplines: ['航空宇航科学与技术', '机械工程'], nodes: ['HL-1-1'], keywords: ['航空维修', '叶片修复', '增材制造'], tanks: ['product'], past: [], level: 'internal', ties: [['employment', 'demo-xm-aviation', '2014-07-01', null]] },
  { name: '陈思远', title: '教授', org: '鹭岛大学', owner: 'xiamen-bureau', disciplines: ['电子科学与技术'], nodes: ['XM-F-3', 'XM-P-1'], keywords: ['氮化镓', '功率器件', 'Micro-LED'], tanks: ['technical'], past: [], level: 'public', relationships: [['advisorStudent', '林博士', '厦门海沧第三代半导体有限公司', '硕士生导师']] },
  { name: '苏文斌', title: '研究员', org: '鹭岛能源实验室', owner: 'xiamen-bureau', disciplines: ['化学/化学工程与技术'], nodes: ['XM-F-1', 'XM-S-3'], keywords: ['电解水制氢', '质子交换膜', '储能'], tanks: ['technical', 'product'], past: [['鹭岛大学', '2010-07-01', '2021-12-31']], level: 'internal', busyDays: 90 },
  { name: '吕晓静', title: '主任医师', org: '鹭岛医院', owner: 'xiamen-bureau', disciplines: ['基础医学/临床医学', '生物学/生物科学与工程'], nodes: ['XM-F-2', 'XM-S-1'], keywords: ['肿瘤基因检测', '伴随诊断', '临床试验'], tanks: ['technical', 'product'], past: [], level: 'internal' },
  { name: '庄明亮', title: '高级工程师', org: 'demo-ent-xm-software', owner: 'huli-bureau', disciplines: ['计算机科学与技术'], nodes: ['HL-2-2', 'HL-3-2'], keywords: ['工业互联网', '数字孪生', '港口调度'], tanks: ['product'], past: [], level: 'public' },
  { name: '蔡丽娜', title: '副总经理', org: 'xiamen-fund', owner: 'huli-bureau', disciplines: ['工商管理', '应用经济学'], nodes: [], keywords: ['成果转化基金', '投融资', '路演辅导'], tanks: ['commercial'], past: [], level: 'internal' },
  { name: '黄国栋', title: '教授', org: '鹭岛大学', owner: 'xiamen-bureau', disciplines: ['机械工程', '控制科学与工程'], nodes: ['XM-P-2'], keywords: ['线控底盘', '汽车电子', '智能装备'], tanks: ['technical'], past: [], level: 'public', ties: [['contract', 'demo-ent-xm-auto', '2024-01-01', '2025-12-31']] },
  { name: '林雅琴', title: '律师', org: '厦门鹭江知识产权事务所', owner: 'xiamen-bureau', disciplines: ['法学'], nodes: [], keywords: ['专利布局', '技术许可', '合规审查'], tanks: ['commercial'], past: [], level: 'public' },
  { name: '郭子豪', title: '副教授', org: '鹭岛大学', owner: 'huli-bureau', disciplines: ['材料科学与工程', '化学/化学工程与技术'], nodes: ['XM-S-2', 'HL-2-4'], keywords: ['光学膜', '电子化学品', '平板显示'], tanks: ['technical'], past: [], level: 'secret' },
]
