import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'

type ProjectBrief = { id: string; title: string; applicantOrgName: string; requestedTypeLabels: string[] }
type ExpertBrief = { id: string; name: string; title: string | null; ownerOrgName: string; thinkTankLabels: string[] }

/** The center's projects waiting for evaluation (已申报), to put into a round. */
export function useSubmittedProjects() {
  const query = { scope: 'center', status: 'submitted', pageSize: 100 }
  return useQuery({
    queryKey: ['projects', 'list', query],
    queryFn: () => http.get<{ items: ProjectBrief[]; total: number }>('/projects', query),
  })
}

/** Experts from the registry by name, for pins, forbids and load-cap overrides. */
export function useExpertSearch(q: string) {
  return useQuery({
    queryKey: ['experts', 'pick', q],
    queryFn: () => http.get<{ items: ExpertBrief[] }>('/experts', { q: q || undefined, pageSize: 20 }),
    staleTime: 60_000,
  })
}
