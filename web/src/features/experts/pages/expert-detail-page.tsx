import { useLocation, useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useExpert } from '../api/get-expert'
import type { ExpertDuplicate } from '../api/types'
import { ExpertActions, ExpertDuplicates } from '../components/expert-actions'
import { ExpertProfile } from '../components/expert-profile'

export function ExpertDetailPage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const duplicates = (location.state as { duplicates?: ExpertDuplicate[] } | null)?.duplicates ?? []
  const query = useExpert(id)
  if (!query.data)
    return (
      <Page title="专家档案">
        <RecordState isPending={query.isPending} error={query.error} what="专家档案" backTo="/experts" />
      </Page>
    )
  return (
    <Page title="专家档案" content={<BackLink to="/experts" label="返回专家库" />}>
      {duplicates.length ? <ExpertDuplicates duplicates={duplicates} /> : null}
      <ExpertProfile expert={query.data} actions={<ExpertActions expert={query.data} />} />
    </Page>
  )
}
