import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateEnterpriseInput, Enterprise, SavedEnterprise, UpdateEnterpriseInput } from './types'

export const createEnterprise = (input: CreateEnterpriseInput) => http.post<SavedEnterprise>('/enterprises', input)

/** Carries the version the person saw; 409 STALE_VERSION when someone else saved first. */
export const updateEnterprise = ({ id, ...input }: UpdateEnterpriseInput & { id: string }) =>
  http.patch<Enterprise>(`/enterprises/${id}`, input)

export function useSaveEnterprise() {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['enterprises'] })
  return {
    create: useMutation({ mutationFn: createEnterprise, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateEnterprise, onSuccess: refresh }),
  }
}
