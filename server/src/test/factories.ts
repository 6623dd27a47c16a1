import { eq } from 'drizzle-orm'
import { db } from '../db'
import { passwordHistory, users } from '../modules/accounts/schema'
import { type OrganizationKind, organizations } from '../modules/organizations/schema'
import { hashPassword } from '../platform/auth/password'
import { type Role, requiresSecondFactor } from '../platform/auth/roles'
import { newTotpSecret } from '../platform/auth/totp'
import { now } from '../platform/clock/clock'
import { seal } from '../platform/crypto/secret-box'
import { newId } from '../platform/ids/ids'
import { completeUscc } from '../platform/validation/uscc'

let counter = 0
const next = () => ++counter

export function validUscc(): string {
  // 91 (工商, 企业) + a Wenzhou region code + a unique body; the check character is computed.
  const body = `${Date.now().toString(36).toUpperCase().slice(-4)}${next().toString().padStart(5, '0')}`.replace(
    /[IOZSV]/g,
    'A',
  )
  return completeUscc(`91330302${body}`.slice(0, 17))
}

const KIND_FOR_ROLE: Partial<Record<Role, OrganizationKind>> = {
  cityOfficer: 'scienceBureau',
  districtOfficer: 'scienceBureau',
  centerOperator: 'pocCenter',
  pilotPlatformOperator: 'pilotPlatform',
  researcher: 'university',
  enterpriseUser: 'enterprise',
  investor: 'investor',
}

const AREA_FOR_ROLE: Partial<Record<Role, string>> = { cityOfficer: '330300', districtOfficer: '330302' }

export async function createOrganization(overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const at = now()
  const [row] = await db
    .insert(organizations)
    .values({
      id: newId(),
      name: `测试机构${next()}`,
      kind: 'enterprise',
      uscc: validUscc(),
      jurisdictionCode: '330302',
      createdAt: at,
      updatedAt: at,
      ...overrides,
    })
    .returning()
  return row!
}

export type TestAccount = {
  id: string
  username: string
  password: string
  role: Role
  orgId: string
  totpSecret: string | null
}

/** An account straight in the database, with a known password and (where the role needs it) a second factor. */
export async function createAccount(
  role: Role,
  options: { username?: string; orgId?: string; totp?: boolean; mustChangePassword?: boolean } = {},
): Promise<TestAccount> {
  const orgId =
    options.orgId ??
    (
      await createOrganization({
        kind: KIND_FOR_ROLE[role] ?? 'scienceBureau',
        jurisdictionCode: AREA_FOR_ROLE[role] ?? '330302',
      })
    ).id
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId))
  const username = options.username ?? `${role.toLowerCase()}${next()}`
  const password = 'Test#Pass2026'
  const hash = await hashPassword(password)
  const withTotp = options.totp ?? requiresSecondFactor(role)
  const totpSecret = withTotp ? newTotpSecret() : null
  const id = newId()
  const at = now()
  await db.insert(users).values({
    id,
    username,
    usernameKey: username.toLowerCase(),
    displayName: `${role} 测试`,
    role,
    orgId,
    jurisdictionCode: org!.jurisdictionCode,
    passwordHash: hash,
    passwordChangedAt: at,
    mustChangePassword: options.mustChangePassword ?? false,
    totpSecret: totpSecret ? seal(totpSecret) : null,
    totpEnrolledAt: totpSecret ? at : null,
    createdAt: at,
    updatedAt: at,
  })
  await db.insert(passwordHistory).values({ id: newId(), userId: id, hash, createdAt: at })
  return { id, username, password, role, orgId, totpSecret }
}

/** A valid 科技成果 body for POST /api/v1/achievements (a robot joint controller filed under the given industry). */
export function achievementPayload(
  confidentiality: 'public' | 'internal' | 'secret',
  title = '工业机器人关节高精度运动控制算法',
  industryCodes = ['wenzhou-5n:WZ-4'],
) {
  return {
    title,
    summary: '面向工业机器人与数控机床的关节伺服运动控制算法，提高轨迹精度与抗扰动能力，已完成样机验证。',
    keywords: ['运动控制', '工业机器人'],
    trl: 6,
    maturity: 'sample',
    transferModes: ['license'],
    industryCodes,
    confidentiality,
  }
}
