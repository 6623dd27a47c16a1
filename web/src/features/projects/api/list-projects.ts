import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ProjectPage } from './types'

export type ProjectSearch = Record<string, string | number | undefined>

export const listProjects = (query: ProjectSearch) => http.get<ProjectPage>('/projects', query)

/** 项目库: the projects the caller may see (1+N), filtered by status, channel, industry and scope. */
export function useProjects(query: ProjectSearch) {
  return useQuery({
    queryKey: ['projects', 'list', query],
    queryFn: () => listProjects(query),
    placeholderData: keepPreviousData,
  })
}
