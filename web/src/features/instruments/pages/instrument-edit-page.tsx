import { Card } from 'antd'
import { useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useInstrument } from '../api/get-instrument'
import { InstrumentForm } from '../components/instrument-form'

export function InstrumentCreatePage() {
  const compact = useCompact()
  return (
    <Page
      title="登记仪器设备"
      subTitle={compact ? undefined : '带 * 的为必填项；仪器登记在载体名下，由载体运营机构维护'}
      content={<BackLink to="/instruments" label="返回仪器设备共享" />}
    >
      <Card>
        <InstrumentForm />
      </Card>
    </Page>
  )
}

export function InstrumentEditPage() {
  const { id = '' } = useParams()
  const query = useInstrument(id)
  if (!query.data)
    return (
      <Page title="编辑仪器设备">
        <RecordState isPending={query.isPending} error={query.error} what="仪器设备" backTo="/instruments" />
      </Page>
    )
  return (
    <Page title={`编辑：${query.data.name}`} content={<BackLink to={`/instruments/${id}`} label="返回仪器详情" />}>
      <Card>
        <InstrumentForm key={`${id}:${query.data.version}`} instrument={query.data} />
      </Card>
    </Page>
  )
}
