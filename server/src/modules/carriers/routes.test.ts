import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, validUscc } from '../../test/factories'
import { organizations } from '../organizations/schema'
import { carriers } from './schema'

const ctx = withTestApp()

/** A specialized PoC center in 鹿城区 (温州), the area of the test factories' accounts. */
export const center = {
  name: '温州市人形机器人概念验证中心',
  kind: 'pocCenter',
  subtype: 'specialized',
  industryCodes: ['wenzhou-5n:WZ-F-2'],
  address: '温州市鹿城区五马街道科创路 8 号',
  longitude: 120.65,
  latitude: 28.02,
  capabilities: [
    { name: '关节模组性能测评', description: '力矩、响应时间与寿命测试', category: 'technical' },
    { name: '场景联调', category: 'productScenario' },
  ],
  feeStandards: [
    { item: '关节模组测评', unit: '项', priceFen: 500_000 },
    { item: '商业可行性评估', unit: '项' },
  ],
  directors: [
    { name: '陈明', role: 'administrative' },
    { name: '刘洋', role: 'technical', title: '教授' },
  ],
  introduction: '聚焦人形机器人关节、灵巧手与运动控制，提供从原理样机到场景联调的概念验证服务，开放共享测试平台。',
  confidentiality: 'public',
}

const post = (session: Session, payload: Record<string, unknown>) =>
  ctx.app().inject({ method: 'POST', url: '/api/v1/carriers', headers: session.headers, payload })
const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  ctx.app().inject({ method: 'PATCH', url: `/api/v1/carriers/${id}`, headers: session.headers, payload })
const rows = async () => Number((await db.select({ n: count() }).from(carriers))[0]!.n)
const list = async (session: Session | null, query: string) =>
  (await ctx.app().inject({ method: 'GET', url: `/api/v1/carriers?${query}`, headers: session?.headers ?? {} })).json()

