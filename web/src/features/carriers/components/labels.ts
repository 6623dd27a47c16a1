import type {
  AccreditationStatus,
  CapabilityCategory,
  CarrierKind,
  CarrierLevel,
  CarrierSubtype,
  DirectorRole,
} from '../api/types'

export const carrierKindLabels: Record<CarrierKind, string> = {
  pocCenter: '概念验证中心',
  pilotPlatform: '中试平台',
  incubator: '孵化器',
  park: '园区',
}
export const carrierSubtypeLabels: Record<CarrierSubtype, string> = {
  comprehensive: '综合类',
  specialized: '专业型',
  enterpriseLed: '企业主导',
  thirdPartyLed: '第三方服务机构主导',
  academicLed: '高校院所主导',
  governmentLed: '政府投资主导',
}
/** Sub-types each kind allows: PoC centers and pilot platforms name one, incubators and parks none. */
export const subtypesOfKind: Record<CarrierKind, readonly CarrierSubtype[]> = {
  pocCenter: ['comprehensive', 'specialized'],
  pilotPlatform: ['enterpriseLed', 'thirdPartyLed', 'academicLed', 'governmentLed'],
  incubator: [],
  park: [],
}
export const carrierLevelLabels: Record<CarrierLevel, string> = {
  municipal: '市级',
  provincial: '省级',
  national: '国家级',
}
export const accreditationLabels: Record<AccreditationStatus, string> = {
  none: '未认定',
  applying: '申报中',
  accredited: '已认定',
  revoked: '已撤销',
}
export const capabilityCategoryLabels: Record<CapabilityCategory, string> = {
  principle: '原理验证',
  technical: '技术与工艺验证',
  productScenario: '产品与场景验证',
  commercial: '商业验证',
  pilot: '中试',
  testing: '检测',
}
export const directorRoleLabels: Record<DirectorRole, string> = {
  director: '主任',
  administrative: '行政主任',
  technical: '技术主任',
}

export const options = <K extends string>(labels: Record<K, string>, only?: readonly K[]) =>
  (only ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }))

/** Field names in Chinese: form problems and the history's changed fields. */
export const carrierFieldLabels: Record<string, string> = {
  name: '载体名称',
  kind: '载体类型',
  subtype: '细分类型',
  industryCodes: '产业领域',
  address: '地址',
  longitude: '经度',
  latitude: '纬度',
  capabilities: '验证能力清单',
  feeStandards: '收费标准',
  level: '级别',
  accreditationStatus: '认定状态',
  accreditationYear: '认定年份',
  directors: '主任',
  hostInstitution: '依托单位',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  introduction: '载体简介',
  confidentiality: '公开程度',
  organizationId: '运营机构',
  organization: '运营机构',
  ownerOrgId: '运营机构',
  jurisdictionCode: '所在地区',
  archived: '归档状态',
  source: '来源',
  id: '编号',
}
