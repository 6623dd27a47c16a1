import { AppError } from '../../platform/errors/errors'
import { formatFen } from '../policies/service'

/**
 * The stages' tranches are shares of the project's budget (申报时的验证预算): their sum never exceeds it, on
 * start and on every later change of one tranche.
 */
export function requireTranchesWithinBudget(projectBudgetFen: bigint, trancheTotalFen: bigint): void {
  if (trancheTotalFen <= projectBudgetFen) return
  const message = `各阶段拨付合计 ${formatFen(Number(trancheTotalFen))}，超过项目预算 ${formatFen(Number(projectBudgetFen))}，请调低拨付额度`
  throw new AppError('RULE_VIOLATION', message, {
    projectBudgetFen: Number(projectBudgetFen),
    trancheTotalFen: Number(trancheTotalFen),
  })
}
