import type { OrganizationKind } from './schema'

export const organizationKindLabels: Record<OrganizationKind, string> = {
  scienceBureau: '科技主管部门',
  university: '高等院校',
  researchInstitute: '科研院所',
  hospital: '医疗机构',
  enterprise: '企业',
  pocCenter: '概念验证中心',
  pilotPlatform: '中试平台',
  incubator: '孵化器/园区',
  investor: '投资机构/基金',
  serviceAgency: '科技服务机构',
}
