/** Append-only typed arrays that double when full: the builders' scratch storage. */
export class GrowableU32 {
  data: Uint32Array
  length = 0

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity)
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1)
    this.data[this.length++] = value
  }

  grow(minimum: number): void {
    let capacity = this.data.length * 2
    while (capacity < minimum) capacity *= 2
    const next = new Uint32Array(capacity)
    next.set(this.data.subarray(0, this.length))
    this.data = next
  }

  toArray(): Uint32Array {
    return this.data.slice(0, this.length)
  }
}

export class GrowableBytes {
  data: Uint8Array
  length = 0

  constructor(capacity = 4096) {
    this.data = new Uint8Array(capacity)
  }

  ensure(extra: number): void {
    if (this.length + extra <= this.data.length) return
    let capacity = this.data.length * 2
    while (capacity < this.length + extra) capacity *= 2
    const next = new Uint8Array(capacity)
    next.set(this.data.subarray(0, this.length))
    this.data = next
  }

  toArray(): Uint8Array {
    return this.data.slice(0, this.length)
  }
}

/** Resizes a typed array keyed by term id when the vocabulary has grown past it. */
export function ensureLength<T extends Int32Array | Float64Array | Uint32Array>(array: T, length: number): T {
  if (array.length >= length) return array
  let capacity = Math.max(array.length * 2, 1024)
  while (capacity < length) capacity *= 2
  const next = new (array.constructor as new (n: number) => T)(capacity)
  next.set(array)
  return next
}
