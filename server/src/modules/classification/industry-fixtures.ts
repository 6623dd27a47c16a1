import type { IndustryNode } from './industries'

// Test fixtures named as the seeds name them (湖州 "1366", 温州 5 大新兴主导产业 + 未来产业); the shipped
// systems live in data/ and belong to the registries module.
const node = (code: string, name: string, parentCode: string | null = null): IndustryNode => ({
  code,
  name,
  parentCode,
})

export const huzhouSystem: IndustryNode[] = [
  node('HZ-1', '人工智能'),
  node('HZ-1-1', '具身智能机器人', 'HZ-1'),
  node('HZ-1-2', '智能驾驶', 'HZ-1'),
  node('HZ-1-3', '智能穿戴设备', 'HZ-1'),
  node('HZ-1-4', '算力数据服务', 'HZ-1'),
  node('HZ-3-1', '现代纺织'),
  node('HZ-3-2', '合金特材'),
  node('HZ-3-3', '绿色家居'),
  node('HZ-6-1', '新能源汽车'),
  node('HZ-6-2', '智能装备'),
  node('HZ-6-3', '半导体及光电'),
  node('HZ-6-4', '生物医药'),
  node('HZ-6-5', '绿色能源'),
  node('HZ-6-6', '地理信息+'),
  node('HZ-F-1', '新能源飞行器'),
  node('HZ-F-2', '前沿新材料'),
  node('HZ-F-3', '新一代智能终端'),
  node('HZ-F-4', '合成生物'),
  node('HZ-F-5', '时空智能'),
  node('HZ-F-6', '前沿电池'),
]

export const wenzhouSystem: IndustryNode[] = [
  node('WZ-1', '数字经济'),
  node('WZ-1-1', '云计算与大数据', 'WZ-1'),
  node('WZ-1-2', '集成电路', 'WZ-1'),
  node('WZ-2', '新能源'),
  node('WZ-2-1', '前沿电池', 'WZ-2'),
  node('WZ-2-2', '新一代风电', 'WZ-2'),
  node('WZ-2-3', '氢能及新型储能', 'WZ-2'),
  node('WZ-3', '生命健康'),
  node('WZ-3-1', '眼脑健康', 'WZ-3'),
  node('WZ-3-2', '新药创制与高端医疗器械', 'WZ-3'),
  node('WZ-4', '智能装备'),
  node('WZ-4-1', '智能电气', 'WZ-4'),
  node('WZ-4-2', '智能激光', 'WZ-4'),
  node('WZ-4-3', '工业机器人', 'WZ-4'),
  node('WZ-5', '新材料'),
  node('WZ-5-1', '先进高分子材料', 'WZ-5'),
  node('WZ-5-2', '功能材料', 'WZ-5'),
]
