import type { Action } from './server-rules'

/**
 * The menu as data: every entry names the permission-table action it needs, so a role sees exactly what it
 * may do. Pure (no React) so the browser tests read the same list they check against.
 */
export type NavIcon =
  | 'home'
  | 'cockpit'
  | 'organizations'
  | 'users'
  | 'calendar'
  | 'accountSecurity'
  | 'passwordPolicy'
  | 'sessions'
  | 'audit'
  | 'account'
  | 'achievements'
  | 'demands'
  | 'scenarios'
  | 'leads'
  | 'events'
  | 'enterprises'
  | 'experts'
  | 'expertProfile'
  | 'investorProfile'
  | 'accreditation'
  | 'publicNotices'
  | 'targets'
  | 'carriers'
  | 'instruments'
  | 'industries'
  | 'projects'
  | 'myProjects'
  | 'solicitations'
  | 'evaluationRounds'
  | 'evaluationInvitations'
  | 'verification'
  | 'handoffs'
  | 'reportCheck'
  | 'policies'
  | 'policyApplications'
  | 'policyPush'
  | 'policyBudget'
  | 'vouchers'
  | 'serviceOrders'
  | 'providerCredit'
  | 'notifications'

export type NavItem = { path: string; label: string; action: Action; icon: NavIcon; hint: string }
/** A group with an empty label renders its items at the top level. */
export type NavGroup = { key: string; label: string; items: NavItem[] }