describe('carriers registry', () => {
  it('creates, edits with history, refuses a stale edit, archives and restores', async () => {
    const operator = await signIn(ctx.app(), await createAccount('centerOperator'))
    const created = await post(operator, center)
    expect(created.statusCode).toBe(201)
    const c = created.json().carrier
    expect(c).toMatchObject({
      kindLabel: '概念验证中心',
      subtypeLabel: '专业型',
      industries: [{ code: 'wenzhou-5n:WZ-F-2', name: '人形机器人' }],
      levelLabel: '未定级',
      accreditationLabel: '未认定',
      hasDualDirectors: true,
      canEdit: true,
      version: 1,
    })
    expect(c.feeStandards.map((f: { priceLabel: string }) => f.priceLabel)).toEqual(['5,000 元/项', '面议'])
    expect(c.capabilities[1]).toMatchObject({ description: null, categoryLabel: '产品与场景验证' })
    const edited = await patch(operator, c.id, {
      industryCodes: ['wenzhou-5n:WZ-F-2', 'wenzhou-5n:WZ-4-3'],
      version: 1,
      note: '增加工业机器人领域',
    })
    expect(edited.json()).toMatchObject({ version: 2, industryCodes: ['wenzhou-5n:WZ-F-2', 'wenzhou-5n:WZ-4-3'] })
    const stale = await patch(operator, c.id, { contactName: '王丽', version: 1 })
    expect(stale.statusCode).toBe(409)
    const history = (
      await ctx.app().inject({ method: 'GET', url: `/api/v1/carriers/${c.id}/history`, headers: operator.headers })
    ).json()
    expect(
      history.items.map((h: { version: number; changedFields: string[] }) => [h.version, h.changedFields]),
    ).toEqual([
      [1, expect.arrayContaining(['name', 'capabilities'])],
      [2, ['industryCodes']],
    ])
    const archive = (action: string) =>
      ctx.app().inject({ method: 'POST', url: `/api/v1/carriers/${c.id}/${action}`, headers: operator.headers })
    expect((await archive('archive')).json().archived).toBe(true)
    expect((await patch(operator, c.id, { contactName: '王丽', version: 3 })).statusCode).toBe(422)
    const ids = async (q: string) => (await list(operator, q)).items.map((i: { id: string }) => i.id)
    expect(await ids('owner=mine')).not.toContain(c.id)
    expect(await ids('owner=mine&status=archived')).toContain(c.id)
    expect((await archive('restore')).json()).toMatchObject({ archived: false, version: 4 })
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const operator = await signIn(ctx.app(), await createAccount('centerOperator'))
    const before = await rows()
    const bad = await post(operator, { ...center, name: '中心', longitude: 28.02, latitude: 120.65, kind: 'lab' })
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'longitude', 'latitude']))
    expect(bad.json().error.message).toContain('载体名称至少 4 个字')
    expect(bad.json().error.message).toContain('请确认经纬度没有填反')
    const three = await post(operator, {
      ...center,
      industryCodes: ['wenzhou-5n:WZ-F-2', 'wenzhou-5n:WZ-4-3', 'wenzhou-5n:WZ-F-1'],
    })
    expect(three.statusCode).toBe(400)
    expect(three.json().error).toMatchObject({
      message: '专业型概念验证中心聚焦 1–2 个产业领域，当前选择了 3 个',
      details: { fields: [{ path: 'industryCodes' }] },
    })
    const noSubtype = await post(operator, { ...center, subtype: null, longitude: null })
    expect(noSubtype.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['subtype', 'longitude'])
    const elsewhere = await post(operator, { ...center, industryCodes: ['huzhou-1366:HZ-1-1'] })
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json().error.details.fields[0].path).toBe('industryCodes')
    const wrongKind = await post(operator, { ...center, kind: 'pilotPlatform', subtype: 'enterpriseLed' })
    expect(wrongKind.statusCode).toBe(400)
    expect(wrongKind.json().error.details.fields[0].path).toBe('organizationId')
    expect(await rows()).toBe(before)
  })

  it('lets an officer register a carrier with a new organization in one transaction, only in their area', async () => {
    const officer = await signIn(ctx.app(), await createAccount('districtOfficer'))
    const uscc = validUscc()
    const res = await post(officer, {
      ...center,
      name: '温州市鹿城区鞋服智造中试平台',
      kind: 'pilotPlatform',
      subtype: 'governmentLed',
      industryCodes: ['wenzhou-5n:WZ-4'],
      organization: { name: '温州鹿城智造中试服务有限公司', uscc, jurisdictionCode: '330302' },
      level: 'municipal',
      accreditationStatus: 'accredited',
      accreditationYear: 2025,
    })
    expect(res.statusCode).toBe(201)
    const carrier = res.json().carrier
    const [org] = await db.select().from(organizations).where(eq(organizations.uscc, uscc))
    expect(org).toMatchObject({ kind: 'pilotPlatform', jurisdictionCode: '330302', isLegalEntity: true })
    expect(carrier).toMatchObject({
      ownerOrgId: org!.id,
      ownerOrgName: '温州鹿城智造中试服务有限公司',
      levelLabel: '市级',
    })
    const audited = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, org!.id))
    expect(audited.map((a) => a.action)).toEqual(['organization.create'])
    // The same code again is pointed at the existing organization; another district is out of reach.
    const again = await post(officer, { ...center, organization: { name: '另一家', uscc, jurisdictionCode: '330302' } })
    expect(again.json().error.details.fields[0]).toMatchObject({ path: 'organization.uscc' })
    const operator = await signIn(ctx.app(), await createAccount('centerOperator'))
    const orgsBefore = Number((await db.select({ n: count() }).from(organizations))[0]!.n)
    const outside = await post(officer, {
      ...center,
      organization: { name: '龙湾某概念验证中心', jurisdictionCode: '330303' },
    })
    expect(outside.statusCode).toBe(403)
    const notOfficer = await post(operator, { ...center, organization: { name: '新机构', jurisdictionCode: '330302' } })
    expect(notOfficer.statusCode).toBe(403)
    expect(Number((await db.select({ n: count() }).from(organizations))[0]!.n)).toBe(orgsBefore)
  })

  it('leaves level and accreditation to the science bureau, with their rules', async () => {
    const operator = await signIn(ctx.app(), await createAccount('centerOperator'))
    const selfAccredited = await post(operator, {
      ...center,
      level: 'national',
      accreditationStatus: 'accredited',
      accreditationYear: 2025,
    })
    expect(selfAccredited.statusCode).toBe(403)
    const c = (await post(operator, center)).json().carrier
    expect((await patch(operator, c.id, { level: 'provincial', version: 1 })).statusCode).toBe(403)
    // Sending the unchanged values back (a whole form) is fine.
    expect((await patch(operator, c.id, { level: null, accreditationStatus: 'none', version: 1 })).statusCode).toBe(200)
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const missingYear = await patch(officer, c.id, {
      level: 'municipal',
      accreditationStatus: 'accredited',
      version: 2,
    })
    expect(missingYear.json().error.message).toBe('已认定的载体请填写认定年份')
    const accredited = await patch(officer, c.id, {
      level: 'municipal',
      accreditationStatus: 'accredited',
      accreditationYear: 2025,
      version: 2,
    })
    expect(accredited.json()).toMatchObject({ accreditationLabel: '已认定', levelLabel: '市级', version: 3 })
  })

  it('keeps another organization out of edits and warns of a near-duplicate from the same organization', async () => {
    const owner = await createAccount('centerOperator')
    const session = await signIn(ctx.app(), owner)
    const first = (await post(session, center)).json().carrier
    const again = (await post(session, { ...center, name: '温州市人形机器人概念验证分中心' })).json()
    expect(again.duplicates).toContainEqual(
      expect.objectContaining({ id: first.id, reason: '同一机构已有名称高度相似的载体' }),
    )
    const check = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/carriers/duplicates',
      headers: session.headers,
      payload: { name: '温州市人形机器人概念验证中心' },
    })
    expect(check.json().items.map((d: { id: string }) => d.id)).toContain(first.id)
    const stranger = await signIn(ctx.app(), await createAccount('centerOperator'))
    expect((await patch(stranger, first.id, { contactName: '张三', version: 1 })).statusCode).toBe(403)
    const archived = await ctx
      .app()
      .inject({ method: 'POST', url: `/api/v1/carriers/${first.id}/archive`, headers: stranger.headers })
    expect(archived.statusCode).toBe(403)
    const district = await signIn(ctx.app(), await createAccount('districtOfficer'))
    const byOfficer = await patch(district, first.id, { contactName: '张三', version: 1 })
    expect(byOfficer.json()).toMatchObject({ contactName: '张三', canEdit: true })
  })
})
