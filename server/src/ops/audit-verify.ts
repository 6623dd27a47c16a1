import path from 'node:path'
import { bindDatabase } from '../db'
import { openDatabase } from '../db/client'
import { verifyAuditChain } from '../modules/audit/service'

// `npm run audit:verify`: walks the whole SM3 chain. On PGlite run it with the server stopped (the folder is
// locked while it runs) or use 审计日志 → 校验 in the web app; on PostgreSQL it runs online.
const url = process.env.DATABASE_URL
const handle = url
  ? await openDatabase({ kind: 'postgres', url, max: 1 })
  : await openDatabase({ kind: 'pglite', folder: path.resolve(process.env.FIRSTMILE_DATA_DIR ?? './data') })
bindDatabase(handle)
try {
  const result = await verifyAuditChain()
  if (result.ok) {
    console.log(`审计日志完整：${result.count} 条记录，链头 ${result.head}`)
  } else {
    console.error(`审计日志被篡改：序号 ${result.break.seq} 处 — ${result.break.reason}（此前 ${result.count} 条完好）`)
    process.exitCode = 1
  }
} finally {
  await handle.close()
}
