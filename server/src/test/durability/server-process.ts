import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../../..')

export type ServerProcess = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }

/** Starts the real server (`node --import tsx server/src/main.ts`) and resolves once it listens. */
export function startServer(env: Record<string, string>, timeoutMs = 240_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      FIRSTMILE_RATE_LIMIT: '1000000',
      FIRSTMILE_DEMO_SIZE: 'small',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/已启动：(http:\/\/localhost:\d+)/)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1]!, output: () => output, exited })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })
}

export type Client = { get(path: string): Promise<Response>; post(path: string, body: unknown): Promise<Response> }

/** Signs in with the demo password (the suite runs these servers with FIRSTMILE_REQUIRE_TOTP=0). */
export async function signInOver(url: string, username: string, password: string): Promise<Client> {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await res.json()) as { status: string; session: { csrfToken: string } }
  if (body.status !== 'signedIn') throw new Error(`sign-in failed: ${JSON.stringify(body)}`)
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('fm_session='))!
    .split(';')[0]!
  const headers = { cookie, 'x-csrf-token': body.session.csrfToken, 'content-type': 'application/json' }
  return {
    get: (p) => fetch(`${url}${p}`, { headers }),
    post: (p, b) => fetch(`${url}${p}`, { method: 'POST', headers, body: JSON.stringify(b) }),
  }
}
