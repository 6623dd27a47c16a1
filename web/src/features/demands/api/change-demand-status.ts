import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Demand, DemandStatus } from './types'

/** 征集中 → 已对接 → 已关闭 (重新征集 needs a reason), with the record's version. */
export const changeDemandStatus = ({
  id,
  ...input
}: {
  id: string
  status: DemandStatus
  version: number
  reason?: string
}) => http.post<Demand>(`/demands/${id}/status`, input)

export function useChangeDemandStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changeDemandStatus,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['demands'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
