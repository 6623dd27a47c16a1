import { z } from 'zod'

/**
 * Schemas of the reference data in data/industry/: each jurisdiction's industry system (湖州 "1366", 温州 5 大
 * 新兴主导产业 + 未来产业, 厦门 "4+4+6", 湖里区 3 主导产业 8 条产业链, seeds 000–004), the national 战略性新兴产业
 * 分类（2018）, and the GB/T 4754-2017 门类 and 大类. A loader parses a file with `parseIndustryDataFile` and
 * gets either a system (nodes with kind, keywords, toBeCompleted) or a standard (bare code tree).
 */

/** Outermost first: a policy grouping (先导产业), an industry (人工智能), a segment or chain (具身智能机器人). */
export const industryNodeKinds = ['group', 'industry', 'segment'] as const
export type IndustryNodeKind = (typeof industryNodeKinds)[number]

/** What a slot the seeds leave unnamed says in its note (DESIGN: never an invented name presented as policy). */
export const TO_BE_COMPLETED_NOTE = '待城市补充（种子文件未列明）'

const NodeCode = z
  .string()
  .regex(/^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$/, '节点代码只能由字母、数字和 . - 组成，例如 HZ-1-1、1.1、C、13')
const NodeName = z
  .string()
  .min(1, '节点名称不能为空')
  .max(50, '节点名称不超过 50 个字')
  .regex(/^\S(.*\S)?$/, '节点名称首尾不能有空白')
const Keyword = z
  .string()
  .regex(/^\S{2,20}$/, '关键词为 2–20 个字且不含空白')
  .regex(/\p{Script=Han}/u, '关键词应为中文术语（至少含一个汉字）')
const Note = z.string().min(1).max(500)
const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD')

const HeaderFields = {
  name: z.string().min(2).max(100),
  version: z.string().min(1).max(20),
  effectiveFrom: IsoDate,
  /** null: in force until a newer version replaces it. */
  effectiveTo: IsoDate.nullable(),
  /** The document and date the content comes from. */
  source: z.string().min(4).max(500),
  note: Note.optional(),
}

export const IndustryNode = z.strictObject({
  code: NodeCode,
  name: NodeName,
  parentCode: NodeCode.nullable(),
  level: z.number().int().min(1).max(6),
  kind: z.enum(industryNodeKinds, { error: '节点类型应为 group、industry 或 segment' }),
  /** Chinese terms (technologies, products, materials) that suggest this node for a text. */
  keywords: z.array(Keyword).max(60, '每个节点的关键词不超过 60 个'),
  /** A slot the source leaves unnamed or unconfirmed; its note says why. */
  toBeCompleted: z.boolean(),
  note: Note.optional(),
})
export type IndustryNode = z.infer<typeof IndustryNode>

export const StandardNode = z.strictObject({
  code: NodeCode,
  name: NodeName,
  parentCode: NodeCode.nullable(),
  level: z.number().int().min(1).max(6),
  keywords: z.array(Keyword).max(60).optional(),
})
export type StandardNode = z.infer<typeof StandardNode>

type TreeNode = { code: string; name: string; parentCode: string | null; level: number }
type Dated = { effectiveFrom: string; effectiveTo: string | null }

/** Codes unique, every parent present, level = parent level + 1 (so no cycles), sibling names unique. */
export function checkTree(nodes: readonly TreeNode[], ctx: z.RefinementCtx): void {
  const byCode = new Map<string, TreeNode>()
  nodes.forEach((node, i) => {
    if (byCode.has(node.code))
      ctx.addIssue({ code: 'custom', path: ['nodes', i, 'code'], message: `节点代码 ${node.code} 重复` })
    else byCode.set(node.code, node)
  })
  const siblingNames = new Set<string>()
  nodes.forEach((node, i) => {
    const at = (field: string) => ['nodes', i, field]
    const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode)
    if (node.parentCode !== null && !parent) {
      ctx.addIssue({
        code: 'custom',
        path: at('parentCode'),
        message: `${node.name} 的上级代码 ${node.parentCode} 不存在`,
      })
    }
    const expectedLevel = parent ? parent.level + 1 : 1
    if (node.parentCode === null || parent) {
      if (node.level !== expectedLevel) {
        ctx.addIssue({ code: 'custom', path: at('level'), message: `${node.name} 的层级应为 ${expectedLevel}` })
      }
    }
    const key = `${node.parentCode ?? ''}\u0000${node.name}`
    if (siblingNames.has(key))
      ctx.addIssue({ code: 'custom', path: at('name'), message: `同一上级下名称 ${node.name} 重复` })
    siblingNames.add(key)
  })
}

