import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { databaseHandle } from '../../db'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { verifyAuditChain } from './service'

const ctx = withTestApp()

describe('audit trail for the audit administrator', () => {
  it('searches by actor and outcome, exports xlsx and csv, and verifies the chain', async () => {
    const target = await createAccount('researcher')
    await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: target.username, password: 'Nope#Nope1' },
    })
    const auditor = await signIn(ctx.app(), await createAccount('auditAdmin'))
    const failures = await ctx.app().inject({
      method: 'GET',
      url: `/api/v1/audit?outcome=failure&actor=${target.username}`,
      headers: auditor.headers,
    })
    expect(failures.statusCode).toBe(200)
    expect(failures.json().items[0]).toMatchObject({
      action: 'auth.signIn',
      outcome: 'failure',
      actorUsername: target.username,
      detail: { reason: 'wrongPassword' },
    })

    const xlsx = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/audit/export?format=xlsx&outcome=failure', headers: auditor.headers })
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('审计日志')!
    expect(sheet.getRow(1).getCell(3).value).toBe('操作人')
    expect(sheet.rowCount).toBeGreaterThan(1)

    const csv = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/audit/export?format=csv', headers: auditor.headers })
    expect(csv.body.startsWith('\uFEFF"序号"')).toBe(true)

    const verified = await ctx.app().inject({ method: 'POST', url: '/api/v1/audit/verify', headers: auditor.headers })
    expect(verified.json()).toMatchObject({
      ok: true,
      count: expect.any(Number),
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('rejects malformed filters with 400', async () => {
    const auditor = await signIn(ctx.app(), await createAccount('auditAdmin'))
    for (const query of ['from=yesterday', 'outcome=maybe', 'page=0', 'pageSize=100000', 'format=pdf']) {
      const res = await ctx.app().inject({
        method: 'GET',
        url: `/api/v1/audit${query.startsWith('format') ? '/export' : ''}?${query}`,
        headers: auditor.headers,
      })
      expect(res.statusCode, query).toBe(400)
    }
  })

  it('detects a record changed behind the trigger’s back', async () => {
    const handle = databaseHandle()
    expect((await verifyAuditChain()).ok).toBe(true)
    // A superuser disabling the trigger is the attack the hash chain exists for.
    await handle.query('alter table audit_log disable trigger audit_log_no_update_delete')
    await handle.query(
      `update audit_log set detail = '{"forged":true}' where seq = (select min(seq) + 1 from audit_log)`,
    )
    await handle.query('alter table audit_log enable trigger audit_log_no_update_delete')
    const result = await verifyAuditChain()
    expect(result.ok).toBe(false)
  })
})
