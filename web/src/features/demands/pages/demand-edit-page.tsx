import { App, Card } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { EditableRecord, useOpenSaved } from '../../../shared/registry/record-pages'
import { useCompact } from '../../../shared/responsive'
import { useDemand } from '../api/get-demand'
import { useCreateDemand, useUpdateDemand } from '../api/save-demand'
import type { Demand } from '../api/types'
import { DemandForm, type DemandValues, toInput } from '../components/demand-form'

/** 发布技术需求: saved, then its page (with a warning and links when similar demands exist). */
export function DemandCreatePage() {
  const compact = useCompact()
  const navigate = useNavigate()
  const create = useCreateDemand()
  const openSaved = useOpenSaved({
    basePath: '/demands',
    similarTitle: '需求已发布，但发现相似需求',
    confirm: '请确认是否重复发布',
    open: '查看已发布的需求',
    done: '需求已发布',
  })
  const submit = async (values: DemandValues) => {
    const saved = await create.mutateAsync({ ...toInput(values), ownerOrgId: values.ownerOrgId || undefined })
    openSaved(saved.demand.id, saved.duplicates)
  }
  return (
    <Page title="发布技术需求" subTitle={compact ? undefined : '带 * 的为必填项；发布后可在详情页查看匹配的科技成果'}>
      <Card>
        <DemandForm submitText="发布需求" onSubmit={submit} onCancel={() => navigate('/demands')} />
      </Card>
    </Page>
  )
}

export function DemandEditPage() {
  const { id } = useParams()
  return (
    <EditableRecord
      query={useDemand(id)}
      missing="需求不存在或无权查看"
      notEditable="您不能编辑这条需求"
      back={{ to: '/demands', text: '返回需求列表' }}
    >
      {(record) => <EditDemand record={record} />}
    </EditableRecord>
  )
}

function EditDemand({ record }: { record: Demand }) {
  const compact = useCompact()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const update = useUpdateDemand()
  const submit = async (values: DemandValues) => {
    await update.mutateAsync({
      id: record.id,
      ...toInput(values),
      version: record.version,
      note: values.note?.trim() || undefined,
    })
    message.success('修改已保存')
    navigate(`/demands/${record.id}`)
  }
  return (
    <Page title="编辑技术需求" subTitle={compact ? undefined : record.title}>
      <Card>
        <DemandForm
          demand={record}
          submitText="保存修改"
          onSubmit={submit}
          onCancel={() => navigate(`/demands/${record.id}`)}
        />
      </Card>
    </Page>
  )
}
