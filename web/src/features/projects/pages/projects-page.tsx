import { PlusOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { statusLabels } from '../components/labels'
import { ProjectTable } from '../components/project-table'

/**
 * 项目库 (1+N, seed 004 二(三)): a center works its own part and sees the city's pool; officers their area's; others
 * the projects they were given sight of.
 */
export function ProjectsPage() {
  const user = useCurrentUser()
  const isCenter = user.role === 'centerOperator'
  const [params, setParams] = useSearchParams()
  const scope = (params.get('scope') ?? (isCenter ? 'center' : 'all')) as 'center' | 'all'
  const status = statusFrom(params)
  const compact = useCompact()
  return (
    <Page title="项目库" subTitle={compact ? undefined : '概念验证项目库：申报、评价、验证、中试与落地全过程'}>
      <ProjectTable
        key={`${scope}:${status ?? ''}`}
        scope={scope}
        initialStatus={status}
        headerTitle="项目列表"
        tabs={
          isCenter
            ? [
                { key: 'center', label: '本中心项目' },
                { key: 'all', label: '全市项目库' },
              ]
            : undefined
        }
        onTab={(key) => setParams({ scope: key })}
        emptyText="暂无符合条件的项目"
      />
    </Page>
  )
}

/** A 待办 link's ?status=, if it names a status the pool knows. */
function statusFrom(params: URLSearchParams): string | undefined {
  const status = params.get('status')
  return status && status in statusLabels ? status : undefined
}

/** 我的项目: what the caller's organization applied for, and the way to apply. */
export function MyProjectsPage() {
  const navigate = useNavigate()
  const can = useCan()
  const [params] = useSearchParams()
  const status = statusFrom(params)
  return (
    <Page title="我的项目" subTitle="本单位申报的概念验证项目及其进展">
      <ProjectTable
        key={status ?? ''}
        scope="mine"
        initialStatus={status}
        headerTitle="本单位申报的项目"
        emptyText="还没有申报项目，可从本单位的科技成果出发申请概念验证"
        toolBar={
          can('project.apply')
            ? [
                <Button key="apply" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/apply')}>
                  申请概念验证
                </Button>,
              ]
            : []
        }
      />
    </Page>
  )
}
