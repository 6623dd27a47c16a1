import { useNavigate, useSearchParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { useCompact } from '../../../shared/responsive'
import { ProjectForm } from '../components/project-form'

/** 申请概念验证 (`?achievement=` starts from that achievement, `?solicitation=` answers that call). */
export function ProjectApplyPage() {
  const navigate = useNavigate()
  const compact = useCompact()
  const [params] = useSearchParams()
  return (
    <Page title="申请概念验证" subTitle={compact ? undefined : '从本单位的科技成果出发，向概念验证中心申报项目'}>
      <ProjectForm
        achievementId={params.get('achievement') ?? undefined}
        solicitationId={params.get('solicitation') ?? undefined}
        onSaved={(project) => navigate(`/projects/${project.id}`)}
      />
    </Page>
  )
}
