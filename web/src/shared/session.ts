import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SessionView } from './contracts'
import { http, setCsrfToken } from './http'
import { type Action, isAllowed, isRole, type Role } from './server-rules'

export type Session = SessionView
export type SessionUser = NonNullable<SessionView['user']>

export const sessionQueryKey = ['session'] as const

export async function fetchSession(): Promise<Session> {
  const session = await http.get<Session>('/auth/session')
  setCsrfToken(session.csrfToken)
  return session
}

/** The signed-in person (or `user: null`), refreshed when the window regains focus. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 })
}

/** Stores a session the server just returned (sign-in, challenge) without another round trip. */
export function storeSession(queryClient: QueryClient, session: Session) {
  setCsrfToken(session.csrfToken)
  queryClient.setQueryData(sessionQueryKey, session)
}

export function clearSession(queryClient: QueryClient) {
  setCsrfToken(undefined)
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] })
  queryClient.setQueryData<Session>(sessionQueryKey, { user: null, permissions: [], demo: false, warnings: [] })
}

/** Only used below the signed-in guard, where a user is certain. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession()
  if (!data?.user) throw new Error('useCurrentUser outside a signed-in route')
  return data.user
}

export function roleOf(user: SessionUser | null | undefined): Role | undefined {
  return user && isRole(user.role) ? user.role : undefined
}

/** `can('organization.manage')` for the signed-in person, from the one permission table. */
export function useCan(): (action: Action) => boolean {
  const { data } = useSession()
  const role = roleOf(data?.user)
  return (action) => isAllowed(role, action)
}

export function useSessionClient() {
  const queryClient = useQueryClient()
  return {
    store: (session: Session) => storeSession(queryClient, session),
    clear: () => clearSession(queryClient),
  }
}
