import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { RecordActions } from '../../../shared/registry/record-actions'
import type { Expert, ExpertDuplicate } from '../api/types'
import { expertFieldLabels } from './labels'

export function ExpertActions({ expert }: { expert: Expert }) {
  return (
    <RecordActions
      apiPath="/experts"
      id={expert.id}
      noun="专家档案"
      archived={expert.archived}
      canEdit={expert.canEdit}
      editTo={`/experts/${expert.id}/edit`}
      queryRoot="experts"
      fieldLabels={expertFieldLabels}
    />
  )
}

export function ExpertDuplicates({ duplicates }: { duplicates: readonly ExpertDuplicate[] }) {
  return (
    <DuplicateAlert
      duplicates={duplicates.map((d) => ({
        id: d.id,
        title: `${d.name}${d.organizationName ? `（${d.organizationName}）` : ''}`,
        similarity: 1,
        reason: d.reason,
      }))}
      linkTo={(other) => `/experts/${other}`}
      title="已保存。发现同名同单位的专家档案，请确认不是重复登记"
    />
  )
}
