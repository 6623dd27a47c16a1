import { useMutation } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { saveBlob } from '../../../shared/format'
import { http } from '../../../shared/http'
import type { AuditFilters } from './types'

export type ExportFormat = 'xlsx' | 'csv'

/** Downloads the records matching the filters; the export itself is audited by the server. */
export async function exportAudit({ format, ...filters }: AuditFilters & { format: ExportFormat }) {
  const { blob, fileName } = await http.download('/audit/export', { ...filters, format })
  saveBlob(blob, fileName ?? `审计日志-${dayjs().format('YYYYMMDD-HHmmss')}.${format}`)
}

export function useExportAudit() {
  return useMutation({ mutationFn: exportAudit })
}
