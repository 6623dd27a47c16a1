// English glosses of Chinese words from CC-CEDICT (CC BY-SA 4.0), as extra word features: words the
// training titles never used can still share a gloss with words they did (肿瘤 and 癌 → tumor/cancer).
import fs from 'node:fs'

const STOP = new Set(
  'the a an of to and or in on for with by as at from be is are was were that this it its his her their one two see used also variant old name surname abbr lit fig esp etc sth sb something someone somebody kind type sort way person people thing things make made using use not cl'.split(
    ' ',
  ),
)

/** Content words of a definition, lower-cased, with a plural 's' dropped; pinyin and classifiers removed. */
function glossTokens(definition: string): string[] {
  if (/^(CL:|variant of|old variant|see |surname |abbr\.)/i.test(definition)) return []
  return definition
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\p{Script=Han}|]+/gu, ' ')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((t) => t.length >= 3 && !STOP.has(t))
    .map((t) => (t.length > 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t))
}

/** Simplified word → gloss tokens of its first `maxDefinitions` definitions (over all readings). */
export function readGlosses(file: string, maxDefinitions: number): Map<string, string[]> {
  const out = new Map<string, Set<string>>()
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\S+ (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line)
    if (!m) continue
    const set = out.get(m[1]!) ?? new Set<string>()
    for (const definition of m[2]!.split('/').slice(0, maxDefinitions))
      for (const t of glossTokens(definition)) set.add(t)
    if (set.size) out.set(m[1]!, set)
  }
  return new Map([...out].map(([w, s]) => [w, [...s]]))
}
