import type { UpdateProject } from '@server/modules/projects/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Project } from './types'

/** 修改 a draft or a project returned for correction (the applicant only), with the version it was read at. */
export const updateProject = ({ id, ...input }: UpdateProject & { id: string }) =>
  http.patch<Project>(`/projects/${id}`, input)

export function useUpdateProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  })
}
