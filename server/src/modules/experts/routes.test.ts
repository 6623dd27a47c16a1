import { count } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { experts } from './schema'
import { findExpertsForConflicts } from './service'

const ctx = withTestApp()

const expert = (overrides: Record<string, unknown> = {}) => ({
  name: '陈立群',
  title: '教授',
  currentOrgName: '瓯越理工大学',
  disciplines: ['控制科学与工程', '机械工程'],
  industryCodes: ['wenzhou-5n:WZ-4-3'],
  keywords: ['机器人控制', '运动规划'],
  thinkTanks: ['technical', 'product'],
  affiliations: [{ organizationName: '浙江大学', position: '副教授', from: '2012-09-01', to: '2018-06-30' }],
  contactPhone: '13900001234',
  contactEmail: 'chen@example.edu.cn',
  confidentiality: 'internal',
  ...overrides,
})

const inject = (session: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app().inject({ method, url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}) })
const post = (session: Session, payload: object) => inject(session, 'POST', '/api/v1/experts', payload)
const list = async (session: Session | null, query: string) =>
  (await inject(session, 'GET', `/api/v1/experts?${query}`)).json()
const rows = async () => Number((await db.select({ n: count() }).from(experts))[0]!.n)

async function exportText(session: Session, query = '') {
  const res = await inject(session, 'GET', `/api/v1/experts/export?${query}`)
  expect(res.statusCode).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const cells: string[] = []
  book.getWorksheet('专家')!.eachRow((row) => cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))))
  return cells.join('|')
}

