import type { IndustryNodeKind } from '@server/modules/industries/data-schema'

/** A node as the edit sends it (PUT /industry-systems/:code): every field explicit. */
export type EditNode = {
  code: string
  name: string
  parentCode: string | null
  level: number
  kind: IndustryNodeKind
  keywords: string[]
  toBeCompleted: boolean
  note?: string
}

/** A node as the API returns it (fields optional in older data). */
export type StoredNode = {
  code: string
  name: string
  parentCode: string | null
  level: number
  kind?: IndustryNodeKind
  keywords?: string[]
  toBeCompleted?: boolean
  note?: string
}

export const kindLabels: Record<IndustryNodeKind, string> = {
  group: '产业类别',
  industry: '产业',
  segment: '细分领域',
}

const kindRank: Record<IndustryNodeKind, number> = { group: 0, industry: 1, segment: 2 }

/** 2–20 characters, no blanks, at least one Chinese character (as the server checks). */
export function keywordProblem(keyword: string): string | null {
  if (!/^\S{2,20}$/.test(keyword)) return '关键词为 2–20 个字且不含空白'
  if (!/\p{Script=Han}/u.test(keyword)) return '关键词应为中文术语（至少含一个汉字）'
  return null
}

export function toEditNodes(nodes: readonly StoredNode[]): EditNode[] {
  return nodes.map((n) => ({
    code: n.code,
    name: n.name,
    parentCode: n.parentCode,
    level: n.level,
    kind: n.kind ?? (n.level === 1 ? 'group' : n.level === 2 ? 'industry' : 'segment'),
    keywords: n.keywords ?? [],
    toBeCompleted: n.toBeCompleted ?? false,
    ...(n.note ? { note: n.note } : {}),
  }))
}

export function childrenOf(nodes: readonly EditNode[], code: string | null): EditNode[] {
  return nodes.filter((n) => n.parentCode === code)
}

/** The code and every code below it. */
export function subtreeCodes(nodes: readonly EditNode[], code: string): Set<string> {
  const out = new Set([code])
  for (let changed = true; changed; ) {
    changed = false
    for (const n of nodes)
      if (n.parentCode && out.has(n.parentCode) && !out.has(n.code)) {
        out.add(n.code)
        changed = true
      }
  }
  return out
}

/** The kind a new child of `parent` gets: a group holds industries, an industry segments. */
export function childKind(parent: EditNode | undefined): IndustryNodeKind {
  if (!parent) return 'group'
  return parent.kind === 'group' ? 'industry' : 'segment'
}

/** A code not yet used: the parent's code with the next number (`WZ-1-7`), or `N1` at the top. */
export function newCode(nodes: readonly EditNode[], parentCode: string | null): string {
  const used = new Set(nodes.map((n) => n.code))
  const prefix = parentCode ? `${parentCode}-` : 'N'
  for (let i = childrenOf(nodes, parentCode).length + 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`
}

/** Levels follow the parents (level = parent level + 1), in list order so parents come first. */
function relevel(nodes: EditNode[]): EditNode[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]))
  const levelOf = (node: EditNode, seen = new Set<string>()): number => {
    if (!node.parentCode || seen.has(node.code)) return 1
    const parent = byCode.get(node.parentCode)
    return parent ? levelOf(parent, seen.add(node.code)) + 1 : 1
  }
  return nodes.map((n) => ({ ...n, level: levelOf(n) }))
}

/** Parents before children, siblings in their current order (the order the tree shows and the server stores). */
function ordered(nodes: readonly EditNode[]): EditNode[] {
  const out: EditNode[] = []
  const visit = (parent: string | null) => {
    for (const n of childrenOf(nodes, parent)) {
      out.push(n)
      visit(n.code)
    }
  }
  visit(null)
  return out
}

export function addNode(nodes: readonly EditNode[], parentCode: string | null, name: string): [EditNode[], string] {
  const parent = nodes.find((n) => n.code === parentCode)
  const code = newCode(nodes, parentCode)
  const node: EditNode = {
    code,
    name,
    parentCode,
    level: parent ? parent.level + 1 : 1,
    kind: childKind(parent),
    keywords: [],
    toBeCompleted: false,
  }
  return [ordered([...nodes, node]), code]
}

export function updateNode(nodes: readonly EditNode[], code: string, change: Partial<EditNode>): EditNode[] {
  return nodes.map((n) => (n.code === code ? { ...n, ...change } : n))
}

/** Removes a node with everything below it. */
export function removeNode(nodes: readonly EditNode[], code: string): EditNode[] {
  const gone = subtreeCodes(nodes, code)
  return nodes.filter((n) => !gone.has(n.code))
}

/**
 * Moves a node (with its subtree) under a new parent, before `beforeCode` among its new siblings or last.
 * Refuses a move into its own subtree and returns the nodes unchanged.
 */
export function moveNode(
  nodes: readonly EditNode[],
  code: string,
  parentCode: string | null,
  beforeCode?: string | null,
): EditNode[] {
  if (parentCode && subtreeCodes(nodes, code).has(parentCode)) return [...nodes]
  const moving = nodes.find((n) => n.code === code)
  if (!moving) return [...nodes]
  const rest = nodes.filter((n) => n.code !== code)
  const moved = { ...moving, parentCode }
  const at = beforeCode ? rest.findIndex((n) => n.code === beforeCode) : -1
  const list = at >= 0 ? [...rest.slice(0, at), moved, ...rest.slice(at)] : [...rest, moved]
  return relevel(ordered(list))
}

/** Kinds never go outward (no 产业类别 under a 产业); the server refuses it, the form warns first. */
export function kindProblem(nodes: readonly EditNode[], node: EditNode): string | null {
  const parent = nodes.find((n) => n.code === node.parentCode)
  if (parent && kindRank[node.kind] < kindRank[parent.kind])
    return `${kindLabels[node.kind]}不能位于${kindLabels[parent.kind]}“${parent.name}”之下`
  return null
}

/** What the server will refuse, found before saving: leaves without keywords, 待补充 without a reason … */
export function nodeProblems(nodes: readonly EditNode[]): { code: string; message: string }[] {
  const parents = new Set(nodes.map((n) => n.parentCode))
  const out: { code: string; message: string }[] = []
  const siblings = new Set<string>()
  for (const n of nodes) {
    if (!n.name.trim()) out.push({ code: n.code, message: '节点名称不能为空' })
    const key = `${n.parentCode ?? ''}\u0000${n.name}`
    if (siblings.has(key)) out.push({ code: n.code, message: `同一上级下名称“${n.name}”重复` })
    siblings.add(key)
    const kind = kindProblem(nodes, n)
    if (kind) out.push({ code: n.code, message: kind })
    if (!parents.has(n.code) && !n.toBeCompleted && n.keywords.length === 0)
      out.push({ code: n.code, message: `末级节点“${n.name}”需要关键词，或标记为待城市补充` })
    if (n.toBeCompleted && !n.note?.trim())
      out.push({ code: n.code, message: `待城市补充的节点“${n.name}”需要填写说明` })
    for (const k of n.keywords) {
      const problem = keywordProblem(k)
      if (problem) out.push({ code: n.code, message: `“${n.name}”的关键词“${k}”：${problem}` })
    }
  }
  return out
}
