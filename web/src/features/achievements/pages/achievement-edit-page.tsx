import { App, Button, Card, Result } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page, PageLoading } from '../../../shared/page'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { useCompact } from '../../../shared/responsive'
import { useAchievement } from '../api/get-achievement'
import { useCreateAchievement, useUpdateAchievement } from '../api/save-achievement'
import { AchievementForm, type AchievementValues, toInput } from '../components/achievement-form'

/** 录入科技成果: saved, then the record's page (with a warning and links when similar records exist). */
export function AchievementCreatePage() {
  const compact = useCompact()
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  const create = useCreateAchievement()
  const submit = async (values: AchievementValues) => {
    const saved = await create.mutateAsync({ ...toInput(values), ownerOrgId: values.ownerOrgId || undefined })
    const to = `/achievements/${saved.achievement.id}`
    if (saved.duplicates.length) {
      modal.warning({
        title: '成果已保存，但发现相似记录',
        width: 560,
        content: (
          <DuplicateAlert
            duplicates={saved.duplicates}
            linkTo={(id) => `/achievements/${id}`}
            title="请确认是否重复录入"
          />
        ),
        okText: '查看已保存的成果',
        onOk: () => navigate(to),
      })
    } else {
      message.success('成果已保存')
      navigate(to)
    }
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
  const compact = useCompact()
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const achievement = useAchievement(id)
  const update = useUpdateAchievement()
  if (achievement.isPending) return <PageLoading />
  if (achievement.isError || !achievement.data.canEdit)
    return (
      <Result
        status="warning"
        title={achievement.isError ? '成果不存在或无权查看' : '您不能编辑这项成果'}
        extra={<Button onClick={() => navigate('/achievements')}>返回成果列表</Button>}
      />
    )
  const record = achievement.data
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
