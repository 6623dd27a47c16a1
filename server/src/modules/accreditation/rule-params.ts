import { AppError } from '../../platform/errors/errors'
import { type Amount, type RuleDocument, type Section, sectionLabels } from './rule-document'

/** A stored version of a city's rules: the document plus its place in the series. */
export type RuleVersion = {
  id: string
  code: string
  version: number
  versionLabel: string
  effectiveFrom: string
  effectiveTo: string
  document: RuleDocument
}

export const describeVersion = (v: Pick<RuleVersion, 'document' | 'version' | 'versionLabel'>) =>
  `《${v.document.name}》第 ${v.version} 版（${v.versionLabel}）`

/**
 * The version in force on a date: among the versions whose period contains it, the newest (an officer's later
 * version supersedes the shipped one from its own start). A date outside every period is refused.
 */
export function versionInForce<T extends RuleVersion>(versions: readonly T[], on: string, what: string): T {
  const inForce = versions
    .filter((v) => v.effectiveFrom <= on && on <= v.effectiveTo)
    .sort((a, b) => b.version - a.version)
  if (inForce[0]) return inForce[0]
  const periods = versions.map((v) => `${v.effectiveFrom} 至 ${v.effectiveTo}`).join('；')
  throw new AppError(
    'RULE_VERSION_MISSING',
    versions.length
      ? `${on} 不在${what}任何版本的有效期内（现有版本：${periods}），无法据此办理`
      : `${what}尚无任何版本，无法办理`,
    { on, versions: versions.map((v) => ({ id: v.id, from: v.effectiveFrom, to: v.effectiveTo })) },
  )
}

/** A number of the document: stated, set by an officer, or null while 待定. */
export function amountOf(doc: RuleDocument, amount: Amount): number | null {
  if (typeof amount === 'number') return amount
  return doc.parameters.find((p) => p.key === amount.param)?.value ?? null
}

/** Parameters still 待定 (value null), sections included. */
export function pendingParameters(doc: RuleDocument) {
  return doc.parameters.filter((p) => p.value === null)
}

function pendingError(version: RuleVersion, labels: string[]) {
  return new AppError(
    'RULE_PARAMETER_PENDING',
    `${describeVersion(version)}中以下内容待定：${labels.join('、')}。请${version.document.authority}先设定（新增规则版本）后再办理`,
    { ruleVersionId: version.id, pending: labels },
  )
}

/** A number the decision needs; refused while it is 待定. */
export function requireAmount(version: RuleVersion, amount: Amount): number {
  const value = amountOf(version.document, amount)
  if (value !== null) return value
  const key = typeof amount === 'number' ? '' : amount.param
  const label = version.document.parameters.find((p) => p.key === key)?.label ?? key
  throw pendingError(version, [label])
}

/** Every parameter among `amounts` that is still 待定, refused together so the officer sees the whole list. */
export function requireAmounts(version: RuleVersion, amounts: readonly Amount[]): number[] {
  const missing = amounts.filter((a) => amountOf(version.document, a) === null)
  if (missing.length) {
    const labels = missing.map((a) => {
      const key = typeof a === 'number' ? '' : a.param
      return version.document.parameters.find((p) => p.key === key)?.label ?? key
    })
    throw pendingError(version, [...new Set(labels)])
  }
  return amounts.map((a) => amountOf(version.document, a)!)
}

/** A section the decision needs (认定条件, 认定程序 …); refused while the document leaves it 待定. */
export function requireSection<S extends Section>(version: RuleVersion, section: S): NonNullable<RuleDocument[S]> {
  const value = version.document[section]
  if (value === null) throw pendingError(version, [sectionLabels[section]])
  return value as NonNullable<RuleDocument[S]>
}
