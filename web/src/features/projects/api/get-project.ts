import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ProjectDetail } from './types'

export const getProject = (id: string) => http.get<ProjectDetail>(`/projects/${id}`)

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: ['projects', 'detail', id], queryFn: () => getProject(id as string), enabled: !!id })
}
