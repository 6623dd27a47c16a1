import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { LabelledText, MemberSpec } from './ensemble'
import type { SvmDual } from './linear-svm'

/**
 * What makes start-up cheap: the SVM members' dual variables α for the committed base data. Rebuilding
 * w = Σ α y x is one pass over the data, where solving for α takes many. Valid only for exactly the
 * data and member specs it was solved on, which the fingerprint checks; otherwise training solves anew.
 */
export type TaskSnapshot = { fingerprint: string; featureFingerprint: string; duals: Record<string, string[]> }
/** exact: α rebuilt as solved; resumed: same examples but segmented differently (dictionary changed), so
 * α warm-start a few passes; unused: the examples changed, solved from scratch. */
export type SnapshotUse = 'exact' | 'resumed' | 'unused'
export type Snapshot = { version: 1; tasks: Record<string, TaskSnapshot> }

export const SNAPSHOT_FILE = 'model-snapshot.json.gz'

/** Hash of everything the α depend on: labels, member specs and the ordered examples. */
export function fingerprint(
  labels: readonly string[],
  members: readonly MemberSpec[],
  examples: readonly LabelledText[],
): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ labels, members }))
  for (const e of examples) {
    hash.update(`\u0000${e.label}\u0001${e.weight ?? 1}\u0001${e.text}`)
    if (e.subLabel !== undefined) hash.update(`\u0002${e.subLabel}`)
  }
  return hash.digest('hex')
}

/** Hash of the examples' jieba words: changes when the tokenizer's dictionary does. */
export function featureFingerprint(examples: readonly { words?: readonly string[] }[]): string {
  const hash = createHash('sha256')
  for (const e of examples) hash.update(`\u0000${(e.words ?? []).join('\u0001')}`)
  return hash.digest('hex')
}

export function encodeDual(dual: SvmDual): string[] {
  return dual.map((alpha) => Buffer.from(alpha.buffer, alpha.byteOffset, alpha.byteLength).toString('base64'))
}

export function decodeDual(encoded: readonly string[]): SvmDual {
  return encoded.map((text) => {
    const bytes = Buffer.from(text, 'base64')
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  })
}

export function writeSnapshot(dir: string, snapshot: Snapshot): string {
  const file = path.join(dir, SNAPSHOT_FILE)
  fs.writeFileSync(file, gzipSync(JSON.stringify(snapshot), { level: 9 }))
  return file
}

/** The committed snapshot, or undefined when there is none (training then solves from scratch). */
export function readSnapshot(dir: string): Snapshot | undefined {
  const file = path.join(dir, SNAPSHOT_FILE)
  if (!fs.existsSync(file)) return undefined
  const snapshot = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as Snapshot
  return snapshot.version === 1 ? snapshot : undefined
}
