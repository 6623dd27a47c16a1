import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { signIn, withTestApp } from '../../test/app'
import { createAccount, validUscc } from '../../test/factories'
import { projects } from '../projects/schema'
import { newCenter, verifiedProject } from '../verification/testing'
import { matchFeedback } from './schema'

const ctx = withTestApp()

describe('a signed agreement as feedback on 成果找企业', () => {
  it('records a 许可 to a known enterprise as the strongest positive feedback on the achievement’s match', async () => {
    const app = ctx.app()
    const researcher = await signIn(app, await createAccount('researcher'))
    const officer = await signIn(app, await createAccount('cityOfficer'))
    const center = await newCenter(app)

    const achievement = await app.inject({
      method: 'POST',
      url: '/api/v1/achievements',
      headers: researcher.headers,
      payload: {
        title: '工业机器人关节高精度运动控制算法',
        summary: '面向工业机器人与数控机床的关节伺服运动控制算法，提高轨迹精度与抗扰动能力，已完成样机验证。',
        keywords: ['运动控制', '工业机器人'],
        trl: 6,
        maturity: 'sample',
        transferModes: ['license'],
        industryCodes: ['wenzhou-5n:WZ-4'],
        confidentiality: 'public',
      },
    })
    expect(achievement.statusCode, achievement.body).toBe(201)
    const achievementId = achievement.json().achievement.id as string

    const uscc = validUscc()
    const enterprise = await app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: officer.headers,
      payload: {
        name: '温州瓯江智能装备有限公司',
        uscc,
        jurisdictionCode: '330304',
        tiers: [{ tier: 'highTech', year: 2023, level: 'national' }],
        gbtSection: 'C',
        gbtDivision: '34',
        industryCodes: ['wenzhou-5n:WZ-4'],
        yearly: [{ year: 2024, rdSpendingFen: 12_600_000_00 }],
        mainProducts: ['工业机器人', '数控机床'],
        keywords: ['运动控制'],
        description: '专注于中小型工业机器人与智能产线集成，关节运动控制与伺服系统。',
        confidentiality: 'public',
      },
    })
    expect(enterprise.statusCode, enterprise.body).toBe(201)
    const enterpriseId = (enterprise.json().enterprise ?? enterprise.json()).id as string

    // The verified project carries the achievement (as when a researcher applies from it); a 许可 to that
    // enterprise lands it.
    const project = await verifiedProject(app, center)
    await db
      .update(projects)
      .set({ achievementIds: [achievementId] })
      .where(eq(projects.id, project.id))
    const landed = await app.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/outcomes`,
      headers: center.session.headers,
      payload: {
        kind: 'license',
        counterparty: '温州瓯江智能装备有限公司',
        counterpartyUscc: uscc,
        amountFen: 50_000_000,
        occurredOn: '2026-11-30',
      },
    })
    expect(landed.statusCode, landed.body).toBe(201)

    const stored = await db
      .select()
      .from(matchFeedback)
      .where(and(eq(matchFeedback.fromType, 'achievement'), eq(matchFeedback.fromKey, achievementId)))
    expect(stored.map((r) => [r.toType, r.toId, r.kind])).toEqual([['enterprise', enterpriseId, 'agreement']])
    expect(stored[0]!.features.bm25).toBeGreaterThan(0)

    // A landing with a company the 企业库 does not know records no feedback, and still lands.
    const other = await app.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/outcomes`,
      headers: center.session.headers,
      payload: {
        kind: 'transfer',
        counterparty: '某外地公司',
        counterpartyUscc: validUscc(),
        amountFen: 10_000_000,
        occurredOn: '2026-12-01',
      },
    })
    expect(other.statusCode, other.body).toBe(201)
    const after = await db.select().from(matchFeedback).where(eq(matchFeedback.fromKey, achievementId))
    expect(after).toHaveLength(1)
  })
})
