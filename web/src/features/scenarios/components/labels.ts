export { offerLabels, publisherKindLabels, scenarioStatusLabels } from '@server/modules/scenarios/labels'
export { scenarioTransition } from '@server/modules/scenarios/status-flow'

export const scenarioFieldLabels: Record<string, string> = {
  title: '场景名称',
  description: '场景描述',
  keywords: '所需技术关键词',
  industryCodes: '产业分类',
  address: '场景地址',
  longitude: '经度',
  latitude: '纬度',
  offers: '提供条件',
  deadline: '征集截止',
  confidentiality: '公开程度',
  status: '状态',
  statusReason: '状态说明',
  archived: '归档状态',
}

export const statusActionLabels = { open: '重新开放征集', closed: '截止征集' } as const
