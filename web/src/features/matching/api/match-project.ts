import type { ProjectMatches, ProjectTarget } from '@server/modules/matching/project-pairs'
import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type { ProjectMatches, ProjectTarget }

/** 项目找专家 / 找验证中心与中试平台 / 找投资机构, each result with 为什么推荐. */
export const matchProject = (projectId: string, toType: ProjectTarget, limit = 10) =>
  http.get<ProjectMatches>(`/match/project/${projectId}/${toType}`, { limit })

export function useProjectMatches(projectId: string, toType: ProjectTarget, enabled = true) {
  return useQuery({
    queryKey: ['match', 'project', projectId, toType],
    queryFn: () => matchProject(projectId, toType),
    enabled,
    staleTime: 0,
  })
}
