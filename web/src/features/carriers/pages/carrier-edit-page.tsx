import { Card } from 'antd'
import { useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useCarrier } from '../api/get-carrier'
import { CarrierForm } from '../components/carrier-form'

export function CarrierCreatePage() {
  const compact = useCompact()
  return (
    <Page
      title="登记载体"
      subTitle={compact ? undefined : '带 * 的为必填项；专业型概念验证中心聚焦 1–2 个产业领域'}
      content={<BackLink to="/carriers" label="返回载体列表" />}
    >
      <Card>
        <CarrierForm />
      </Card>
    </Page>
  )
}

export function CarrierEditPage() {
  const { id = '' } = useParams()
  const query = useCarrier(id)
  if (!query.data)
    return (
      <Page title="编辑载体">
        <RecordState isPending={query.isPending} error={query.error} what="载体" backTo="/carriers" />
      </Page>
    )
  return (
    <Page title={`编辑：${query.data.name}`} content={<BackLink to={`/carriers/${id}`} label="返回载体详情" />}>
      <Card>
        <CarrierForm key={`${id}:${query.data.version}`} carrier={query.data} />
      </Card>
    </Page>
  )
}
