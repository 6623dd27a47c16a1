import type { UseQueryResult } from '@tanstack/react-query'
import { App, Button, Result } from 'antd'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'
import { PageLoading } from '../page'
import { type Duplicate, DuplicateAlert } from './duplicate-alert'

/** What a create page says once the server saved the record (each registry words it its own way). */
export type SavedTexts = {
  /** The list's path, e.g. /achievements; a record's page is `${basePath}/${id}`. */
  basePath: string
  /** The dialog's title when similar records exist, e.g. 成果已保存，但发现相似记录. */
  similarTitle: string
  /** The question above the links, e.g. 请确认是否重复录入. */
  confirm: string
  /** The dialog's button, e.g. 查看已保存的成果. */
  open: string
  /** The message when nothing similar exists, e.g. 成果已保存. */
  done: string
}

/**
 * After a create: the record's page — first a warning with links when similar records were found, since a
 * near-duplicate is saved (never refused) and the person decides.
 */
export function useOpenSaved(texts: SavedTexts) {
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  return (id: string, duplicates: readonly Duplicate[]) => {
    const to = `${texts.basePath}/${id}`
    if (!duplicates.length) {
      message.success(texts.done)
      navigate(to)
      return
    }
    modal.warning({
      title: texts.similarTitle,
      width: 560,
      content: (
        <DuplicateAlert
          duplicates={duplicates}
          linkTo={(other) => `${texts.basePath}/${other}`}
          title={texts.confirm}
        />
      ),
      okText: texts.open,
      onOk: () => navigate(to),
    })
  }
}

/**
 * An edit page's gate: loading, then either the page for an editable record or why it cannot be edited (missing,
 * not visible to the caller, or not theirs to edit) with the way back to the list.
 */
export function EditableRecord<R extends { canEdit: boolean }>({
  query,
  missing,
  notEditable,
  back,
  children,
}: {
  query: UseQueryResult<R>
  missing: string
  notEditable: string
  back: { to: string; text: string }
  children: (record: R) => ReactNode
}) {
  const navigate = useNavigate()
  if (query.isPending) return <PageLoading />
  if (query.isError || !query.data.canEdit)
    return (
      <Result
        status="warning"
        title={query.isError ? missing : notEditable}
        extra={<Button onClick={() => navigate(back.to)}>{back.text}</Button>}
      />
    )
  return children(query.data)
}
