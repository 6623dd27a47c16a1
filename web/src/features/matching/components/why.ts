/** Names of the score's parts (the re-ranker's features), as the 为什么推荐 panel shows them. */
export const partLabels: Record<string, string> = {
  bm25: '文本相关度',
  coverage: '关键词覆盖',
  proximity: '关键词相邻',
  window: '关键词集中',
  phrase: '短语完整出现',
  spread: '通篇相关',
  frequency: '出现次数',
  length: '篇幅',
  agreement: '与高分结果同领域',
  attributeMatch: '产业/学科相符',
  trlFit: '成熟度相符',
  nearness: '距离近',
}

export const viaLabels: Record<string, string> = {
  exact: '原词',
  similar: '相近词',
  subwords: '组成词',
  synonym: '同义词',
  pinyin: '拼音',
}

const attributeLabels: Record<string, string> = { industry: '同属产业链', jurisdiction: '同一地区' }

/**
 * The server writes shared attributes as `相同industry：<codes>`; shown here with Chinese names instead
 * (the codes read as names through the industry systems and the jurisdictions).
 */
export function readableReason(reason: string, nameOf: (attribute: string, value: string) => string): string {
  const match = /^相同([A-Za-z]+)：(.*)$/.exec(reason)
  if (!match) return reason
  const [, attribute = '', values = ''] = match
  const names = values
    .split('、')
    .map((v) => nameOf(attribute, v.trim()))
    .join('、')
  return `${attributeLabels[attribute] ?? '相同属性'}：${names}`
}