export const navigation: NavGroup[] = [
  {
    key: 'workspace',
    label: '',
    items: [
      { path: '/home', label: '工作台', action: 'account.self', icon: 'home', hint: '待办、数据概览与常用入口' },
      {
        path: '/cockpit',
        label: '城市驾驶舱',
        action: 'cockpit.read',
        icon: 'cockpit',
        hint: '辖区资源、产业链覆盖、概念验证成效与对接活动一览',
      },
    ],
  },
  {
    key: 'registries',
    label: '资源库',
    // Reading the registries is public (the portal); in the workspace their pages belong to the business roles,
    // the ones who may act on a record (我有意向), so the three administrators' menus stay free of business data.
    items: [
      {
        path: '/achievements',
        label: '科技成果',
        action: 'lead.create',
        icon: 'achievements',
        hint: '成果录入、检索、批量导入与匹配推荐',
      },
      {
        path: '/demands',
        label: '技术需求',
        action: 'lead.create',
        icon: 'demands',
        hint: '企业技术需求的发布、状态流转与需求找成果',
      },
      {
        path: '/scenarios',
        label: '应用场景',
        action: 'lead.create',
        icon: 'scenarios',
        hint: '场景清单的发布、征集与场景找成果',
      },
      {
        path: '/enterprises',
        label: '企业库',
        action: 'lead.create',
        icon: 'enterprises',
        hint: '企业梯度、行业分类、研发投入与产业链归属',
      },
      {
        path: '/experts',
        label: '专家库',
        action: 'expert.read',
        icon: 'experts',
        hint: '技术验证、产品验证、商业验证三类专家智库',
      },
      {
        path: '/carriers',
        label: '载体',
        action: 'lead.create',
        icon: 'carriers',
        hint: '概念验证中心、中试平台、孵化器与园区',
      },
      {
        path: '/instruments',
        label: '仪器设备共享',
        action: 'lead.create',
        icon: 'instruments',
        hint: '载体开放共享的仪器设备，含 CMA / CNAS 资质与收费标准',
      },
      {
        path: '/industries',
        label: '产业体系',
        // Public data, but a workspace entry: the three administrators' menus hold only their own jobs.
        action: 'lead.create',
        icon: 'industries',
        hint: '各地区产业体系与版本，市级科技管理人员可编辑',
      },
    ],
  },
  {
    key: 'matchmaking',
    label: '对接服务',
    items: [
      {
        path: '/leads',
        label: '意向对接',
        action: 'lead.read',
        icon: 'leads',
        hint: '我发出的意向与收到的意向',
      },
      {
        path: '/events',
        label: '路演与对接会',
        action: 'event.signup',
        icon: 'events',
        hint: '项目路演、成果对接会的发布、报名与报名名单',
      },
    ],
  },
  {
    key: 'pipeline',
    label: '概念验证',
    items: [
      {
        path: '/projects',
        label: '项目库',
        action: 'project.read',
        icon: 'projects',
        hint: '概念验证项目库（1+N）：申报、评价、验证与落地进展',
      },
      {
        path: '/my-projects',
        label: '我的项目',
        action: 'project.apply',
        icon: 'myProjects',
        hint: '本单位申报的项目，从科技成果出发申请概念验证',
      },
      {
        path: '/solicitations',
        label: '项目征集',
        action: 'project.read',
        icon: 'solicitations',
        hint: '苗圃计划等项目征集通知的发布与申报',
      },
      {
        path: '/evaluation-rounds',
        label: '入库评价',
        action: 'evaluation.manage',
        icon: 'evaluationRounds',
        hint: '专家分配、利益冲突回避、评分汇总与入库决定',
      },
      {
        path: '/evaluation-invitations',
        label: '评审任务',
        action: 'evaluation.review',
        icon: 'evaluationInvitations',
        hint: '入库评价邀请：确认回避、接受评审、在线评分',
      },
      {
        path: '/verification',
        label: '验证工作台',
        action: 'verification.manage',
        icon: 'verification',
        hint: '分阶段验证、阶段评审、出具报告、推送中试与转化落地登记',
      },
      {
        path: '/handoffs',
        label: '中试承接',
        action: 'handoff.respond',
        icon: 'handoffs',
        hint: '验证中心推送的项目：承接或婉拒、中试节点与问题反馈',
      },
      {
        path: '/report-check',
        label: '报告核验',
        action: 'verification.read',
        icon: 'reportCheck',
        hint: '凭验证码核验概念验证报告的真伪、有效性与验证内容（结果互认）',
      },
    ],
  },
  {
    key: 'accreditation',
    label: '认定与绩效',
    items: [
      {
        path: '/accreditation',
        label: '认定管理',
        action: 'accreditation.read',
        icon: 'accreditation',
        hint: '认定通知、申报、审核推荐、拟认定名单、公示与认定证书',
      },
      {
        path: '/public-notices',
        label: '认定公示',
        action: 'accreditation.object',
        icon: 'publicNotices',
        hint: '公示名单与公示期，公示期内可提出异议',
      },
      {
        path: '/targets',
        label: '目标与覆盖',
        action: 'accreditation.read',
        icon: 'targets',
        hint: '湖州、温州建设目标进度与产业链覆盖',
      },
    ],
  },
  {
    key: 'policies',
    label: '政策兑现',
    items: [
      {
        path: '/policies',
        label: '政策库',
        action: 'policy.application.read',
        icon: 'policies',
        hint: '补助、奖励与创新券政策，规则、参数与测算',
      },
      {
        path: '/policies/applications',
        label: '申报与审核',
        action: 'policy.application.read',
        icon: 'policyApplications',
        hint: '在线申报、免申即享，区县审核、市级核定与拨付',
      },
      {
        path: '/policies/push',
        label: '精准推送',
        action: 'policy.push',
        icon: 'policyPush',
        hint: '找出符合和接近符合条件的主体，说明理由并推送',
      },
      {
        path: '/policies/budget',
        label: '预算与台账',
        action: 'policy.budget.read',
        icon: 'policyBudget',
        hint: '政策预算按市级、区县级财政的核定与拨付，主体台账',
      },
      {
        path: '/vouchers',
        label: '创新券',
        action: 'voucher.read',
        icon: 'vouchers',
        hint: '创新券发放、余额与有效期',
      },
      {
        path: '/service-orders',
        label: '科技服务订单',
        action: 'voucher.read',
        icon: 'serviceOrders',
        hint: '订购概念验证、中试、检测服务，凭合同与付款凭证兑付创新券',
      },
      {
        path: '/vouchers/credit',
        label: '服务方信用',
        action: 'voucher.review',
        icon: 'providerCredit',
        hint: '差评与虚假申报形成的信用记录',
      },
    ],
  },
  {
    key: 'administration',
    label: '系统管理',
    items: [
      {
        path: '/organizations',
        label: '机构管理',
        action: 'organization.read',
        icon: 'organizations',
        hint: '科技局、高校、院所、企业、概念验证中心等机构',
      },
      {
        path: '/admin/users',
        label: '用户管理',
        action: 'user.manage',
        icon: 'users',
        hint: '创建账号、分配角色、停用与启用',
      },
      {
        path: '/admin/calendar',
        label: '节假日安排',
        action: 'calendar.manage',
        icon: 'calendar',
        hint: '法定节假日与调休，工作日计算',
      },
    ],
  },
  {
    key: 'security',
    label: '安全管理',
    items: [
      {
        path: '/security/users',
        label: '账号安全',
        action: 'user.unlock',
        icon: 'accountSecurity',
        hint: '锁定账号解锁、重置密码与动态口令',
      },
      {
        path: '/security/policy',
        label: '密码策略',
        action: 'security.policy.read',
        icon: 'passwordPolicy',
        hint: '复杂度、有效期、登录失败锁定',
      },
      {
        path: '/security/sessions',
        label: '在线会话',
        action: 'security.sessions.read',
        icon: 'sessions',
        hint: '当前登录的账号与来源',
      },
    ],
  },
  {
    key: 'audit',
    label: '审计管理',
    items: [
      {
        path: '/audit',
        label: '审计日志',
        action: 'audit.read',
        icon: 'audit',
        hint: '检索、导出操作记录，校验哈希链',
      },
    ],
  },
  {
    key: 'personal',
    label: '个人中心',
    items: [
      {
        path: '/experts/me',
        label: '我的专家档案',
        action: 'expert.self',
        icon: 'expertProfile',
        hint: '研究方向、任职经历与回避信息',
      },
      {
        path: '/investors/me',
        label: '我的投资偏好',
        action: 'investor.self',
        icon: 'investorProfile',
        hint: '投资阶段、关注领域、单笔投资额与地域，用于项目匹配',
      },
      {
        path: '/notifications',
        label: '站内消息',
        action: 'notification.read',
        icon: 'notifications',
        hint: '政策推送、办理结果、合作意向与创新券消息',
      },
      {
        path: '/account',
        label: '账号设置',
        action: 'account.self',
        icon: 'account',
        hint: '个人信息、密码与两步验证',
      },
    ],
  },
]

/** The menu a role sees: groups with at least one allowed item. */
export function visibleNavigation(can: (action: Action) => boolean): NavGroup[] {
  return navigation
    .map((group) => ({ ...group, items: group.items.filter((item) => can(item.action)) }))
    .filter((group) => group.items.length > 0)
}

export function findNavItem(pathname: string): NavItem | undefined {
  return navigation
    .flatMap((g) => g.items)
    .find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
}
