import type { ReviseIndustrySystem } from '@server/modules/industries/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'
import type { IndustrySystem } from '../../../shared/registry/industry-systems'

export type ReviseInput = z.input<typeof ReviseIndustrySystem>

/** A city officer's edit: saved as a new version; the answer is the history, the new version first. */
export const reviseSystem = ({ code, ...input }: ReviseInput & { code: string }) =>
  http.put<{ items: IndustrySystem[] }>(`/industry-systems/${code}`, input)

export function useReviseSystem() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: reviseSystem,
    // Forms, filters and facets everywhere name nodes from these systems.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['industry-systems'] }),
  })
}
