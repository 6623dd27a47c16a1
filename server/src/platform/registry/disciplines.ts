import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const file = JSON.parse(fs.readFileSync(path.resolve(here, '../../../../data/disciplines.json'), 'utf8')) as {
  categories: string[]
  disciplines: { name: string; category: string }[]
}

/** 学科门类 (13) and 一级学科 (67), as in the CSL data the classifier is trained on. */
export const disciplineCategories: readonly string[] = file.categories
export const disciplines: readonly { name: string; category: string }[] = file.disciplines
export const disciplineNames: readonly string[] = file.disciplines.map((d) => d.name)

export function categoryOfDiscipline(name: string): string | undefined {
  return file.disciplines.find((d) => d.name === name)?.category
}
