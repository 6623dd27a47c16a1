import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { completeUscc } from '../../platform/validation/uscc'
import { signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization, validUscc } from '../../test/factories'
import { organizations } from './schema'

const ctx = withTestApp()
const rows = async () => Number((await db.select({ n: count() }).from(organizations))[0]!.n)

describe('organizations', () => {
  it('creates an organization and audits it in the same transaction', async () => {
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const uscc = validUscc()
    const before = Number((await db.select({ n: count() }).from(auditLog))[0]!.n)
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: admin.headers,
      payload: {
        name: '温州市光电概念验证中心',
        kind: 'pocCenter',
        uscc: uscc.toLowerCase(),
        jurisdictionCode: '330303',
      },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      uscc,
      kindLabel: '概念验证中心',
      jurisdictionName: '浙江省温州市龙湾区',
      version: 1,
    })
    expect(Number((await db.select({ n: count() }).from(auditLog))[0]!.n)).toBe(before + 1)
  })

  it('rejects a wrong 统一社会信用代码 naming the field and what is wrong, and writes nothing', async () => {
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const valid = completeUscc('91330302MA2H77771')
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`
    const before = await rows()
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: admin.headers,
      payload: { name: '错误代码企业', kind: 'enterprise', uscc: wrong, jurisdictionCode: '330302' },
    })
    expect(res.statusCode).toBe(400)
    const error = res.json().error
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details.fields).toEqual([
      { path: 'uscc', message: `统一社会信用代码第 18 位校验码应为“${valid[17]}”，实际为“${wrong[17]}”` },
    ])
    expect(await rows()).toBe(before)
  })

  it.each([
    [
      { name: '无代码法人', kind: 'enterprise', jurisdictionCode: '330302' },
      'uscc',
      '独立法人机构必须填写统一社会信用代码',
    ],
    [
      { name: '类型错误', kind: 'spaceship', jurisdictionCode: '330302', isLegalEntity: false },
      'kind',
      '请选择机构类型',
    ],
    [
      { name: '区划错误', kind: 'enterprise', jurisdictionCode: '33030', isLegalEntity: false },
      'jurisdictionCode',
      '行政区划代码应为 6 位数字',
    ],
    [{ name: '多余字段', kind: 'enterprise', jurisdictionCode: '330302', isLegalEntity: false, admin: true }, '', ''],
  ])('rejects %j at field %s', async (payload, field, message) => {
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const before = await rows()
    const res = await ctx
      .app()
      .inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload })
    expect(res.statusCode).toBe(400)
    const fields = res.json().error.details.fields as { path: string; message: string }[]
    expect(fields.some((f) => f.path === field && f.message.includes(message))).toBe(true)
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await rows()).toBe(before)
  })

  it('refuses a code already registered, a jurisdiction that does not exist, and a stale edit', async () => {
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const existing = await createOrganization()
    const dup = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: admin.headers,
      payload: { name: '重复代码', kind: 'enterprise', uscc: existing.uscc, jurisdictionCode: '330302' },
    })
    expect(dup.statusCode).toBe(409)
    const nowhere = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: admin.headers,
      payload: { name: '不存在的区', kind: 'enterprise', isLegalEntity: false, jurisdictionCode: '999999' },
    })
    expect(nowhere.statusCode).toBe(400)
    const first = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${existing.id}`,
      headers: admin.headers,
      payload: { name: '新名称一', version: 1 },
    })
    expect(first.json().version).toBe(2)
    const stale = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${existing.id}`,
      headers: admin.headers,
      payload: { name: '新名称二', version: 1 },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('STALE_VERSION')
  })

  it('shows city staff their city and its districts, district staff only their district', async () => {
    const inCity = await createOrganization({ jurisdictionCode: '330300' })
    const inLucheng = await createOrganization({ jurisdictionCode: '330302' })
    const inHuzhou = await createOrganization({ jurisdictionCode: '330502' })
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const district = await signIn(ctx.app(), await createAccount('districtOfficer'))
    const list = async (session: typeof city) =>
      (
        (
          await ctx.app().inject({ method: 'GET', url: '/api/v1/organizations?pageSize=200', headers: session.headers })
        ).json().items as { id: string }[]
      ).map((o) => o.id)
    const cityIds = await list(city)
    expect(cityIds).toEqual(expect.arrayContaining([inCity.id, inLucheng.id]))
    expect(cityIds).not.toContain(inHuzhou.id)
    const districtIds = await list(district)
    expect(districtIds).toContain(inLucheng.id)
    expect(districtIds).not.toContain(inCity.id)
    const hidden = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/organizations/${inHuzhou.id}`, headers: district.headers })
    expect(hidden.statusCode).toBe(404)
  })
})
