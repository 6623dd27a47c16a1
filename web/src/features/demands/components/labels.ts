export { cooperationModeLabels, demandStatusLabels, maturityLabels } from '@server/modules/demands/labels'
export { demandTransition } from '@server/modules/demands/status-flow'

export const demandFieldLabels: Record<string, string> = {
  title: '需求名称',
  description: '需求描述',
  keywords: '关键词',
  industryCodes: '产业分类',
  budgetNegotiable: '预算面议',
  budgetMinFen: '预算下限',
  budgetMaxFen: '预算上限',
  deadline: '截止日期',
  cooperationModes: '合作方式',
  trlWanted: '期望 TRL',
  maturityWanted: '期望成熟度',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  confidentiality: '公开程度',
  status: '状态',
  statusReason: '状态说明',
  archived: '归档状态',
}

/** What the buttons of the status flow say. */
export const statusActionLabels = { open: '重新征集', matched: '标记为已对接', closed: '关闭需求' } as const