function checkPeriod(file: Dated, ctx: z.RefinementCtx): void {
  if (file.effectiveTo !== null && file.effectiveTo < file.effectiveFrom) {
    ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: '失效日期不能早于生效日期' })
  }
}

const kindRank: Record<IndustryNodeKind, number> = { group: 0, industry: 1, segment: 2 }
export const industryNodeKindLabels: Record<IndustryNodeKind, string> = {
  group: '产业类别',
  industry: '产业',
  segment: '细分领域',
}

/** Kinds never go outward (no group under an industry); leaves carry keywords unless to be completed. */
export function checkSystemNodes(nodes: readonly IndustryNode[], ctx: z.RefinementCtx): void {
  const byCode = new Map(nodes.map((node) => [node.code, node]))
  const parents = new Set(nodes.map((node) => node.parentCode))
  nodes.forEach((node, i) => {
    const at = (field: string) => ['nodes', i, field]
    const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode)
    if (parent && kindRank[node.kind] < kindRank[parent.kind]) {
      ctx.addIssue({
        code: 'custom',
        path: at('kind'),
        message: `${node.name}（${industryNodeKindLabels[node.kind]}）不能位于${industryNodeKindLabels[parent.kind]}“${parent.name}”之下`,
      })
    }
    if (!parents.has(node.code) && !node.toBeCompleted && node.keywords.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: at('keywords'),
        message: `末级节点 ${node.name} 需要关键词，或标记为待补充`,
      })
    }
    if (node.toBeCompleted && !node.note) {
      ctx.addIssue({ code: 'custom', path: at('note'), message: `待补充节点 ${node.name} 需要填写说明（为何待补充）` })
    }
    if (new Set(node.keywords).size !== node.keywords.length) {
      ctx.addIssue({ code: 'custom', path: at('keywords'), message: `${node.name} 的关键词有重复` })
    }
  })
}

/** A jurisdiction's industry system, or the national 战略性新兴产业分类. Code: kebab-case, as its file name. */
export const IndustrySystem = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '体系代码应为小写字母、数字和连字符，与文件名一致'),
    /** GB/T 2260 code of the area it applies to; 000000 for the national 战略性新兴产业分类. */
    jurisdiction: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
    ...HeaderFields,
    nodes: z.array(IndustryNode).min(1),
  })
  .superRefine((file, ctx) => {
    checkPeriod(file, ctx)
    checkTree(file.nodes, ctx)
    checkSystemNodes(file.nodes, ctx)
  })
export type IndustrySystem = z.infer<typeof IndustrySystem>

/** A national standard classification such as GB/T 4754-2017 (门类 → 大类): no jurisdiction, it classifies enterprises. */
export const ClassificationStandard = z
  .strictObject({
    code: z.string().regex(/^GB\/T \d+-\d{4}$/, '标准代码形如 GB/T 4754-2017'),
    ...HeaderFields,
    nodes: z.array(StandardNode).min(1),
  })
  .superRefine((file, ctx) => {
    checkPeriod(file, ctx)
    checkTree(file.nodes, ctx)
  })
export type ClassificationStandard = z.infer<typeof ClassificationStandard>

export type IndustryDataFile =
  | { type: 'system'; data: IndustrySystem }
  | { type: 'standard'; data: ClassificationStandard }

/** Parses one data/industry file: a national standard by its "GB/T …" code, anything else as a system. Throws ZodError. */
export function parseIndustryDataFile(json: unknown): IndustryDataFile {
  const code = typeof json === 'object' && json !== null && 'code' in json ? json.code : undefined
  if (typeof code === 'string' && code.startsWith('GB/T ')) {
    return { type: 'standard', data: ClassificationStandard.parse(json) }
  }
  return { type: 'system', data: IndustrySystem.parse(json) }
}

/** Nodes without children: where a text is classified and where keywords are required. */
export function leafNodes<T extends TreeNode>(nodes: readonly T[]): T[] {
  const parents = new Set(nodes.map((node) => node.parentCode))
  return nodes.filter((node) => !parents.has(node.code))
}
