/**
 * Money is integer 分 on the wire (DESIGN principle 6); people type 万元 or 元. The display rule is the server's own
 * (160 万元 · 3,456.78 元), so a figure reads the same on every page and in every explanation.
 */
export { formatFen } from '@server/modules/policies/money'

export const FEN_PER_WAN = 1_000_000
export const FEN_PER_YUAN = 100

export const wanToFen = (wan: number): number => Math.round(wan * FEN_PER_WAN)
export const fenToWan = (fen: number): number => fen / FEN_PER_WAN
export const yuanToFen = (yuan: number): number => Math.round(yuan * FEN_PER_YUAN)
export const fenToYuan = (fen: number): number => fen / FEN_PER_YUAN
