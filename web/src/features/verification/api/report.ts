import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ReportCheck } from './types'

/** 出具报告: the center's director signs; the answer is the report as anyone checking its code sees it. */
export function useIssueReport(projectId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (directorName: string) =>
      http.post<ReportCheck>(`/projects/${projectId}/verification/report`, { directorName }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['verification', projectId] })
      void queryClient.invalidateQueries({ queryKey: ['projects'] })
    },
  })
}

/** 报告核验 (结果互认): by code, and optionally the SM3 digest printed on the copy in hand. */
export const checkReport = (code: string, digest?: string) =>
  http.get<ReportCheck>(`/verification-reports/${encodeURIComponent(code.trim().toUpperCase())}`, { digest })

export function useReportCheck(code: string | undefined) {
  return useQuery({
    queryKey: ['verification-report', code ?? ''],
    queryFn: () => checkReport(code ?? ''),
    enabled: !!code,
    retry: false,
  })
}
