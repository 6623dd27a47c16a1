import { useMutation } from '@tanstack/react-query'
import type { Organization, UpdateOrganization } from '../../../shared/contracts'
import { http } from '../../../shared/http'

/** Carries the version the person saw; 409 STALE_VERSION when someone else saved first. */
export const updateOrganization = ({ id, ...input }: UpdateOrganization & { id: string }) =>
  http.patch<Organization>(`/organizations/${id}`, input)

export function useUpdateOrganization() {
  return useMutation({ mutationFn: updateOrganization })
}
