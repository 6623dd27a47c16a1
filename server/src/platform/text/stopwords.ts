/**
 * Function words that carry no topic: dropped by the search index and from queries (unless a query has
 * nothing else). Kept short — 研究/分析/方法 stay, BM25's idf already discounts them.
 */
const STOPWORDS = new Set(
  [
    '的 地 得 了 着 过 和 与 及 以及 或 或者 而 并 并且 且 也 还 又 都 就 才 则 即 亦',
    '在 是 为 对 于 对于 关于 由 从 自 向 把 被 将 以 用 使 让 给 按 按照 通过 经过 根据 随着',
    '之 其 该 此 这 那 这些 那些 这种 这个 那个 各 每 某 本 另 其他 其它 其中 等 等等 之一 之间',
    '中 上 下 内 外 里 后 前 时 间 一 一种 一个 一些 一定 个 种 些 所 所以 因此 因为 由于 如果 虽然',
    '但 但是 然而 而且 以及 以便 以免 及其 即可 可以 可 能 能够 会 要 应 应该 需要 已 已经 曾 正在',
    '不 没有 无 非 很 较 更 最 都是 本文 文章 笔者 我们 我国 基于 进行 采用 利用 提出 给出 表明 认为',
    // Connectives of technical prose that matched records by themselves (an electrode and a shoe sole shared 用于
    // and 面向; 匹配推荐 listed them as the reason): they say how, not what.
    '用于 面向 达到 实现 具有 具备 适用 适用于 包括 涉及 开展 以上 以下 左右 目前 现有 同时 相关 希望 寻求 要求',
    'a an the of and or in on at to for with by from as is are was were be this that these those via using',
  ]
    .join(' ')
    .split(' '),
)

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word)
}

/** The list itself, for documentation and tests. */
export function stopwords(): ReadonlySet<string> {
  return STOPWORDS
}
