import type { Band } from './rule-document'

export type BandKey = Band['key']
/** A band with its lower bound resolved to a number (null: the lowest band). */
export type ResolvedBand = { key: BandKey; label: string; min: number | null }
export type BandDecision = { band: BandKey; label: string; because: string }

export const points = (centi: number) => (centi / 100).toFixed(2)

/**
 * The band of a total (in hundredths of a point, so 59.99 and 60 compare exactly). Bands run from the highest
 * down; a lower bound counts for its band (温州指引 四: 优秀 85 分以上含 85, 合格 60–85 含 60, 不合格 60 分以下).
 */
export function evaluateBand(totalCenti: number, bands: readonly ResolvedBand[], ruleName: string): BandDecision {
  for (const [i, band] of bands.entries()) {
    const lower = band.min === null ? null : Math.round(band.min * 100)
    if (lower !== null && totalCenti < lower) continue
    const upper = i > 0 ? bands[i - 1]!.min : null
    const range = [
      lower !== null ? `${points(lower)} ≤ ` : '',
      points(totalCenti),
      upper !== null ? ` < ${points(upper * 100)}` : '',
    ]
    return { band: band.key, label: band.label, because: `${range.join('')}，为“${band.label}”（${ruleName}）` }
  }
  throw new Error('bands must end with a band without a lower bound')
}
