import type { User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export const listUsers = (query: Record<string, string | number | undefined>) =>
  http.get<{ items: User[]; total: number }>('/users', query)
