import { Alert, Button, Result, Space, Tabs, Tag } from 'antd'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { Page, PageLoading } from '../../../shared/page'
import { DetailHeader } from '../../../shared/registry/detail-header'
import '../../../shared/registry/registry.css'
import { useCompact } from '../../../shared/responsive'
import { useCurrentUser } from '../../../shared/session'
import { useProject } from '../api/get-project'
import { ProjectActions } from '../components/project-actions'
import { ProjectStatusTag } from '../components/project-status-tag'
import { projectTabs } from '../components/project-tabs'

/** 项目详情: header with status and actions, then the tabs (概况, 进展记录, 评审意见, and those other features add). */
export function ProjectDetailPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const compact = useCompact()
  const user = useCurrentUser()
  const [params, setParams] = useSearchParams()
  const project = useProject(id)
  if (project.isPending) return <PageLoading />
  if (project.isError)
    return (
      <Page title="项目详情">
        <Result
          status="404"
          title="项目不存在或无权查看"
          subTitle="项目只对申报单位、负责中心、本市概念验证中心与科技管理部门，以及受邀评审的专家可见。"
          extra={<Button onClick={() => navigate('/projects')}>返回项目库</Button>}
        />
      </Page>
    )
  const p = project.data
  const context = { project: p, isApplicant: p.applicantOrgId === user.orgId }
  const tabs = projectTabs.filter((t) => t.visible?.(context) ?? true)
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key
  return (
    <Page title="项目详情" subTitle={compact ? undefined : p.centerOrgName}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <DetailHeader
          title={p.title}
          tags={
            <>
              <ProjectStatusTag status={p.status} label={p.statusLabel} />
              <Tag bordered={false}>{p.channelLabel}</Tag>
              {p.trl ? (
                <Tag bordered={false} color="geekblue">
                  TRL {p.trl}
                </Tag>
              ) : null}
            </>
          }
          meta={[p.applicantOrgName, `负责中心：${p.centerOrgName}`, `更新于 ${formatDate(p.updatedAt)}`]}
          actions={<ProjectActions project={p} isApplicant={context.isApplicant} />}
        />
        {p.statusNote && (p.status === 'returned' || p.status === 'rejected' || p.status === 'admitted') ? (
          <Alert
            type={p.status === 'admitted' ? 'success' : p.status === 'returned' ? 'warning' : 'error'}
            showIcon
            message={p.statusLabel}
            description={<span className="fm-detail-text">{p.statusNote}</span>}
            data-testid="status-note"
          />
        ) : null}
        <Tabs
          activeKey={active}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render(context) }))}
        />
      </Space>
    </Page>
  )
}
