import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type LeadStatus = 'new' | 'contacted' | 'closed'
export type Lead = {
  id: string
  recordType: string
  recordTypeLabel: string
  recordId: string
  recordTitle: string
  ownerOrgName: string
  fromOrgName: string
  message: string | null
  status: LeadStatus
  createdAt: string
}
export type LeadBox = 'received' | 'sent'

export const listLeads = (box: LeadBox) => http.get<{ items: Lead[] }>('/leads', { box })

/** 收到的意向 (leads on my organization's records) or 我的意向 (those I sent). */
export function useLeads(box: LeadBox) {
  return useQuery({ queryKey: ['leads', box], queryFn: () => listLeads(box) })
}

export const setLeadStatus = ({ id, status }: { id: string; status: 'contacted' | 'closed' }) =>
  http.post<Lead>(`/leads/${id}/status`, { status })

export function useSetLeadStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setLeadStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  })
}
