import type { User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

/** All accounts with their lock state (the security administrator reads, never edits, accounts). */
export const listUsers = (query: Record<string, string | number | undefined>) =>
  http.get<{ items: User[]; total: number }>('/users', query)
