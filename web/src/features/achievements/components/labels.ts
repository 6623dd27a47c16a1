export {
  ipKindLabels,
  ipStatusLabels,
  maturityLabels,
  patentTypeLabels,
  transferModeLabels,
} from '@server/modules/achievements/labels'

/** Field names of the record as the history shows them. */
export const achievementFieldLabels: Record<string, string> = {
  title: '成果名称',
  summary: '成果简介',
  keywords: '关键词',
  team: '团队成员',
  category: '学科门类',
  discipline: '一级学科',
  industryCodes: '产业分类',
  trl: '技术就绪度',
  maturity: '成熟度',
  ipItems: '知识产权',
  transferModes: '转化方式',
  priceNegotiable: '价格面议',
  priceMinFen: '最低价',
  priceMaxFen: '最高价',
  confidentiality: '公开程度',
  archived: '归档状态',
  ownerOrgId: '所属机构',
}

/** 技术就绪度 (TRL) levels in words, for selects and details. */
export const trlLabels: Record<number, string> = {
  1: '基本原理被发现',
  2: '形成技术概念',
  3: '关键功能验证',
  4: '实验室环境验证',
  5: '相关环境验证',
  6: '相关环境中的系统演示',
  7: '实际环境中的原型验证',
  8: '定型试验完成',
  9: '实际应用通过',
}
