import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Project } from './types'

/** The project the workspace is about (its status, center and whether the caller runs it). */
export function useProject(projectId: string) {
  return useQuery({
    queryKey: ['projects', 'detail', projectId],
    queryFn: () => http.get<Project>(`/projects/${projectId}`),
  })
}
