import { App, Button, Card, Result } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page, PageLoading } from '../../../shared/page'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { useCompact } from '../../../shared/responsive'
import { useScenario } from '../api/get-scenario'
import { useCreateScenario, useUpdateScenario } from '../api/save-scenario'
import { ScenarioForm, type ScenarioValues, toInput } from '../components/scenario-form'

/** 发布应用场景: saved, then its page (with a warning and links when similar scenarios exist). */
export function ScenarioCreatePage() {
  const compact = useCompact()
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  const create = useCreateScenario()
  const submit = async (values: ScenarioValues) => {
    const saved = await create.mutateAsync({ ...toInput(values), ownerOrgId: values.ownerOrgId || undefined })
    const to = `/scenarios/${saved.scenario.id}`
    if (saved.duplicates.length) {
      modal.warning({
        title: '场景已发布，但发现相似场景',
        width: 560,
        content: (
          <DuplicateAlert
            duplicates={saved.duplicates}
            linkTo={(id) => `/scenarios/${id}`}
            title="请确认是否重复发布"
          />
        ),
        okText: '查看已发布的场景',
        onOk: () => navigate(to),
      })
    } else {
      message.success('场景已发布')
      navigate(to)
    }
  }
  return (
    <Page title="发布应用场景" subTitle={compact ? undefined : '带 * 的为必填项；发布后可在详情页查看匹配的科技成果'}>
      <Card>
        <ScenarioForm submitText="发布场景" onSubmit={submit} onCancel={() => navigate('/scenarios')} />
      </Card>
    </Page>
  )
}

export function ScenarioEditPage() {
  const compact = useCompact()
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const scenario = useScenario(id)
  const update = useUpdateScenario()
  if (scenario.isPending) return <PageLoading />
  if (scenario.isError || !scenario.data.canEdit)
    return (
      <Result
        status="warning"
        title={scenario.isError ? '场景不存在或无权查看' : '您不能编辑这个场景'}
        extra={<Button onClick={() => navigate('/scenarios')}>返回场景列表</Button>}
      />
    )
  const record = scenario.data
  const submit = async (values: ScenarioValues) => {
    await update.mutateAsync({
      id: record.id,
      ...toInput(values),
      version: record.version,
      note: values.note?.trim() || undefined,
    })
    message.success('修改已保存')
    navigate(`/scenarios/${record.id}`)
  }
  return (
    <Page title="编辑应用场景" subTitle={compact ? undefined : record.title}>
      <Card>
        <ScenarioForm
          scenario={record}
          submitText="保存修改"
          onSubmit={submit}
          onCancel={() => navigate(`/scenarios/${record.id}`)}
        />
      </Card>
    </Page>
  )
}
