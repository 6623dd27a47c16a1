import type { ExpertAvailability, RelationshipKind, ThinkTank, TieKind } from '../api/types'

export const thinkTankLabels: Record<ThinkTank, string> = {
  technical: '技术验证',
  product: '产品验证',
  commercial: '商业验证',
}
export const thinkTankHints: Record<ThinkTank, string> = {
  technical: '原理与技术可行性、工艺路线',
  product: '产品形态、场景适配、样机评测',
  commercial: '市场、商业模式、知识产权与投融资',
}
export const availabilityLabels: Record<ExpertAvailability, string> = {
  available: '可参与评审',
  busy: '忙碌',
  unavailable: '暂不参与',
}
export const relationshipKindLabels: Record<RelationshipKind, string> = {
  advisorStudent: '师生',
  family: '亲属',
  partner: '合作伙伴',
  other: '其他',
}
export const tieKindLabels: Record<TieKind, string> = {
  employment: '任职或兼职',
  shareholding: '持股',
  contract: '合同或项目合作',
  other: '其他',
}

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))

/** Field names in Chinese: form problems and the history's changed fields. */
export const expertFieldLabels: Record<string, string> = {
  name: '姓名',
  title: '职称',
  currentOrgId: '工作单位',
  currentOrgName: '工作单位',
  disciplines: '学科',
  industryCodes: '产业领域',
  keywords: '研究方向关键词',
  thinkTanks: '专家智库',
  affiliations: '任职经历',
  relationships: '申报的社会关系',
  enterpriseTies: '与企业的关联',
  declaredConflicts: '申报的利益冲突',
  availability: '评审状态',
  busyUntil: '忙碌截止日期',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  userId: '关联账号',
  confidentiality: '公开程度',
  ownerOrgId: '所属机构',
  jurisdictionCode: '所在地区',
  archived: '归档状态',
  source: '来源',
  id: '编号',
}
