import { and, asc, eq, isNull, like } from 'drizzle-orm'
import { achievements } from '../../modules/achievements/schema'
import { demands } from '../../modules/demands/schema'
import { type FeaturedRecord, matchmakingEvents } from '../../modules/events/schema'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import type { Transaction } from '../client'
import { demoOrganizations } from './organizations'

type Context = { orgIdByKey: Map<string, string> }

const DAY = 24 * 3_600_000
/** A Shanghai wall-clock hour `days` from today, so the demo always has an upcoming event and a past one. */
function shanghaiHour(days: number, hour: number): Date {
  const today = new Date(now().getTime() + 8 * 3_600_000)
  today.setUTCHours(hour - 8, 0, 0, 0)
  return new Date(today.getTime() + days * DAY)
}

/** 公开 showcase achievements of a city (not the CSL paper metadata), first by title, to put on stage. */
async function publicRecords(tx: Transaction, cityPrefix: string, count: number): Promise<FeaturedRecord[]> {
  const found = await tx
    .select({ id: achievements.id, title: achievements.title })
    .from(achievements)
    .where(
      and(
        like(achievements.jurisdictionCode, `${cityPrefix}%`),
        eq(achievements.confidentiality, 'public'),
        eq(achievements.source, 'demo'),
        isNull(achievements.archivedAt),
      ),
    )
    .orderBy(asc(achievements.title))
    .limit(count)
  return found.map((a) => ({ recordType: 'achievement', recordId: a.id, title: a.title }))
}

async function publicDemands(tx: Transaction, cityPrefix: string, count: number): Promise<FeaturedRecord[]> {
  const found = await tx
    .select({ id: demands.id, title: demands.title })
    .from(demands)
    .where(and(like(demands.jurisdictionCode, `${cityPrefix}%`), eq(demands.confidentiality, 'public')))
    .orderBy(asc(demands.title))
    .limit(count)
  return found.map((d) => ({ recordType: 'demand', recordId: d.id, title: d.title }))
}

/** 路演 / 对接会 of the demo: one upcoming and one past in 温州, one upcoming in 湖州. */
export async function seedDemoEvents(tx: Transaction, context: Context): Promise<number> {
  const at = now()
  const org = (key: string) => context.orgIdByKey.get(key)!
  const events = [
    {
      kind: 'roadshow' as const,
      title: '温州市概念验证成果专项路演（智能装备专场）',
      description:
        '经市级概念验证中心验证通过的智能装备项目集中路演，每个项目 8 分钟陈述、7 分钟问答。邀请产业链龙头企业、市科创基金及专业投资机构现场对接，路演后安排一对一洽谈。',
      organizer: 'wenzhou-poc-center',
      venue: '温州市科技大市场三楼路演厅（鹿城区）',
      onlineUrl: null,
      startsAt: shanghaiHour(14, 14),
      endsAt: shanghaiHour(14, 17),
      signupDeadline: shanghaiHour(12, 17),
      capacity: 80,
      featured: await publicRecords(tx, '3303', 3),
    },
    {
      kind: 'matchmaking' as const,
      title: '温州市企业技术需求与高校成果对接会',
      description: '围绕本市企业发布的技术需求，组织高校院所科研团队现场对接，促成联合攻关与成果许可。',
      organizer: 'wenzhou-bureau',
      venue: '温州大学科技园报告厅',
      onlineUrl: null,
      startsAt: shanghaiHour(-20, 9),
      endsAt: shanghaiHour(-20, 12),
      signupDeadline: shanghaiHour(-22, 17),
      capacity: null,
      featured: await publicDemands(tx, '3303', 2),
    },
    {
      kind: 'roadshow' as const,
      title: '湖州中试成果路演暨产融对接会',
      description: '湖州中试平台完成中试的项目与投资机构、园区对接，介绍中试数据与量产条件。',
      organizer: 'huzhou-pilot-platform',
      venue: '湖州南太湖新区科创中心 2 号楼',
      onlineUrl: null,
      startsAt: shanghaiHour(21, 9),
      endsAt: shanghaiHour(21, 12),
      signupDeadline: shanghaiHour(19, 17),
      capacity: 60,
      featured: await publicRecords(tx, '3305', 2),
    },
  ]
  for (const e of events) {
    await tx.insert(matchmakingEvents).values({
      id: newId(),
      kind: e.kind,
      title: e.title,
      description: e.description,
      organizerOrgId: org(e.organizer),
      jurisdictionCode: demoOrganizations.find((o) => o.key === e.organizer)!.jurisdictionCode,
      venue: e.venue,
      onlineUrl: e.onlineUrl,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      signupDeadline: e.signupDeadline,
      capacity: e.capacity,
      featured: e.featured,
      status: 'published',
      createdBy: null,
      createdAt: at,
      updatedAt: at,
    })
  }
  return events.length
}
