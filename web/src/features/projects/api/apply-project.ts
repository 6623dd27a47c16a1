import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ApplyProjectInput, Project } from './types'

/** 申请概念验证: saved as a draft or submitted to the chosen center at once. */
export const applyProject = (input: ApplyProjectInput) => http.post<Project>('/projects', input)

export function useApplyProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: applyProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  })
}