describe('experts registry', () => {
  it('creates, edits with history, refuses a stale edit, archives and restores', async () => {
    const center = await signIn(ctx.app(), await createAccount('centerOperator'))
    const created = await post(center, expert())
    expect(created.statusCode, created.body).toBe(201)
    const e = created.json().expert
    expect(e).toMatchObject({
      name: '陈立群',
      categories: ['工学'],
      thinkTankLabels: ['技术验证', '产品验证'],
      availabilityLabel: '可参与评审',
      currentOrganization: { id: null, name: '瓯越理工大学' },
      industries: [{ code: 'wenzhou-5n:WZ-4-3', name: '工业机器人' }],
      personal: { contactPhone: '13900001234', linkedAccount: false },
      canEdit: true,
      version: 1,
    })
    const busy = await inject(center, 'PATCH', `/api/v1/experts/${e.id}`, {
      availability: 'busy',
      busyUntil: '2099-12-31',
      version: 1,
      note: '出国访学',
    })
    expect(busy.statusCode, busy.body).toBe(200)
    expect(busy.json()).toMatchObject({ availabilityLabel: '忙碌', busyUntil: '2099-12-31', version: 2 })
    expect((await inject(center, 'PATCH', `/api/v1/experts/${e.id}`, { title: '研究员', version: 1 })).statusCode).toBe(
      409,
    )
    const history = (await inject(center, 'GET', `/api/v1/experts/${e.id}/history`)).json()
    expect(
      history.items.map((h: { version: number; changedFields: string[] }) => [h.version, h.changedFields]),
    ).toEqual([
      [1, expect.arrayContaining(['name', 'thinkTanks'])],
      [2, ['availability', 'busyUntil']],
    ])
    expect((await inject(center, 'POST', `/api/v1/experts/${e.id}/archive`)).json().archived).toBe(true)
    expect((await list(center, 'owner=mine')).items.map((i: { id: string }) => i.id)).not.toContain(e.id)
    expect((await inject(center, 'POST', `/api/v1/experts/${e.id}/restore`)).json().archived).toBe(false)
  })

  it('explains rejected fields in Chinese and writes nothing', async () => {
    const center = await signIn(ctx.app(), await createAccount('centerOperator'))
    const before = await rows()
    const res = await post(
      center,
      expert({
        name: '陈1',
        disciplines: ['炼金术'],
        thinkTanks: ['legal'],
        availability: 'busy',
        affiliations: [{ organizationName: '浙江大学', from: '2020-01-01', to: '2019-01-01' }],
        relationships: [{ kind: 'cousin', personName: '李四' }],
        contactEmail: 'chen-at-example',
      }),
    )
    expect(res.statusCode).toBe(400)
    const byPath = Object.fromEntries(
      (res.json().error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    )
    expect(byPath).toMatchObject({
      name: '姓名只能包含汉字、字母、间隔号',
      'disciplines.0': '学科不在一级学科目录中',
      'thinkTanks.0': '专家智库应为：技术验证、产品验证、商业验证',
      'affiliations.0.to': '结束日期不能早于起始日期',
      'relationships.0.kind': '关系类型应为：师生、亲属、合作伙伴、其他',
      contactEmail: '电子邮箱格式不正确',
    })
    const busy = await post(center, expert({ availability: 'busy' }))
    expect(busy.json().error.details.fields[0]).toEqual({
      path: 'busyUntil',
      message: '忙碌状态请填写预计可参与评审的日期',
    })
    const unknownOrg = await post(center, expert({ currentOrgId: '00000000-0000-4000-8000-000000000000' }))
    expect(unknownOrg.json().error.details.fields[0].path).toBe('currentOrgId')
    expect(await rows()).toBe(before)
  })

  it('warns of the same name at the same organization, and not of a namesake elsewhere', async () => {
    const center = await signIn(ctx.app(), await createAccount('centerOperator'))
    const university = await createOrganization({ kind: 'university', name: '瓯江学院' })
    const first = (await post(center, expert({ name: '王建国', currentOrgId: university.id }))).json().expert
    expect(first.currentOrganization).toEqual({ id: university.id, name: '瓯江学院' })
    const again = (await post(center, expert({ name: '王建国', currentOrgId: university.id }))).json()
    expect(again.duplicates).toEqual([
      { id: first.id, name: '王建国', organizationName: '瓯江学院', reason: '同一单位已有同名专家' },
    ])
    const namesake = (await post(center, expert({ name: '王建国', currentOrgName: '温州医科大学' }))).json()
    expect(namesake.duplicates).toEqual([])
  })

  it('lets a linked expert account edit its own profile only, and never change the link', async () => {
    const bureau = await createAccount('cityOfficer')
    const officer = await signIn(ctx.app(), bureau)
    const account = await createAccount('expert')
    const researcher = await createAccount('researcher')
    expect(
      (await post(officer, expert({ name: '林晓燕', userId: researcher.id }))).json().error.details.fields[0],
    ).toEqual({
      path: 'userId',
      message: '只能关联“评审专家”角色的账号',
    })
    const mine = (await post(officer, expert({ name: '林晓燕', userId: account.id, confidentiality: 'secret' }))).json()
      .expert
    const other = (await post(officer, expert({ name: '郑海涛' }))).json().expert
    const self = await signIn(ctx.app(), account)
    const own = (await inject(self, 'GET', '/api/v1/experts/me')).json()
    expect(own).toMatchObject({ id: mine.id, isSelf: true, canEdit: true, personal: { contactPhone: '13900001234' } })
    const edited = await inject(self, 'PATCH', `/api/v1/experts/${mine.id}`, {
      keywords: ['柔性电子'],
      relationships: [
        { kind: 'advisorStudent', personName: '周博', organizationName: '瓯越理工大学', note: '博士生导师' },
      ],
      declaredConflicts: [{ text: '曾为某企业提供技术咨询', organizationName: '温州某科技有限公司' }],
      version: 1,
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().personal.declaredConflicts[0].declaredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect((await inject(self, 'PATCH', `/api/v1/experts/${mine.id}`, { userId: null, version: 2 })).statusCode).toBe(
      403,
    )
    expect((await inject(self, 'PATCH', `/api/v1/experts/${other.id}`, { keywords: [], version: 1 })).statusCode).toBe(
      403,
    )
    expect((await post(self, expert({ name: '林晓燕' }))).statusCode).toBe(409)
    const [facts] = await findExpertsForConflicts([mine.id])
    expect(facts).toMatchObject({
      userId: account.id,
      affiliations: [
        { organizationName: '瓯越理工大学', to: null, current: true },
        { organizationName: '浙江大学', from: '2012-09-01', to: '2018-06-30', current: false },
      ],
      relationships: [{ kind: 'advisorStudent', personName: '周博' }],
      declaredConflicts: [{ text: '曾为某企业提供技术咨询' }],
    })
  })

  it('keeps contact and relationships to the owner, officers in scope and the expert; a 保密 profile invisible elsewhere', async () => {
    const center = await createAccount('centerOperator')
    const centerSession = await signIn(ctx.app(), center)
    const colleague = await signIn(ctx.app(), await createAccount('researcher', { orgId: center.orgId }))
    const open = (
      await post(
        centerSession,
        expert({
          name: '黄志明',
          keywords: ['固态电池'],
          enterpriseTies: [{ kind: 'shareholding', organizationName: '温州储能科技有限公司' }],
        }),
      )
    ).json().expert
    const secret = (
      await post(
        centerSession,
        expert({ name: '吴静怡', keywords: ['固态电池'], confidentiality: 'secret', thinkTanks: ['commercial'] }),
      )
    ).json().expert
    const cityOfficer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const otherOrg = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const investor = await signIn(ctx.app(), await createAccount('investor'))
    const q = `q=${encodeURIComponent('固态电池')}`
    for (const [who, session, seesSecret, seesPersonal] of [
      ['owner organization', centerSession, true, true],
      ['colleague in the owner organization', colleague, true, true],
      ['city officer over the area', cityOfficer, true, true],
      ['enterprise of another organization', otherOrg, false, false],
      ['investor', investor, false, false],
    ] as const) {
      const detail = await inject(session, 'GET', `/api/v1/experts/${open.id}`)
      expect(detail.statusCode, who).toBe(200)
      expect(detail.json().personal !== null, `${who} personal`).toBe(seesPersonal)
      const history = JSON.stringify((await inject(session, 'GET', `/api/v1/experts/${open.id}/history`)).json())
      expect(history.includes('13900001234') || history.includes('温州储能科技'), `${who} history`).toBe(seesPersonal)
      expect((await inject(session, 'GET', `/api/v1/experts/${secret.id}`)).statusCode, `${who} secret`).toBe(
        seesSecret ? 200 : 404,
      )
      for (const query of [q, 'thinkTank=commercial']) {
        const page = await list(session, query)
        expect(
          page.items.some((i: { id: string }) => i.id === secret.id),
          `${who} ${query}`,
        ).toBe(seesSecret)
        const facet = (page.facets.thinkTank as { value: string; count: number }[]).find(
          (f) => f.value === 'commercial',
        )
        expect((facet?.count ?? 0) > 0, `${who} facet ${query}`).toBe(seesSecret)
        expect(JSON.stringify(page), `${who} list never carries contact`).not.toMatch(
          /13900001234|chen@example|温州储能科技/,
        )
      }
      const exported = await exportText(session, q)
      expect(exported.includes('黄志明'), `${who} export`).toBe(true)
      expect(exported.includes('13900001234'), `${who} export contact`).toBe(seesPersonal)
      expect(exported.includes('吴静怡'), `${who} export secret`).toBe(seesSecret)
    }
    expect((await inject(null, 'GET', '/api/v1/experts')).statusCode).toBe(401)
    expect((await inject(null, 'GET', `/api/v1/experts/${open.id}`)).statusCode).toBe(401)
  })

  it('searches names, fields, keywords and affiliations, with think-tank, discipline, availability facets', async () => {
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const base = { keywords: ['海洋牧场'], industryCodes: [] }
    await post(
      officer,
      expert({
        ...base,
        name: '赵海生',
        disciplines: ['海洋科学'],
        thinkTanks: ['technical'],
        currentOrgName: '温州海洋研究院',
      }),
    )
    await post(
      officer,
      expert({
        ...base,
        name: '钱晓光',
        disciplines: ['工商管理'],
        thinkTanks: ['commercial'],
        availability: 'unavailable',
      }),
    )
    await post(
      officer,
      expert({
        ...base,
        name: '孙文博',
        disciplines: ['水产'],
        thinkTanks: ['product', 'technical'],
        availability: 'busy',
        busyUntil: '2099-01-01',
      }),
    )
    const word = `q=${encodeURIComponent('海洋牧场')}`
    const all = await list(officer, word)
    expect(all.total).toBe(3)
    expect(all.facets.availability).toEqual(
      expect.arrayContaining([
        { value: 'available', label: '可参与评审', count: 1 },
        { value: 'busy', label: '忙碌', count: 1 },
        { value: 'unavailable', label: '暂不参与', count: 1 },
      ]),
    )
    expect(all.facets.thinkTank).toEqual(expect.arrayContaining([{ value: 'technical', label: '技术验证', count: 2 }]))
    expect(all.facets.category.map((f: { value: string }) => f.value)).toEqual(
      expect.arrayContaining(['理学', '管理学', '农学']),
    )
    const technicalAvailable = await list(officer, `${word}&thinkTank=technical&availability=available`)
    expect(technicalAvailable.items.map((i: { name: string }) => i.name)).toEqual(['赵海生'])
    const byAffiliation = await list(officer, `q=${encodeURIComponent('海洋研究院')}`)
    expect(byAffiliation.items[0].name).toBe('赵海生')
    const byName = await list(officer, `q=${encodeURIComponent('钱晓光')}`)
    expect(byName.items[0].name).toBe('钱晓光')
    const sorted = await list(officer, `${word}&sort=name`)
    expect(sorted.items.map((i: { name: string }) => i.name)).toEqual(['钱晓光', '孙文博', '赵海生'])
    const sqlList = await list(officer, 'category=农学&availability=busy')
    expect(sqlList.items.map((i: { name: string }) => i.name)).toContain('孙文博')
    expect(sqlList.facets.availability).toEqual([{ value: 'busy', label: '忙碌', count: sqlList.total }])
  })
})
