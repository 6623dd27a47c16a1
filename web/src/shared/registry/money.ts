/** Amounts are integer 分 in the API; forms take 万元. */
export const FEN_PER_WAN = 1_000_000

export function wanToFen(wan: number | null | undefined): number | null {
  return wan == null || Number.isNaN(wan) ? null : Math.round(wan * FEN_PER_WAN)
}

export function fenToWan(fen: number | null | undefined): number | undefined {
  return fen == null ? undefined : fen / FEN_PER_WAN
}

/** 分 → “12.5 万元” (or “800 元” under one 万). */
export function formatFen(fen: number): string {
  if (fen >= FEN_PER_WAN) return `${Number((fen / FEN_PER_WAN).toFixed(2))} 万元`
  return `${Number((fen / 100).toFixed(2))} 元`
}

export function priceRange(negotiable: boolean, minFen: number | null, maxFen: number | null): string {
  if (negotiable || (minFen === null && maxFen === null)) return '面议'
  if (minFen !== null && maxFen !== null)
    return minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)} – ${formatFen(maxFen)}`
  return minFen !== null ? `不低于 ${formatFen(minFen)}` : `不超过 ${formatFen(maxFen as number)}`
}
