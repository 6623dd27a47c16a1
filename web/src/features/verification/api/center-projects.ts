import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Project, ProjectStatus } from './types'

/** The projects the caller's center is in charge of, optionally in one status and matching words. */
export function useCenterProjects(query: { q?: string; status?: ProjectStatus; page: number }) {
  return useQuery({
    queryKey: ['projects', 'center', query],
    queryFn: () =>
      http.get<{ items: Project[]; total: number }>('/projects', { scope: 'center', pageSize: 20, ...query }),
  })
}
