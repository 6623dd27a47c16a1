import type { SelectProps } from 'antd'
import data from '../../../../data/disciplines.json'

/** 学科门类 (13) and 一级学科 (67), the catalogue the server validates against. */
export const disciplineCategories: readonly string[] = data.categories
export const disciplines: readonly { name: string; category: string }[] = data.disciplines

export const categoryOptions = disciplineCategories.map((c) => ({ value: c, label: c }))

/** 一级学科 of a 门类 (all of them, grouped, when no 门类 is chosen). */
export function disciplineOptions(category?: string | null): NonNullable<SelectProps['options']> {
  if (category) return disciplines.filter((d) => d.category === category).map((d) => ({ value: d.name, label: d.name }))
  return disciplineCategories.map((c) => ({
    label: c,
    title: c,
    options: disciplines.filter((d) => d.category === c).map((d) => ({ value: d.name, label: d.name })),
  }))
}

export function categoryOf(discipline: string): string | undefined {
  return disciplines.find((d) => d.name === discipline)?.category
}
