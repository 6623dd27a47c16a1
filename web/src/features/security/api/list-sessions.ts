import { http } from '../../../shared/http'

export type ActiveSession = {
  id: string
  userId: string
  username: string
  role: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  ip: string | null
  userAgent: string | null
}

export const listSessions = () => http.get<{ items: ActiveSession[] }>('/security/sessions')
