import path from 'node:path'
import { z } from 'zod'

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === '1' || v === 'true'))

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  FIRSTMILE_DATA_DIR: z.string().default('./data'),
  FIRSTMILE_DEMO: flag(true),
  FIRSTMILE_REQUIRE_TOTP: flag(true),
  FIRSTMILE_DEMO_SIZE: z.enum(['full', 'small']).default('full'),
  FIRSTMILE_ALLOW_UNSAFE_PG: flag(false),
  FIRSTMILE_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  FIRSTMILE_TRUST_PROXY: flag(false),
  FIRSTMILE_MASTER_KEY: z.string().optional(),
  FIRSTMILE_WEB_DIR: z.string().default('./dist/web'),
  FIRSTMILE_JURISDICTION: z
    .string()
    .regex(/^\d{6}$/, 'FIRSTMILE_JURISDICTION 应为 6 位行政区划代码')
    .default('330300'),
  FIRSTMILE_RATE_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(600),
  FIRSTMILE_TEST_CLOCK: flag(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  demo: boolean
  /** `small` skips the 1,000 CSL demo achievements (quick starts in tests). */
  demoSize: 'full' | 'small'
  requireTotp: boolean
  allowUnsafePostgres: boolean
  cookieSecure: 'auto' | 'always' | 'never'
  trustProxy: boolean
  masterKey: string | undefined
  webDir: string
  /** The area of the operating organization created at first start (GB/T 2260). */
  jurisdiction: string
  /** Requests per minute per client address. */
  rateLimitPerMinute: number
  /** Browser tests only: PUT /test-support/clock moves the platform clock (demo mode, loopback). */
  testClock: boolean
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  version: string
}

/** Parses the environment once; a bad value stops the process with a message that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.1.0'): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`环境变量配置有误 (invalid environment):\n${lines.join('\n')}`)
  }
  const e = parsed.data
  // The second factor may only be switched off for a demo; a real deployment always requires it.
  if (!e.FIRSTMILE_REQUIRE_TOTP && !e.FIRSTMILE_DEMO) {
    throw new Error('FIRSTMILE_REQUIRE_TOTP=0 仅允许在演示模式（FIRSTMILE_DEMO 非 0）下使用')
  }
  if (e.FIRSTMILE_TEST_CLOCK && !e.FIRSTMILE_DEMO) {
    throw new Error('FIRSTMILE_TEST_CLOCK=1 仅允许在演示模式（FIRSTMILE_DEMO 非 0）下使用')
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.FIRSTMILE_DATA_DIR),
    demo: e.FIRSTMILE_DEMO,
    demoSize: e.FIRSTMILE_DEMO_SIZE,
    requireTotp: e.FIRSTMILE_REQUIRE_TOTP,
    allowUnsafePostgres: e.FIRSTMILE_ALLOW_UNSAFE_PG,
    cookieSecure: e.FIRSTMILE_COOKIE_SECURE,
    trustProxy: e.FIRSTMILE_TRUST_PROXY,
    masterKey: e.FIRSTMILE_MASTER_KEY,
    webDir: path.resolve(e.FIRSTMILE_WEB_DIR),
    jurisdiction: e.FIRSTMILE_JURISDICTION,
    rateLimitPerMinute: e.FIRSTMILE_RATE_LIMIT,
    testClock: e.FIRSTMILE_TEST_CLOCK,
    logLevel: e.LOG_LEVEL,
    version,
  }
}
