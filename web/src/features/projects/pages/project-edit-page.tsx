import { Button, Result } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { Page, PageLoading } from '../../../shared/page'
import { useProject } from '../api/get-project'
import { ProjectForm } from '../components/project-form'

/** 修改项目: the applicant corrects a draft or a project the center returned, then submits it again. */
export function ProjectEditPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const project = useProject(id)
  if (project.isPending) return <PageLoading />
  if (project.isError || !project.data.canEdit)
    return (
      <Page title="修改项目">
        <Result
          status="warning"
          title="该项目当前不能修改"
          subTitle="只有申报单位可以修改草稿或被退回修改的项目。"
          extra={<Button onClick={() => navigate(id ? `/projects/${id}` : '/my-projects')}>返回项目</Button>}
        />
      </Page>
    )
  const p = project.data
  return (
    <Page title="修改项目" subTitle={p.statusNote ? `退回意见：${p.statusNote}` : undefined}>
      <ProjectForm project={p} onSaved={(saved) => navigate(`/projects/${saved.id}`)} />
    </Page>
  )
}
