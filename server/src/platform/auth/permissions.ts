import type { Role } from './roles'

/**
 * The one permission table: every action a route or service performs, and the roles allowed to perform it.
 * `public` needs no account; `signedIn` needs any account. Routes name their action in `config.action`;
 * services check it again with `requirePermission`. The web menu reads this table too.
 *
 * 三权分立: systemAdmin runs organizations, accounts and reference data; securityAdmin runs the security
 * policy, unlocking and credential resets; auditAdmin reads and exports the audit trail. No action is
 * granted to two of them, and no action edits the audit trail.
 */
export const permissionTable = {
  // platform
  'health.read': 'public',
  'jurisdiction.read': 'public',
  'calendar.read': 'public',
  'calendar.manage': ['systemAdmin'],
  // own account
  'session.read': 'public',
  'account.self': 'signedIn',
  // organizations and accounts (system administrator)
  'organization.read': ['systemAdmin', 'cityOfficer', 'districtOfficer'],
  'organization.manage': ['systemAdmin'],
  'user.read': ['systemAdmin', 'securityAdmin'],
  'user.manage': ['systemAdmin'],
  // security (security administrator)
  'user.unlock': ['securityAdmin'],
  'user.resetCredentials': ['securityAdmin'],
  'security.policy.read': ['securityAdmin'],
  'security.policy.manage': ['securityAdmin'],
  'security.sessions.read': ['securityAdmin'],
  // audit (audit administrator)
  'audit.read': ['auditAdmin'],
  'audit.export': ['auditAdmin'],
  'audit.verify': ['auditAdmin'],
  // registries (收集-梳理): reading is public; what each caller sees is decided per record by its confidentiality
  'portal.read': 'public',
  'industry.read': 'public',
  'industry.manage': ['cityOfficer'],
  'classify.use': 'public',
  'achievement.read': 'public',
  'achievement.write': [
    'researcher',
    'enterpriseUser',
    'centerOperator',
    'pilotPlatformOperator',
    'cityOfficer',
    'districtOfficer',
  ],
  'achievement.import': ['researcher', 'centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  'demand.read': 'public',
  'demand.write': ['enterpriseUser', 'cityOfficer', 'districtOfficer'],
  'demand.import': ['enterpriseUser', 'cityOfficer', 'districtOfficer'],
  'scenario.read': 'public',
  'scenario.write': ['enterpriseUser', 'centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  'scenario.import': ['enterpriseUser', 'centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  'enterprise.read': 'public',
  'enterprise.write': ['enterpriseUser', 'cityOfficer', 'districtOfficer'],
  'enterprise.import': ['cityOfficer', 'districtOfficer'],
  // Experts are people: never on the public portal (个人信息保护), visible to signed-in business roles.
  'expert.read': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'expert.write': ['cityOfficer', 'districtOfficer', 'centerOperator', 'expert'],
  'expert.import': ['cityOfficer', 'districtOfficer', 'centerOperator'],
  // 我的专家档案: an expert's own profile, reached from their account.
  'expert.self': ['expert'],
  'carrier.read': 'public',
  'carrier.write': ['cityOfficer', 'districtOfficer', 'centerOperator', 'pilotPlatformOperator'],
  'carrier.import': ['cityOfficer', 'districtOfficer'],
  'instrument.read': 'public',
  'instrument.write': ['centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  'instrument.import': ['centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  // 我有意向: a signed-in person's interest in a public record becomes a lead for its owner.
  'lead.create': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'lead.read': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  // 路演 / 对接会 (seed 002 三(三)12, seed 004 二(四)): public pages; centers, pilot platforms and bureaus run
  // them; any business role signs up.
  'event.read': 'public',
  'event.manage': ['centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  'event.signup': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  // 入库评价 (seed 004 三(三)): the center in charge runs its rounds; experts review what they are invited to.
  'evaluation.manage': ['centerOperator'],
  'evaluation.review': ['expert'],
  // 概念验证项目库 (the pool is seen by its applicant, its center, the city's centers and officers; see projects/access.ts)
  'project.read': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'project.apply': ['researcher', 'enterpriseUser', 'districtOfficer', 'cityOfficer', 'investor'],
  'solicitation.read': 'public',
  'solicitation.manage': ['centerOperator', 'cityOfficer', 'districtOfficer'],
  // 认定与绩效评价 (seed 004 三–六, seed 002): rules, calls, notices, certificates and targets are public documents.
  'accreditationRule.read': 'public',
  'publicNotice.read': 'public',
  'targets.read': 'public',
  'accreditation.read': ['cityOfficer', 'districtOfficer', 'centerOperator', 'pilotPlatformOperator'],
  'accreditation.apply': ['centerOperator', 'pilotPlatformOperator'],
  // 县(市、区)、功能区审核推荐; a city officer reviews applicants registered at city level.
  'accreditation.review': ['districtOfficer', 'cityOfficer'],
  'accreditation.manage': ['cityOfficer'],
  'accreditation.object': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  // 验证-中试-落地 (seed 002 三(二)8, seed 004 二(三)、三(六)): the center in charge runs the stages and offers the
  // project to pilot platforms; viewers of a project see its verification; anyone checks a report by its code.
  'verification.read': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'verification.manage': ['centerOperator'],
  'report.verify': 'public',
  'handoff.read': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'handoff.manage': ['centerOperator'],
  'handoff.respond': ['pilotPlatformOperator'],
  'outcome.read': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'outcome.record': ['centerOperator', 'researcher', 'cityOfficer', 'districtOfficer'],
  // A center's or platform's own numbers, or the city's for its officers (the figures accreditation counts).
  'outcome.statistics': ['centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  // 城市驾驶舱: an officer's area at a glance (registries, chains, pipeline, 对接), under the list rules.
  'cockpit.read': ['cityOfficer', 'districtOfficer'],
  // 匹配-对接: matches are computed over what the caller may see; judging them needs an account.
  'match.read': 'public',
  // Project → experts, centers and platforms, investors: over a project the caller may see (projects/access.ts).
  'match.project': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  // 我的投资偏好: an investment institution's own profile (stages, fields, ticket size, area) for matching.
  'investor.self': ['investor'],
  'match.feedback': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  'registry.export': [
    'cityOfficer',
    'districtOfficer',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'enterpriseUser',
    'expert',
    'investor',
  ],
  // 政策兑现 (seed 000/001 湖里《措施》, seed 002 湖州支持保障, seed 003 政策精准推送): policies and the calculator are public.
  'policy.read': 'public',
  'policy.calculate': 'public',
  'policy.manage': ['cityOfficer'],
  'policy.push': ['cityOfficer', 'districtOfficer'],
  'policy.apply': ['enterpriseUser', 'centerOperator', 'pilotPlatformOperator', 'researcher'],
  'policy.application.read': [
    'enterpriseUser',
    'centerOperator',
    'pilotPlatformOperator',
    'researcher',
    'districtOfficer',
    'cityOfficer',
  ],
  'policy.review': ['districtOfficer', 'cityOfficer'],
  'policy.pay': ['cityOfficer'],
  'policy.budget.read': ['cityOfficer', 'districtOfficer'],
  // 站内消息: every account's own organization's inbox.
  'notification.read': 'signedIn',
  // 创新券 (seed 002 四) and 科技服务商城 (seed 003): the city funds pools, officers issue, enterprises order and redeem.
  'voucher.read': ['enterpriseUser', 'centerOperator', 'pilotPlatformOperator', 'cityOfficer', 'districtOfficer'],
  'voucher.manage': ['cityOfficer'],
  'voucher.issue': ['cityOfficer', 'districtOfficer'],
  'voucher.order': ['enterpriseUser'],
  'voucher.serve': ['centerOperator', 'pilotPlatformOperator'],
  'voucher.review': ['cityOfficer', 'districtOfficer'],
  'voucher.pay': ['cityOfficer'],
} as const satisfies Record<string, readonly Role[] | 'public' | 'signedIn'>

export type Action = keyof typeof permissionTable
export const actions = Object.keys(permissionTable) as Action[]

export function isAllowed(role: Role | undefined, action: Action): boolean {
  const rule: readonly Role[] | 'public' | 'signedIn' = permissionTable[action]
  if (rule === 'public') return true
  if (role === undefined) return false
  if (rule === 'signedIn') return true
  return rule.includes(role)
}
