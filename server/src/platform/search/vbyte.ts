import type { GrowableBytes } from './growable'

/** Variable-byte codes for the forward index: frequent words get small ids, so most take one byte. */
export function writeVByte(out: GrowableBytes, value: number): void {
  out.ensure(5)
  const data = out.data
  let v = value >>> 0
  while (v >= 0x80) {
    data[out.length++] = (v & 0x7f) | 0x80
    v >>>= 7
  }
  data[out.length++] = v
}

/** Decodes `count` values starting at byte `start` into `into`; returns the byte offset after them. */
export function readVBytes(data: Uint8Array, start: number, count: number, into: Int32Array): number {
  let p = start
  for (let i = 0; i < count; i++) {
    let b = data[p++]!
    let v = b & 0x7f
    let shift = 7
    while (b & 0x80) {
      b = data[p++]!
      v |= (b & 0x7f) << shift
      shift += 7
    }
    into[i] = v
  }
  return p
}
