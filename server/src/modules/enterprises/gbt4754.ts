import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const here = path.dirname(fileURLToPath(import.meta.url))
const DATA_FILE = path.resolve(here, '../../../../data/industry/gbt4754-2017.json')

const StandardFile = z.object({
  code: z.literal('GB/T 4754-2017'),
  nodes: z.array(
    z.object({
      code: z.string().regex(/^([A-T]|\d{2})$/),
      name: z.string().min(1),
      parentCode: z.string().nullable(),
      level: z.union([z.literal(1), z.literal(2)]),
    }),
  ),
})

const file = StandardFile.parse(JSON.parse(fs.readFileSync(DATA_FILE, 'utf8')))

/** GB/T 4754-2017 门类 (20, A–T) with their 大类 (97, 01–97), as shipped in data/industry. */
export const gbtSections: readonly { code: string; name: string; divisions: { code: string; name: string }[] }[] =
  file.nodes
    .filter((n) => n.level === 1)
    .map((s) => ({
      code: s.code,
      name: s.name,
      divisions: file.nodes.filter((n) => n.parentCode === s.code).map((d) => ({ code: d.code, name: d.name })),
    }))

const names = new Map(file.nodes.map((n) => [n.code, n.name]))
const sectionOfDivision = new Map(file.nodes.filter((n) => n.level === 2).map((n) => [n.code, n.parentCode!]))

export function gbtName(code: string | null | undefined): string | null {
  return code ? (names.get(code) ?? null) : null
}

/**
 * What is wrong with a 门类/大类 pair, in Chinese, or null. A 大类 alone implies its 门类; a 门类 alone is
 * allowed (not every enterprise knows its 大类).
 */
export function checkGbt(
  section: string | null | undefined,
  division: string | null | undefined,
): { path: 'gbtSection' | 'gbtDivision'; message: string } | null {
  if (section && !(names.has(section) && /^[A-T]$/.test(section)))
    return { path: 'gbtSection', message: `国民经济行业门类“${section}”不存在（应为 A–T）` }
  if (division) {
    const parent = sectionOfDivision.get(division)
    if (!parent)
      return { path: 'gbtDivision', message: `国民经济行业大类“${division}”不存在（应为 01–97 中的有效代码）` }
    if (section && parent !== section)
      return {
        path: 'gbtDivision',
        message: `大类 ${division}（${names.get(division)}）属于门类 ${parent}（${names.get(parent)}），不属于门类 ${section}`,
      }
  }
  return null
}

/** The 门类 a 大类 belongs to. */
export function sectionOf(division: string): string | undefined {
  return sectionOfDivision.get(division)
}

/** Reads a 门类 or 大类 as people type it: the code, the name, or both (“C 制造业”, “39”, “医药制造业”). */
export function parseGbtText(text: string, level: 'section' | 'division'): string | undefined {
  const t = text.replace(/\s+/g, '').toUpperCase()
  const code = level === 'section' ? t.match(/^[A-T](?![A-Z])/)?.[0] : t.match(/^\d{2}(?!\d)/)?.[0]
  if (code && names.has(code) && (level === 'section' ? /^[A-T]$/.test(code) : sectionOfDivision.has(code))) return code
  const name = t.replace(/^([A-T]|\d{2})/, '')
  const found = file.nodes.find((n) => n.name === name && n.level === (level === 'section' ? 1 : 2))
  return found?.code
}
