import { useMutation } from '@tanstack/react-query'
import type { CreateOrganization, Organization } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export const createOrganization = (input: CreateOrganization) => http.post<Organization>('/organizations', input)

export function useCreateOrganization() {
  return useMutation({ mutationFn: createOrganization })
}
