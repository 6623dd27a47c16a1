import { AppError } from '../errors/errors'
import type { AttributeColumn, AttributeSchema, ValueDictionary } from './attributes'

/**
 * Filters over document attributes, applied while searching (not after), so results, totals and facet
 * counts agree. Confidentiality is a filter too: {or: [{attribute: 'confidentiality', in: ['公开']},
 * {attribute: 'ownerOrg', in: [actor.orgId]}]}.
 */
export type Filter =
  | { attribute: string; in: readonly (string | number)[] }
  | { attribute: string; gte?: number; lte?: number; gt?: number; lt?: number }
  | { attribute: string; exists: boolean }
  | { and: readonly Filter[] }
  | { or: readonly Filter[] }
  | { not: Filter }

export type DocPredicate = (doc: number) => boolean

interface FilterContext {
  schema: AttributeSchema
  dictionaries: Map<string, ValueDictionary>
  columns: Readonly<Record<string, AttributeColumn>>
}

function columnOf(ctx: FilterContext, attribute: string): AttributeColumn {
  const column = ctx.columns[attribute]
  if (!column || !(attribute in ctx.schema))
    throw new AppError('VALIDATION_FAILED', `未知的筛选字段：${attribute}`, { attribute })
  return column
}

/** Compiles a filter against one segment's columns. */
export function compileFilter(filter: Filter, ctx: FilterContext): DocPredicate {
  if ('and' in filter) {
    const parts = filter.and.map((f) => compileFilter(f, ctx))
    return (doc) => parts.every((p) => p(doc))
  }
  if ('or' in filter) {
    const parts = filter.or.map((f) => compileFilter(f, ctx))
    return (doc) => parts.some((p) => p(doc))
  }
  if ('not' in filter) {
    const inner = compileFilter(filter.not, ctx)
    return (doc) => !inner(doc)
  }
  const column = columnOf(ctx, filter.attribute)
  if ('in' in filter) {
    if (column.kind === 'number') {
      const wanted = new Set(filter.in.map(Number))
      return (doc) => wanted.has(column.values[doc]!)
    }
    const dictionary = ctx.dictionaries.get(filter.attribute)!
    const member = new Uint8Array(dictionary.values.length)
    for (const v of filter.in) {
      const id = dictionary.id(v)
      if (id !== undefined) member[id] = 1
    }
    if (column.kind === 'keyword') return (doc) => member[column.values[doc]!] === 1
    const { offsets, values } = column
    return (doc) => {
      for (let p = offsets[doc]!; p < offsets[doc + 1]!; p++) if (member[values[p]!] === 1) return true
      return false
    }
  }
  if ('exists' in filter) {
    const wanted = filter.exists
    if (column.kind === 'number') return (doc) => !Number.isNaN(column.values[doc]!) === wanted
    if (column.kind === 'keyword') return (doc) => (column.values[doc] !== 0) === wanted
    const { offsets } = column
    return (doc) => offsets[doc + 1]! > offsets[doc]! === wanted
  }
  if (column.kind !== 'number')
    throw new AppError('VALIDATION_FAILED', `字段 ${filter.attribute} 不是数值，不能按范围筛选`, {
      attribute: filter.attribute,
    })
  const lo = Math.max(filter.gte ?? Number.NEGATIVE_INFINITY, filter.gt === undefined ? -Infinity : filter.gt)
  const hi = Math.min(filter.lte ?? Number.POSITIVE_INFINITY, filter.lt === undefined ? Infinity : filter.lt)
  const strictLo = filter.gt !== undefined && filter.gt >= (filter.gte ?? -Infinity)
  const strictHi = filter.lt !== undefined && filter.lt <= (filter.lte ?? Infinity)
  const values = column.values
  return (doc) => {
    const v = values[doc]!
    if (Number.isNaN(v)) return false
    if (strictLo ? v <= lo : v < lo) return false
    if (strictHi ? v >= hi : v > hi) return false
    return true
  }
}
