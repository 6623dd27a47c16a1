import { Card } from 'antd'
import { useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { roleOf, useSession } from '../../../shared/session'
import { useExpert } from '../api/get-expert'
import { ExpertForm } from '../components/expert-form'

export function ExpertCreatePage() {
  const compact = useCompact()
  const { data } = useSession()
  const self = roleOf(data?.user) === 'expert'
  return (
    <Page
      title={self ? '登记我的专家档案' : '登记专家'}
      subTitle={compact ? undefined : '带 * 的为必填项；回避信息仅用于评审遴选'}
      content={<BackLink to={self ? '/experts/me' : '/experts'} label={self ? '返回我的专家档案' : '返回专家库'} />}
    >
      <Card>
        <ExpertForm />
      </Card>
    </Page>
  )
}

export function ExpertEditPage() {
  const { id = '' } = useParams()
  const query = useExpert(id)
  if (!query.data)
    return (
      <Page title="编辑专家档案">
        <RecordState isPending={query.isPending} error={query.error} what="专家档案" backTo="/experts" />
      </Page>
    )
  const self = query.data.isSelf
  return (
    <Page
      title={self ? '编辑我的专家档案' : `编辑：${query.data.name}`}
      content={<BackLink to={self ? '/experts/me' : `/experts/${id}`} label="返回专家档案" />}
    >
      <Card>
        <ExpertForm key={`${id}:${query.data.version}`} expert={query.data} />
      </Card>
    </Page>
  )
}
