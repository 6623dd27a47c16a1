import fs from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import { TOTP_PERIOD_SECONDS, timeStep, totpCode } from '../../server/src/platform/auth/totp'

/**
 * The server refuses a time step it has already accepted for an account, and accepts one step of drift
 * either side. So each account's next code uses the first step after the last one used, waiting when that
 * step is still more than one step ahead. Steps are remembered in a file shared by the run's test files.
 */
function stepsFile(): string {
  return path.join(inject('stateDir'), 'totp-steps.json')
}

function readSteps(): Record<string, number> {
  const file = stepsFile()
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {}
}

export async function nextTotpCode(account: string, secret: string): Promise<string> {
  const steps = readSteps()
  const key = account.toLowerCase()
  let current = timeStep(new Date())
  const step = Math.max(current, (steps[key] ?? Number.NEGATIVE_INFINITY) + 1)
  while (step > current + 1) {
    const msUntilNext = (current + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now() + 200
    await new Promise((resolve) => setTimeout(resolve, Math.max(msUntilNext, 100)))
    current = timeStep(new Date())
  }
  // A code for the next step is only accepted within the last moments of drift; use the current one when we can.
  const chosen = Math.max(step, current)
  fs.writeFileSync(stepsFile(), JSON.stringify({ ...readSteps(), [key]: chosen }))
  return totpCode(secret, chosen)
}
