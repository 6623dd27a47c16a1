import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { type PortalRecord, type PortalType, portalTypeOf } from './types'

/** One record as the visitor may see it (404 for what is not public). */
export async function getPortalRecord(type: PortalType, id: string): Promise<PortalRecord> {
  const record = await http.get<never>(`${portalTypeOf(type).path}/${id}`)
  return { type, record } as PortalRecord
}

export function usePortalRecord(type: PortalType, id: string) {
  return useQuery({ queryKey: ['portal', 'record', type, id], queryFn: () => getPortalRecord(type, id) })
}
