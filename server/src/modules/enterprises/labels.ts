import { pinyin } from 'pinyin-pro'
import type { EnterpriseTier, TierGrant, TierLevel } from './schema'

export const tierLabels: Record<EnterpriseTier, string> = {
  techSme: '科技型中小企业',
  innovativeSme: '创新型中小企业',
  highTech: '高新技术企业',
  specialized: '专精特新中小企业',
  littleGiant: '专精特新“小巨人”企业',
}
export const levelLabels: Record<TierLevel, string> = { city: '市级', province: '省级', national: '国家级' }

/**
 * The levels a tier may be granted at (seed 001 二(三)2: 市级专精特新 → 国家级“小巨人”; 市级高新技术企业 →
 * 国家高新技术企业). 科技型中小企业 (入库) and 创新型中小企业 (评价) carry no level.
 */
export const levelsOfTier: Record<EnterpriseTier, readonly TierLevel[]> = {
  techSme: [],
  innovativeSme: [],
  highTech: ['city', 'national'],
  specialized: ['city', 'province'],
  littleGiant: ['national'],
}

export function tierGrantLabel(grant: Pick<TierGrant, 'tier' | 'level'>): string {
  return grant.level ? `${levelLabels[grant.level]}${tierLabels[grant.tier]}` : tierLabels[grant.tier]
}

/** Facet / filter values: the tier alone, and the tier at its level (highTech, highTech:national). */
export function tierKeys(grants: readonly Pick<TierGrant, 'tier' | 'level'>[]): string[] {
  const out = new Set<string>()
  for (const g of grants) {
    out.add(g.tier)
    if (g.level) out.add(`${g.tier}:${g.level}`)
  }
  return [...out]
}

export function tierKeyLabel(key: string): string {
  const [tier, level] = key.split(':') as [EnterpriseTier, TierLevel | undefined]
  const name = tierLabels[tier] ?? key
  return level ? `${name}（${levelLabels[level] ?? level}）` : name
}

/** Reads “国家级高新技术企业 2023” / “高新技术企业（国家级）2023” / “科技型中小企业2024” as typed in imports. */
export function parseTierText(text: string): TierGrant | string {
  const t = text.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')')
  const year = t.match(/(19|20)\d{2}/)?.[0]
  if (!year) return `“${text}”缺少获评年份，例如“高新技术企业 2023”`
  const rest = t.replace(year, '').replace(/年/g, '')
  const level = (Object.entries(levelLabels) as [TierLevel, string][]).find(([, l]) => rest.includes(l))?.[0]
  const bare = rest.replace(/国家级|省级|市级|\(|\)|国家/g, '').replace(/["“”]/g, '')
  const tier = (Object.entries(tierLabels) as [EnterpriseTier, string][]).find(
    ([key, l]) =>
      l.replace(/["“”]/g, '') === bare ||
      (key === 'littleGiant' && bare.includes('小巨人')) ||
      (key === 'specialized' && bare.startsWith('专精特新') && !bare.includes('小巨人')),
  )?.[0]
  if (!tier) return `“${text}”不是可识别的企业梯度（${Object.values(tierLabels).join('、')}）`
  const national = rest.includes('国家') ? 'national' : undefined
  return { tier, year: Number(year), level: level ?? national ?? (tier === 'littleGiant' ? 'national' : null) }
}

/** A pinyin key for sorting names: syllables separated by spaces, compared byte-wise (collate "C"). */
export function pinyinSortKey(name: string): string {
  return pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase()
}
