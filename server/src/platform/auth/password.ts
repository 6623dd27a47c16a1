import { type Algorithm, hash, verify } from '@node-rs/argon2'

// OWASP's argon2id profile: 19 MiB, 2 passes, 1 lane.
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules)
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check, so an unknown account cannot be told apart by timing.
    await verify(DUMMY_HASH, password).catch(() => false)
    return false
  }
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$DIlwiwnAwfGtFx4gHj9ZKw$05UA88kfhvuKKLMnZXHLb0jRrMoPOv5SIfJ05qeryRI'
