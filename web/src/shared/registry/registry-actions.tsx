import { PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Button } from 'antd'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'
import type { Action } from '../server-rules'
import { useCan } from '../session'
import { ExportButton } from './export-button'
import { ImportDrawer } from './import-drawer'

/**
 * The header buttons every registry list has — 批量导入, 导出 the list as filtered, and the create button —
 * each shown only to those the permission table allows (the server checks again).
 */
export function useRegistryActions({
  base,
  label,
  importAction,
  exportQuery,
  exportFile,
  create,
}: {
  /** The list's path and API base, e.g. /demands (also the cache key to refresh after an import). */
  base: string
  /** What the import drawer calls the records, e.g. 技术需求. */
  label: string
  importAction: Action
  exportQuery: Record<string, string | number | undefined>
  exportFile: string
  /** The create button: its text and whether this person may create here. */
  create: { text: string; allowed: boolean }
}): ReactNode[] {
  const can = useCan()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  return [
    can(importAction) ? (
      <ImportDrawer
        key="import"
        base={base}
        label={label}
        onImported={() => void queryClient.invalidateQueries({ queryKey: [base.slice(1)] })}
        trigger={<Button icon={<UploadOutlined />}>批量导入</Button>}
      />
    ) : null,
    can('registry.export') ? (
      <ExportButton key="export" path={`${base}/export`} query={exportQuery} fileName={exportFile} />
    ) : null,
    create.allowed ? (
      <Button
        key="new"
        type="primary"
        icon={<PlusOutlined />}
        data-testid="create"
        onClick={() => navigate(`${base}/new`)}
      >
        {create.text}
      </Button>
    ) : null,
  ]
}
