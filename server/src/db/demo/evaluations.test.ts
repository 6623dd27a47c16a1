import { describe, expect, it } from 'vitest'
import { catchUp } from '../../modules/search/service'
import { signIn, withTestApp } from '../../test/app'
import { databaseHandle } from '..'
import { DEMO_PASSWORD, demoTotpSecret } from './accounts'
import { seedDemo } from './seed-demo'

const ctx = withTestApp()

const demoAccount = (username: string) => ({
  id: username,
  username,
  password: DEMO_PASSWORD,
  role: 'expert' as const,
  orgId: '',
  totpSecret: demoTotpSecret(username),
})

describe('demo evaluation round', () => {
  it('seeds, with the rest of the demo, projects in the Wenzhou center’s pool and one round in progress that the demo accounts can work on', async () => {
    await seedDemo(databaseHandle().db, { size: 'small' })
    await catchUp()

    const center = await signIn(ctx.app(), { ...demoAccount('center'), role: 'centerOperator' })
    const rounds = (
      await ctx.app().inject({ method: 'GET', url: '/api/v1/evaluation-rounds', headers: center.headers })
    ).json()
    expect(rounds.items).toHaveLength(1)
    const round = (
      await ctx
        .app()
        .inject({ method: 'GET', url: `/api/v1/evaluation-rounds/${rounds.items[0].id}`, headers: center.headers })
    ).json()
    expect(round.progress).toMatchObject({ submitted: 1, accepted: 1, confirmed: 1 })
    const reasons = round.lastRun.exclusions.map(
      (x: { expertName: string; reasons: { detail: string }[] }) => `${x.expertName}：${x.reasons[0]?.detail}`,
    )
    expect(reasons).toContain('陈立群：与项目同单位（瓯越理工大学，现存）')
    expect(reasons.some((r: string) => r.startsWith('王慧敏：与项目企业（温州鹿城鞋业科技有限公司）存在合同'))).toBe(
      true,
    )
    expect(round.pairRules[0]).toMatchObject({ expertName: '吴志远', kind: 'pin' })

    const expert = await signIn(ctx.app(), demoAccount('expert'))
    const invitations = (
      await ctx.app().inject({ method: 'GET', url: '/api/v1/evaluation-invitations', headers: expert.headers })
    ).json()
    expect(invitations.items).toEqual([
      expect.objectContaining({
        status: 'invited',
        project: expect.objectContaining({ title: '仿生灵巧手触觉反馈与力控技术' }),
      }),
    ])
    const pool = (
      await ctx
        .app()
        .inject({ method: 'GET', url: '/api/v1/projects?status=submitted&scope=center', headers: center.headers })
    ).json()
    expect(pool.items.map((p: { title: string }) => p.title)).toContain('硫化物固态电解质干法成膜工艺')
  })
})
