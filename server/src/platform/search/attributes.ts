import { GrowableU32 } from './growable'

/**
 * keyword: one value per document (jurisdiction, maturity, confidentiality, owner organization …);
 * keywords: several (industry codes); number: a measure to filter by range or sort (TRL, date, latitude).
 */
export type AttributeKind = 'keyword' | 'keywords' | 'number'
export type AttributeSchema = Readonly<Record<string, AttributeKind>>
export type AttributeValue = string | number | readonly (string | number)[] | null | undefined
export type Attributes = Readonly<Record<string, AttributeValue>>

export type AttributeColumn =
  | { kind: 'keyword'; values: Uint32Array }
  | { kind: 'keywords'; offsets: Uint32Array; values: Uint32Array }
  | { kind: 'number'; values: Float64Array }

/** Interns an attribute's values as small ints (0 = none), so columns are typed arrays. */
export class ValueDictionary {
  readonly values: string[] = ['']
  private readonly ids = new Map<string, number>()

  intern(value: string | number): number {
    const key = String(value)
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.values.length
      this.values.push(key)
      this.ids.set(key, id)
    }
    return id
  }

  id(value: string | number): number | undefined {
    return this.ids.get(String(value))
  }
}

export function createDictionaries(schema: AttributeSchema): Map<string, ValueDictionary> {
  const out = new Map<string, ValueDictionary>()
  for (const [name, kind] of Object.entries(schema)) if (kind !== 'number') out.set(name, new ValueDictionary())
  return out
}

type ColumnBuilder =
  | { kind: 'keyword'; values: GrowableU32 }
  | { kind: 'keywords'; offsets: GrowableU32; values: GrowableU32 }
  | { kind: 'number'; values: number[] }

function asList(value: AttributeValue): (string | number)[] {
  if (value === null || value === undefined) return []
  return Array.isArray(value) ? [...(value as readonly (string | number)[])] : [value as string | number]
}

/** Collects one segment's attribute columns in document order. */
export class AttributeColumnsBuilder {
  private readonly builders = new Map<string, ColumnBuilder>()

  constructor(
    schema: AttributeSchema,
    private readonly dictionaries: Map<string, ValueDictionary>,
  ) {
    for (const [name, kind] of Object.entries(schema)) {
      if (kind === 'keyword') this.builders.set(name, { kind, values: new GrowableU32() })
      else if (kind === 'keywords') {
        const offsets = new GrowableU32()
        offsets.push(0)
        this.builders.set(name, { kind, offsets, values: new GrowableU32() })
      } else this.builders.set(name, { kind, values: [] })
    }
  }

  add(attributes: Attributes | undefined): void {
    for (const [name, builder] of this.builders) {
      const values = asList(attributes?.[name])
      if (builder.kind === 'number') {
        const n = Number(values[0])
        builder.values.push(values.length > 0 && Number.isFinite(n) ? n : Number.NaN)
        continue
      }
      const dictionary = this.dictionaries.get(name)!
      if (builder.kind === 'keyword') builder.values.push(values.length > 0 ? dictionary.intern(values[0]!) : 0)
      else {
        for (const v of new Set(values.map((x) => dictionary.intern(x)))) builder.values.push(v)
        builder.offsets.push(builder.values.length)
      }
    }
  }

  /** Copies the columns of document `doc` of an existing segment (merges keep interned ids). */
  copy(columns: Readonly<Record<string, AttributeColumn>>, doc: number): void {
    for (const [name, builder] of this.builders) {
      const column = columns[name]
      if (!column) continue
      if (builder.kind === 'number' && column.kind === 'number') builder.values.push(column.values[doc]!)
      else if (builder.kind === 'keyword' && column.kind === 'keyword') builder.values.push(column.values[doc]!)
      else if (builder.kind === 'keywords' && column.kind === 'keywords') {
        for (let p = column.offsets[doc]!; p < column.offsets[doc + 1]!; p++) builder.values.push(column.values[p]!)
        builder.offsets.push(builder.values.length)
      }
    }
  }

