import { useMutation } from '@tanstack/react-query'
import type { CreateUser, User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

/** 201 with the one-time initial password, shown once and never again. */
export const createUser = (input: CreateUser) => http.post<{ user: User; initialPassword: string }>('/users', input)

export function useCreateUser() {
  return useMutation({ mutationFn: createUser })
}
