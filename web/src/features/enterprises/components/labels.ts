import type { EnterpriseTier, TierLevel } from '../api/types'

export const tierLabels: Record<EnterpriseTier, string> = {
  techSme: '科技型中小企业',
  innovativeSme: '创新型中小企业',
  highTech: '高新技术企业',
  specialized: '专精特新中小企业',
  littleGiant: '专精特新“小巨人”企业',
}

export const levelLabels: Record<TierLevel, string> = { city: '市级', province: '省级', national: '国家级' }

/** The levels each tier is granted at (科技型中小企业 and 创新型中小企业 have none). */
export const levelsOfTier: Record<EnterpriseTier, readonly TierLevel[]> = {
  techSme: [],
  innovativeSme: [],
  highTech: ['city', 'national'],
  specialized: ['city', 'province'],
  littleGiant: ['national'],
}

export const tierOptions = (Object.keys(tierLabels) as EnterpriseTier[]).map((tier) => ({
  value: tier,
  label: tierLabels[tier],
}))

/** Field names in Chinese: form problems and the history's changed fields. */
export const enterpriseFieldLabels: Record<string, string> = {
  organizationId: '企业',
  name: '企业名称',
  uscc: '统一社会信用代码',
  jurisdictionCode: '所在地区',
  tiers: '企业梯度',
  gbtSection: '行业门类',
  gbtDivision: '行业大类',
  industryCodes: '产业分类',
  yearly: '年度数据',
  mainProducts: '主要产品',
  keywords: '关键词',
  description: '企业简介',
  address: '地址',
  longitude: '经度',
  latitude: '纬度',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  confidentiality: '公开程度',
  archived: '归档状态',
  ownerOrgId: '所属机构',
  source: '来源',
  id: '编号',
}
