import { useMutation } from '@tanstack/react-query'
import type { UpdateUser, User } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export const updateUser = ({ id, ...input }: UpdateUser & { id: string }) => http.patch<User>(`/users/${id}`, input)

export function useUpdateUser() {
  return useMutation({ mutationFn: updateUser })
}
