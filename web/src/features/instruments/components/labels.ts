import type { Availability, InstrumentCategory } from '../api/types'

export const instrumentCategoryLabels: Record<InstrumentCategory, string> = {
  analysis: '分析测试',
  physicalProperty: '物理性能测试',
  metrology: '计量',
  electronic: '电子测量',
  manufacturing: '加工制造',
  environmental: '环境试验',
  biomedical: '生物医学',
  computing: '计算与仿真',
  other: '其他',
}
export const availabilityLabels: Record<Availability, string> = {
  available: '可预约',
  maintenance: '维护中',
  retired: '停用',
}

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))

/** Field names in Chinese: form problems and the history's changed fields. */
export const instrumentFieldLabels: Record<string, string> = {
  carrierId: '所属载体',
  name: '仪器名称',
  assetNumber: '资产编号',
  category: '仪器类别',
  model: '型号',
  manufacturer: '生产厂家',
  specifications: '主要技术指标',
  hasCma: 'CMA 资质',
  hasCnas: 'CNAS 资质',
  openHours: '开放时间',
  bookingMethod: '预约方式',
  priceFen: '收费标准',
  feeUnit: '计费单位',
  location: '放置地点',
  availability: '状态',
  confidentiality: '公开程度',
  ownerOrgId: '所属机构',
  jurisdictionCode: '所在地区',
  archived: '归档状态',
  source: '来源',
  id: '编号',
}
