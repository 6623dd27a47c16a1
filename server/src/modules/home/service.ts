import { count, gte, sql } from 'drizzle-orm'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { type Actor, requireUser } from '../../platform/auth/actor'
import type { Role } from '../../platform/auth/roles'
import { calendarYears } from '../../platform/calendar/schema'
import { now } from '../../platform/clock/clock'
import { countUsers, listActiveSessions } from '../accounts/service'
import { descendantsOf, getJurisdiction } from '../jurisdictions/service'
import { countOrganizations, findOrganization } from '../organizations/service'
import { readPasswordPolicy } from '../settings/service'
import type { HomeCard, HomeSummary } from './contracts'

type Provider = (actor: Actor & { kind: 'user' }) => Promise<Partial<HomeSummary>>
const providers: { roles: readonly Role[] | 'all'; provide: Provider }[] = []

/** Later modules add their cards (pending reviews, notices …) to the role home pages here. */
export function addHomeProvider(roles: readonly Role[] | 'all', provide: Provider): void {
  providers.push({ roles, provide })
}

function startOfTodayShanghai(): string {
  const shanghai = new Date(now().getTime() + 8 * 3600_000)
  return new Date(
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3600_000,
  ).toISOString()
}

addHomeProvider(['systemAdmin'], async () => {
  const users = await countUsers()
  const [years] = await db.select({ n: count(), last: sql<number>`max(${calendarYears.year})` }).from(calendarYears)
  const nextYear = new Date(now().getTime() + 8 * 3600_000).getUTCFullYear() + 1
  const cards: HomeCard[] = [
    {
      key: 'organizations',
      title: '登记机构',
      value: await countOrganizations('all'),
      unit: '家',
      link: '/admin/organizations',
    },
    { key: 'users', title: '平台账号', value: users.total, unit: '个', link: '/admin/users' },
    {
      key: 'disabledUsers',
      title: '已停用账号',
      value: users.disabled,
      unit: '个',
      link: '/admin/users?status=disabled',
    },
    {
      key: 'calendarYears',
      title: '已导入节假日年度',
      value: Number(years?.n ?? 0),
      unit: '年',
      hint: `最新：${years?.last ?? '无'} 年`,
      link: '/admin/calendar',
    },
  ]
  const hasNext = Number(years?.last ?? 0) >= nextYear
  return {
    cards,
    todos: hasNext
      ? []
      : [
          {
            key: 'calendar',
            title: `${nextYear} 年节假日安排发布后请及时导入，否则跨年工作日无法计算`,
            link: '/admin/calendar',
          },
        ],
  }
})

addHomeProvider(['securityAdmin'], async (actor) => {
  const users = await countUsers()
  const sessions = await listActiveSessions(actor)
  const policy = await readPasswordPolicy()
  return {
    cards: [
      {
        key: 'lockedUsers',
        title: '当前锁定账号',
        value: users.locked,
        unit: '个',
        tone: users.locked > 0 ? 'warning' : 'success',
        link: '/security/users?locked=true',
      },
      {
        key: 'activeSessions',
        title: '在线会话',
        value: sessions.items.length,
        unit: '个',
        link: '/security/sessions',
      },
      {
        key: 'policy',
        title: '密码策略',
        value: `${policy.minLength} 位 / ${policy.minClasses} 类`,
        hint: `${policy.maxAgeDays} 天有效，${policy.lockoutThreshold} 次失败锁定 ${policy.lockoutMinutes} 分钟`,
        link: '/security/policy',
      },
    ],
    todos:
      users.locked > 0
        ? [
            {
              key: 'unlock',
              title: `有 ${users.locked} 个账号因连续登录失败被锁定，请核实后处理`,
              link: '/security/users?locked=true',
            },
          ]
        : [],
  }
})

addHomeProvider(['auditAdmin'], async () => {
  const today = startOfTodayShanghai()
  const [all] = await db.select({ n: count() }).from(auditLog)
  const [todayRow] = await db
    .select({
      n: count(),
      failures: sql<number>`count(*) filter (where ${auditLog.outcome} = 'failure')`,
      denied: sql<number>`count(*) filter (where ${auditLog.outcome} = 'denied')`,
    })
    .from(auditLog)
    .where(gte(auditLog.at, today))
  const failures = Number(todayRow?.failures ?? 0)
  const denied = Number(todayRow?.denied ?? 0)
  return {
    cards: [
      { key: 'auditTotal', title: '审计记录总数', value: Number(all?.n ?? 0), unit: '条', link: '/audit' },
      { key: 'auditToday', title: '今日记录', value: Number(todayRow?.n ?? 0), unit: '条', link: '/audit' },
      {
        key: 'failuresToday',
        title: '今日失败操作',
        value: failures,
        unit: '次',
        tone: failures > 0 ? 'warning' : 'default',
        link: '/audit?outcome=failure',
      },
      {
        key: 'deniedToday',
        title: '今日越权尝试',
        value: denied,
        unit: '次',
        tone: denied > 0 ? 'danger' : 'default',
        link: '/audit?outcome=denied',
      },
    ],
    todos: [{ key: 'verify', title: '定期校验审计日志哈希链完整性（SM3）', link: '/audit' }],
  }
})

addHomeProvider(['cityOfficer', 'districtOfficer'], async (actor) => {
  const area = await getJurisdiction(actor.jurisdictionCode)
  const codes = await descendantsOf(actor.jurisdictionCode)
  return {
    cards: [
      {
        key: 'area',
        title: '管辖范围',
        value: area?.name ?? actor.jurisdictionCode,
        hint: codes.length > 1 ? `含 ${codes.length - 1} 个区县` : undefined,
      },
      {
        key: 'organizations',
        title: '辖区登记机构',
        value: await countOrganizations(codes),
        unit: '家',
        link: '/organizations',
      },
    ],
  }
})

addHomeProvider('all', async (actor) => {
  const org = await findOrganization(actor.orgId)
  return { notices: org ? [{ key: 'org', text: `您当前以“${org.name}”身份使用平台`, level: 'info' as const }] : [] }
})

export async function homeSummary(actor: Actor): Promise<HomeSummary> {
  const user = requireUser(actor)
  const summary: HomeSummary = { cards: [], todos: [], notices: [] }
  for (const p of providers) {
    if (p.roles !== 'all' && !p.roles.includes(user.role)) continue
    const part = await p.provide(user)
    summary.cards.push(...(part.cards ?? []))
    summary.todos.push(...(part.todos ?? []))
    summary.notices.push(...(part.notices ?? []))
  }
  return summary
}
