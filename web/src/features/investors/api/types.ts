import type { InvestorProfileView, SaveInvestorProfileInput } from '@server/modules/investors/contracts'
import type { InvestmentStage, InvestorKind } from '@server/modules/investors/schema'

export type { InvestmentStage, InvestorKind, InvestorProfileView }
export type SaveInvestorProfile = Omit<SaveInvestorProfileInput, 'version'> & { version: number }
