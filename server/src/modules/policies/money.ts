/**
 * Money is integer 分 (DESIGN principle 6). Rounding rule, one place:
 * - rate × base is computed exactly in integers (rates in basis points, 1% = 100) and rounded DOWN to the 分,
 *   so a subsidy of "不超过 x%" never exceeds x% of its base;
 * - a split between city and district finance gives each level its floor share in the order listed and the
 *   last level the remainder, so the parts always add up to the whole.
 */
export const FEN_PER_YUAN = 100
export const FEN_PER_WAN = 1_000_000

/** 50 → 5000 basis points; a percent has at most two decimals (0.25% = 25). */
export function percentToBasisPoints(percent: number): number {
  const bp = Math.round(percent * 100)
  if (Math.abs(bp - percent * 100) > 1e-6) throw new RangeError(`percent ${percent} has more than two decimals`)
  return bp
}

/** floor(base × bp / 10000), exact for any base up to 10^13 分. */
export function applyRate(baseFen: number, basisPoints: number): number {
  return Number((BigInt(baseFen) * BigInt(basisPoints)) / 10_000n)
}

/** Splits an amount by integer shares (e.g. city 3 : district 7). */
export function splitByShares<K extends string>(
  fen: number,
  shares: readonly { level: K; share: number }[],
): Map<K, number> {
  const total = shares.reduce((s, x) => s + x.share, 0)
  const out = new Map<K, number>()
  let given = 0
  shares.forEach((s, i) => {
    const part = i === shares.length - 1 ? fen - given : Number((BigInt(fen) * BigInt(s.share)) / BigInt(total))
    given += part
    out.set(s.level, part)
  })
  return out
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 160 万元 · 12.5 万元 · 3,456.78 元 — exact, never rounded for display. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  if (abs >= FEN_PER_WAN) {
    const wan = Math.floor(abs / FEN_PER_WAN)
    const rest = abs % FEN_PER_WAN
    return `${sign}${rest === 0 ? String(wan) : trimZeros(`${wan}.${String(rest).padStart(6, '0')}`)} 万元`
  }
  const yuan = Math.floor(abs / FEN_PER_YUAN)
  const cents = abs % FEN_PER_YUAN
  const text =
    cents === 0 ? groupThousands(String(yuan)) : `${groupThousands(String(yuan))}.${String(cents).padStart(2, '0')}`
  return `${sign}${text} 元`
}

/** 50% · 0.5% */
export function formatPercent(percent: number): string {
  return `${trimZeros(percent.toFixed(2))}%`
}
