import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Project } from './types'

export type TransitionInput = { id: string; to: 'submitted' | 'returned' | 'rejected'; note?: string; version: number }

/** 提交 (applicant), 退回修改 / 不予入库 (center in charge), with the reason the flow asks for. */
export const transitionProject = ({ id, ...body }: TransitionInput) =>
  http.post<Project>(`/projects/${id}/transition`, body)

export function useTransitionProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: transitionProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  })
}
