import { EditOutlined, HistoryOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Drawer, Grid, Space } from 'antd'
import { type ReactNode, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { http } from '../http'
import { ArchiveButton } from './archive-button'
import { HistoryTimeline } from './history-timeline'

/**
 * The buttons of a registry record's page (for `DetailHeader`): 修改记录 (a drawer), and for those who may
 * change it 归档 / 恢复 and 编辑. The registry's queries (`<queryRoot>`) are refreshed after a change.
 */
export function RecordActions({
  apiPath,
  id,
  noun,
  archived,
  canEdit,
  editTo,
  queryRoot,
  fieldLabels,
  archiveNote,
  archiveAlsoRefreshes = [],
  children,
}: {
  /** e.g. `/enterprises` */
  apiPath: string
  id: string
  /** 企业档案, 专家档案 … */
  noun: string
  archived: boolean
  canEdit: boolean
  editTo: string
  /** First element of the registry's query keys, e.g. `enterprises`. */
  queryRoot: string
  fieldLabels: Record<string, string>
  /** Said in the 归档 / 恢复 confirmation besides the usual (what follows the record). */
  archiveNote?: string
  /** Query roots of records that follow this one into the archive (a carrier's `instruments`). */
  archiveAlsoRefreshes?: readonly string[]
  /** Buttons that come first (我有意向 …). */
  children?: ReactNode
}) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const screens = Grid.useBreakpoint()
  const [history, setHistory] = useState(false)
  const historyPath = `${apiPath}/${id}/history`
  const toggle = useMutation({
    mutationFn: () => http.post(`${apiPath}/${id}/${archived ? 'restore' : 'archive'}`),
    onSuccess: () => {
      for (const root of [queryRoot, ...archiveAlsoRefreshes]) void queryClient.invalidateQueries({ queryKey: [root] })
      void queryClient.invalidateQueries({ queryKey: ['history', historyPath] })
    },
  })
  return (
    <Space wrap>
      {children}
      <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="open-history">
        修改记录
      </Button>
      {canEdit ? (
        <ArchiveButton
          archived={archived}
          noun={noun}
          note={archiveNote}
          loading={toggle.isPending}
          onToggle={() => toggle.mutateAsync()}
        />
      ) : null}
      {canEdit && !archived ? (
        <Button type="primary" icon={<EditOutlined />} data-testid="edit" onClick={() => navigate(editTo)}>
          编辑
        </Button>
      ) : null}
      <Drawer
        title="修改记录"
        open={history}
        width={screens.md ? 480 : '100%'}
        onClose={() => setHistory(false)}
        destroyOnHidden
      >
        <HistoryTimeline path={historyPath} fieldLabels={fieldLabels} />
      </Drawer>
    </Space>
  )
}