  /** Maps interned value ids through `table` (a worker's dictionary → the index's). */
  remap(name: string, table: Int32Array): void {
    const builder = this.builders.get(name)
    if (!builder || builder.kind === 'number') return
    const values = builder.values
    for (let i = 0; i < values.length; i++) values.data[i] = values.data[i] === 0 ? 0 : table[values.data[i]!]!
  }

  finish(): Record<string, AttributeColumn> {
    const out: Record<string, AttributeColumn> = {}
    for (const [name, b] of this.builders) {
      if (b.kind === 'keyword') out[name] = { kind: 'keyword', values: b.values.toArray() }
      else if (b.kind === 'keywords')
        out[name] = { kind: 'keywords', offsets: b.offsets.toArray(), values: b.values.toArray() }
      else out[name] = { kind: 'number', values: Float64Array.from(b.values) }
    }
    return out
  }
}

/**
 * Document order that groups equal values of one attribute (stable): documents of one discipline or
 * industry then share blocks, whose maxima bound a query's terms far more tightly.
 */
export function clusterOrder(column: AttributeColumn, size: number): Int32Array {
  const key = new Float64Array(size)
  for (let doc = 0; doc < size; doc++) {
    if (column.kind === 'number') key[doc] = Number.isNaN(column.values[doc]!) ? Infinity : column.values[doc]!
    else if (column.kind === 'keyword') key[doc] = column.values[doc] || Infinity
    else key[doc] = column.offsets[doc + 1]! > column.offsets[doc]! ? column.values[column.offsets[doc]!]! : Infinity
  }
  return Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b)
}

/** Columns in a new document order (`order[newDoc] = oldDoc`). */
export function permuteColumns(
  columns: Readonly<Record<string, AttributeColumn>>,
  order: Int32Array,
): Record<string, AttributeColumn> {
  const out: Record<string, AttributeColumn> = {}
  for (const [name, column] of Object.entries(columns)) {
    if (column.kind === 'keywords') {
      const offsets = new Uint32Array(order.length + 1)
      const values = new Uint32Array(column.values.length)
      order.forEach((old, doc) => {
        const from = column.offsets[old]!
        const to = column.offsets[old + 1]!
        values.set(column.values.subarray(from, to), offsets[doc]!)
        offsets[doc + 1] = offsets[doc]! + to - from
      })
      out[name] = { kind: 'keywords', offsets, values }
    } else if (column.kind === 'keyword')
      out[name] = { kind: 'keyword', values: Uint32Array.from(order, (old) => column.values[old]!) }
    else out[name] = { kind: 'number', values: Float64Array.from(order, (old) => column.values[old]!) }
  }
  return out
}

/** The interned value ids of a document's keyword(s) attribute. */
export function valueIds(column: AttributeColumn, doc: number): ArrayLike<number> {
  if (column.kind === 'keyword') {
    const v = column.values[doc]!
    return v === 0 ? [] : [v]
  }
  if (column.kind === 'keywords') return column.values.subarray(column.offsets[doc]!, column.offsets[doc + 1]!)
  return []
}

/** A document's attributes back as plain values (for results and for merges into other processes). */
export function readAttributes(
  columns: Readonly<Record<string, AttributeColumn>>,
  dictionaries: Map<string, ValueDictionary>,
  doc: number,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [name, column] of Object.entries(columns)) {
    if (column.kind === 'number') {
      const v = column.values[doc]!
      if (!Number.isNaN(v)) out[name] = v
      continue
    }
    const values = dictionaries.get(name)!.values
    const ids = Array.from(valueIds(column, doc), (id) => values[id]!)
    if (column.kind === 'keyword') {
      if (ids.length > 0) out[name] = ids[0]
    } else out[name] = ids
  }
  return out
}
