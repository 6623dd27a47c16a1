import fs from 'node:fs'
import path from 'node:path'

export type FolderLock = { release(): void }

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite keeps no lock of its own, and two writers on one folder destroy it, so the server holds an
 * exclusive lock file while it runs. A second process fails fast and names the holder; a lock left by a
 * process that no longer exists (crash, SIGKILL) is taken over.
 */
export function lockDataFolder(folder: string): FolderLock {
  fs.mkdirSync(folder, { recursive: true })
  const file = path.join(folder, 'firstmile.lock')
  const me = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, me, { flag: 'wx', mode: 0o600 })
      return {
        release() {
          try {
            const held = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number }
            if (held.pid === process.pid) fs.unlinkSync(file)
          } catch {
            // already gone
          }
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let holder: { pid?: number; startedAt?: string } = {}
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'))
      } catch {
        // a half-written lock file is treated as stale below
      }
      if (holder.pid && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new Error(
          `数据目录 ${folder} 正被另一个 FirstMile 进程使用（PID ${holder.pid}，自 ${holder.startedAt ?? '未知时间'} 起）。` +
            `嵌入式数据库只允许一个进程写入；请先停止该进程，或改用 DATABASE_URL 连接 PostgreSQL 以运行多个进程。` +
            ` (data folder locked by pid ${holder.pid})`,
        )
      }
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`无法锁定数据目录 ${folder}`)
}
