import { App, Card } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { EditableRecord, useOpenSaved } from '../../../shared/registry/record-pages'
import { useCompact } from '../../../shared/responsive'
import { useAchievement } from '../api/get-achievement'
import { useCreateAchievement, useUpdateAchievement } from '../api/save-achievement'
import type { Achievement } from '../api/types'
import { AchievementForm, type AchievementValues, toInput } from '../components/achievement-form'

/** 录入科技成果: saved, then the record's page (with a warning and links when similar records exist). */
export function AchievementCreatePage() {
  const compact = useCompact()
  const navigate = useNavigate()
  const create = useCreateAchievement()
  const openSaved = useOpenSaved({
    basePath: '/achievements',
    similarTitle: '成果已保存，但发现相似记录',
    confirm: '请确认是否重复录入',
    open: '查看已保存的成果',
    done: '成果已保存',
  })
  const submit = async (values: AchievementValues) => {
    const saved = await create.mutateAsync({ ...toInput(values), ownerOrgId: values.ownerOrgId || undefined })
    openSaved(saved.achievement.id, saved.duplicates)
  }
  return (
    <Page title="录入科技成果" subTitle={compact ? undefined : '带 * 的为必填项；保存后可继续编辑，修改会记入修改记录'}>
      <Card>
        <AchievementForm submitText="保存成果" onSubmit={submit} onCancel={() => navigate('/achievements')} />
      </Card>
    </Page>
  )
}

export function AchievementEditPage() {
  const { id } = useParams()
  return (
    <EditableRecord
      query={useAchievement(id)}
      missing="成果不存在或无权查看"
      notEditable="您不能编辑这项成果"
      back={{ to: '/achievements', text: '返回成果列表' }}
    >
      {(record) => <EditAchievement record={record} />}
    </EditableRecord>
  )
}

function EditAchievement({ record }: { record: Achievement }) {
  const compact = useCompact()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const update = useUpdateAchievement()
  const submit = async (values: AchievementValues) => {
    await update.mutateAsync({
      id: record.id,
      ...toInput(values),
      version: record.version,
      note: values.note?.trim() || undefined,
    })
    message.success('修改已保存')
    navigate(`/achievements/${record.id}`)
  }
  return (
    <Page title="编辑科技成果" subTitle={compact ? undefined : record.title}>
      <Card>
        <AchievementForm
          achievement={record}
          submitText="保存修改"
          onSubmit={submit}
          onCancel={() => navigate(`/achievements/${record.id}`)}
        />
      </Card>
    </Page>
  )
}
