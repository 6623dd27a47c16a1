/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organization type (1),
 * administrative region (6), organization code (9), check character (1).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Registration authority → the organization-type codes it may issue (GB 32100-2015 表 1). */
const TYPES_BY_AUTHORITY: Record<string, { name: string; types: string }> = {
  '1': { name: '机构编制', types: '1239' },
  '2': { name: '外交', types: '19' },
  '3': { name: '司法行政', types: '12345' },
  '4': { name: '文化', types: '19' },
  '5': { name: '民政', types: '1239' },
  '6': { name: '旅游', types: '129' },
  '7': { name: '宗教', types: '129' },
  '8': { name: '工会', types: '129' },
  '9': { name: '工商（市场监管）', types: '123' },
  A: { name: '中央军委改革和编制办公室', types: '19' },
  N: { name: '农业', types: '129' },
  Y: { name: '其他', types: '1' },
}

export type UsccProblem =
  | { code: 'LENGTH'; message: string }
  | { code: 'CHARACTER'; message: string }
  | { code: 'AUTHORITY'; message: string }
  | { code: 'TYPE'; message: string }
  | { code: 'REGION'; message: string }
  | { code: 'CHECK'; message: string }

export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return ALPHABET[(31 - (sum % 31)) % 31]!
}

/** Returns null when the code is valid, otherwise what is wrong, in Chinese. */
export function checkUscc(input: string): UsccProblem | null {
  const code = input.trim().toUpperCase()
  if (code.length !== 18) return { code: 'LENGTH', message: `应为 18 位，实际为 ${code.length} 位` }
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i]!)) {
      return { code: 'CHARACTER', message: `第 ${i + 1} 位字符“${code[i]}”不允许（不使用 I、O、Z、S、V）` }
    }
  }
  const authority = TYPES_BY_AUTHORITY[code[0]!]
  if (!authority) return { code: 'AUTHORITY', message: `第 1 位登记管理部门代码“${code[0]}”不存在` }
  if (!authority.types.includes(code[1]!)) {
    return {
      code: 'TYPE',
      message: `第 2 位机构类别代码“${code[1]}”不属于登记管理部门“${authority.name}”（允许：${authority.types.split('').join('、')}）`,
    }
  }
  const region = code.slice(2, 8)
  // 100000 is the code for central-level registrations; otherwise a province prefix 11–82.
  const province = Number(region.slice(0, 2))
  if (!/^\d{6}$/.test(region) || (region !== '100000' && (province < 11 || province > 82))) {
    return { code: 'REGION', message: `第 3–8 位登记管理机关行政区划码“${region}”无效` }
  }
  const expected = usccCheckCharacter(code.slice(0, 17))
  if (code[17] !== expected) return { code: 'CHECK', message: `第 18 位校验码应为“${expected}”，实际为“${code[17]}”` }
  return null
}

export function normalizeUscc(input: string): string {
  return input.trim().toUpperCase()
}

/** Builds a valid code from its first 17 characters (demo data and tests). */
export function completeUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17)
}
