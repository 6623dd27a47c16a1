import { Space } from 'antd'
import { useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useHandoff } from '../api/handoffs'
import { HandoffCard } from '../components/handoff-card'

/** One hand-off: the platform answers and runs the pilot here; the center handles findings. */
export function HandoffDetailPage() {
  const { id = '' } = useParams()
  const query = useHandoff(id)
  if (!query.data)
    return (
      <Page title="中试对接">
        <RecordState isPending={query.isPending} error={query.error} what="中试推送" backTo="/handoffs" />
      </Page>
    )
  return (
    <Page title="中试对接" content={<BackLink to="/handoffs" label="返回列表" />}>
      <Space direction="vertical" style={{ display: 'flex' }}>
        <HandoffCard handoff={query.data} showProject />
      </Space>
    </Page>
  )
}
