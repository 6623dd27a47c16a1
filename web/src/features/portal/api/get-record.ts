import { useQuery } from '@tanstack/react-query'
import { ApiError, http } from '../../../shared/http'
import type { PortalRecord, PortalType } from './types'

/**
 * One record's portal page as the visitor may see it, through the portal's own read: 404 for what is not
 * public, and 404 with the reason for what its owner archived (已归档 records leave the portal).
 */
export async function getPortalRecord(type: PortalType, id: string): Promise<PortalRecord> {
  const record = await http.get<never>(`/portal/${type}/${id}`)
  return { type, record } as PortalRecord
}

/** The portal answered that the record was archived (not merely missing or hidden). */
export function isArchivedAnswer(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 404 &&
    (error.details as { archived?: unknown } | null)?.archived === true
  )
}

export function usePortalRecord(type: PortalType, id: string) {
  return useQuery({ queryKey: ['portal', 'record', type, id], queryFn: () => getPortalRecord(type, id) })
}
