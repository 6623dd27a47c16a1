import { expect } from 'vitest'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import type { App } from '../../platform/http/types'
import { type Session, signIn } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'

/** Test helpers for evaluation rounds: a center, its operator, a researcher's projects, experts with accounts. */
export function evaluationFixtures(app: () => App) {
  const call = async (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app().inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) })
  const ok = async (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await call(s, method, url, payload)
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300)
    return res.json()
  }

  async function center() {
    const org = await createOrganization({ kind: 'pocCenter', jurisdictionCode: '330303' })
    const account = await createAccount('centerOperator', { orgId: org.id })
    const operator = await signIn(app(), account)
    return { org, operator, account }
  }

  async function researcher() {
    const account = await createAccount('researcher')
    return { account, session: await signIn(app(), account) }
  }

  let projectCount = 0
  async function project(s: Session, centerOrgId: string, extra: Record<string, unknown> = {}) {
    projectCount++
    return ok(s, 'POST', '/api/v1/projects', {
      title: `柔性触觉传感阵列与固态电池集成验证${projectCount}`,
      summary:
        '基于液态金属与弹性体的柔性触觉传感阵列，集成固态电池供电，面向机器人电子皮肤，已完成实验室原理样件，需要开展技术可行性验证与商业评估。',
      channel: 'application',
      centerOrgId,
      team: [{ name: `李申报${projectCount}`, role: '负责人' }],
      requestedTypes: ['principle', 'technical', 'commercial'],
      budgetFen: 30_000_000,
      trl: 3,
      ...extra,
    })
  }

  let expertCount = 0
  const names = ['赵', '钱', '孙', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨']
  /** An expert profile (registered by the center) linked to a fresh 评审专家 account. */
  async function expert(operator: Session, tanks: string[], extra: Record<string, unknown> = {}) {
    const account = await createAccount('expert')
    const name = `${names[expertCount % names.length]}评审${'甲乙丙丁戊己庚辛壬癸'[Math.floor(expertCount / names.length) % 10]}`
    expertCount++
    const created = await ok(operator, 'POST', '/api/v1/experts', {
      name,
      currentOrgName: `某某研究院${expertCount}`,
      keywords: ['柔性', '触觉传感', '固态电池'],
      thinkTanks: tanks,
      confidentiality: 'internal',
      userId: account.id,
      ...extra,
    })
    return { id: created.expert.id as string, name, account, session: await signIn(app(), account) }
  }

  const deadline = (days = 20) => addDays(todayInShanghai(now()), days)
  return { call, ok, center, researcher, project, expert, deadline }
}
