import { App, Button, Card, Result } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page, PageLoading } from '../../../shared/page'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { useCompact } from '../../../shared/responsive'
import { useDemand } from '../api/get-demand'
import { useCreateDemand, useUpdateDemand } from '../api/save-demand'
import { DemandForm, type DemandValues, toInput } from '../components/demand-form'

/** 发布技术需求: saved, then its page (with a warning and links when similar demands exist). */
export function DemandCreatePage() {
  const compact = useCompact()
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  const create = useCreateDemand()
  const submit = async (values: DemandValues) => {
    const saved = await create.mutateAsync({ ...toInput(values), ownerOrgId: values.ownerOrgId || undefined })
    const to = `/demands/${saved.demand.id}`
    if (saved.duplicates.length) {
      modal.warning({
        title: '需求已发布，但发现相似需求',
        width: 560,
        content: (
          <DuplicateAlert duplicates={saved.duplicates} linkTo={(id) => `/demands/${id}`} title="请确认是否重复发布" />
        ),
        okText: '查看已发布的需求',
        onOk: () => navigate(to),
      })
    } else {
      message.success('需求已发布')
      navigate(to)
    }
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
  const compact = useCompact()
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const demand = useDemand(id)
  const update = useUpdateDemand()
  if (demand.isPending) return <PageLoading />
  if (demand.isError || !demand.data.canEdit)
    return (
      <Result
        status="warning"
        title={demand.isError ? '需求不存在或无权查看' : '您不能编辑这条需求'}
        extra={<Button onClick={() => navigate('/demands')}>返回需求列表</Button>}
      />
    )
  const record = demand.data
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
