import { createHash } from 'node:crypto'
import { db } from '../../db'
import { advanceClock, now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { createOrganization } from '../../test/factories'
import { carriers } from '../carriers/schema'
import type { organizations } from '../organizations/schema'

/** Test data for the policy and voucher tests: carriers straight in the registry, evidence metadata. */
export async function createCarrier(input: {
  ownerOrgId: string
  jurisdictionCode: string
  kind: 'pocCenter' | 'pilotPlatform'
  level?: 'municipal' | 'provincial' | 'national' | null
  status?: 'none' | 'applying' | 'accredited' | 'revoked'
  year?: number | null
  name?: string
  capabilities?: {
    name: string
    category: 'principle' | 'technical' | 'productScenario' | 'commercial' | 'pilot' | 'testing'
  }[]
}) {
  const at = now()
  const [row] = await db
    .insert(carriers)
    .values({
      id: newId(),
      ownerOrgId: input.ownerOrgId,
      jurisdictionCode: input.jurisdictionCode,
      confidentiality: 'public',
      name: input.name ?? `测试载体${Math.random().toString(36).slice(2, 8)}`,
      nameSort: 'ce shi',
      kind: input.kind,
      subtype: input.kind === 'pocCenter' ? 'specialized' : 'thirdPartyLed',
      industryCodes: [],
      address: '测试地址',
      capabilities: (input.capabilities ?? []).map((c) => ({ ...c, description: null })),
      feeStandards: [],
      level: input.level ?? null,
      accreditationStatus: input.status ?? 'none',
      accreditationYear: input.year ?? null,
      directors: [],
      introduction: '测试用载体',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  return row!
}

export async function organization(
  kind: (typeof organizations.$inferInsert)['kind'],
  jurisdictionCode: string,
  name?: string,
) {
  return createOrganization({ kind, jurisdictionCode, ...(name ? { name } : {}) })
}

export function file(name: string, key?: string) {
  return {
    ...(key ? { key } : {}),
    fileName: name,
    mediaType: 'application/pdf',
    sizeBytes: 20480,
    digest: createHash('sha256').update(name).digest('hex'),
  }
}

export const WAN = 1_000_000

/** Sets the platform clock to noon of a date in Asia/Shanghai. Sign in after moving it, never before. */
export function setToday(date: string): void {
  advanceClock(new Date(`${date}T04:00:00Z`).getTime() - now().getTime())
}
