import { App, Card } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { EditableRecord, useOpenSaved } from '../../../shared/registry/record-pages'
import { useCompact } from '../../../shared/responsive'
import { useScenario } from '../api/get-scenario'
import { useCreateScenario, useUpdateScenario } from '../api/save-scenario'
import type { Scenario } from '../api/types'
import { ScenarioForm, type ScenarioValues, toInput } from '../components/scenario-form'

/** 发布应用场景: saved, then its page (with a warning and links when similar scenarios exist). */
export function ScenarioCreatePage() {
  const compact = useCompact()
  const navigate = useNavigate()
  const create = useCreateScenario()
  const openSaved = useOpenSaved({
    basePath: '/scenarios',
    similarTitle: '场景已发布，但发现相似场景',
    confirm: '请确认是否重复发布',
    open: '查看已发布的场景',
    done: '场景已发布',
  })
  const submit = async (values: ScenarioValues) => {
    const saved = await create.mutateAsync({ ...toInput(values), ownerOrgId: values.ownerOrgId || undefined })
    openSaved(saved.scenario.id, saved.duplicates)
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
  const { id } = useParams()
  return (
    <EditableRecord
      query={useScenario(id)}
      missing="场景不存在或无权查看"
      notEditable="您不能编辑这个场景"
      back={{ to: '/scenarios', text: '返回场景列表' }}
    >
      {(record) => <EditScenario record={record} />}
    </EditableRecord>
  )
}

function EditScenario({ record }: { record: Scenario }) {
  const compact = useCompact()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const update = useUpdateScenario()
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
