import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { definitionProblems, PolicyDefinition } from './definition'
import { policies } from './schema'

const here = path.dirname(fileURLToPath(import.meta.url))
export const POLICY_DIR = path.resolve(here, '../../../../data/rules/policies')

/** A definition as data: the schema, then the cross-field checks; every problem in Chinese with its path. */
export function parseDefinition(input: unknown): PolicyDefinition {
  const parsed = PolicyDefinition.safeParse(input)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new AppError('VALIDATION_FAILED', `政策定义有误：${fields[0]?.message ?? ''}`, { fields })
  }
  const problems = definitionProblems(parsed.data)
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', `政策定义有误：${problems[0]!.message}`, { fields: problems })
  return parsed.data
}

/** The shipped policies (data/rules/policies/*.json), validated; a broken file stops the start with its name. */
export function readShippedPolicies(): PolicyDefinition[] {
  if (!fs.existsSync(POLICY_DIR)) return []
  return fs
    .readdirSync(POLICY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      try {
        const definition = parseDefinition(JSON.parse(fs.readFileSync(path.join(POLICY_DIR, file), 'utf8')))
        if (`${definition.code}.json` !== file) throw new Error(`code ${definition.code} does not match the file name`)
        return definition
      } catch (error) {
        const detail = error instanceof AppError ? JSON.stringify(error.details) : String(error)
        throw new Error(`data/rules/policies/${file}: ${(error as Error).message} ${detail}`)
      }
    })
}

/**
 * Loads the shipped policies the database does not have yet, as version 1 (idempotent: safe at every start and
 * from several processes; a code already present — shipped or edited by an officer — is left as it is).
 */
export async function loadShippedPolicies(q: Queryable): Promise<number> {
  let added = 0
  for (const definition of readShippedPolicies()) {
    const [existing] = await q
      .select({ id: policies.id })
      .from(policies)
      .where(eq(policies.code, definition.code))
      .limit(1)
    if (existing) continue
    const id = newId()
    const inserted = await q
      .insert(policies)
      .values({
        id,
        code: definition.code,
        version: 1,
        status: 'active',
        title: definition.title,
        jurisdictionCode: definition.jurisdiction,
        definition,
        origin: 'shipped',
        changeNote: `随平台发布：${definition.document}`,
        createdAt: now(),
      })
      .onConflictDoNothing()
      .returning({ id: policies.id })
    if (!inserted.length) continue
    added++
    await audit(q, systemActor('policy load'), {
      action: 'policy.load',
      targetType: 'policy',
      targetId: id,
      after: definition,
      detail: { code: definition.code, version: 1 },
    })
  }
  return added
}
