import { Button, Result, Space, Tabs, Tag } from 'antd'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { Page, PageLoading } from '../../../shared/page'
import { DetailHeader } from '../../../shared/registry/detail-header'
import '../../../shared/registry/registry.css'
import { useRound } from '../api/rounds'
import { AssignmentPanel } from '../components/assignment-panel'
import { ProgressPanel } from '../components/progress-panel'
import { ResultsPanel } from '../components/results-panel'
import { SettingsPanel } from '../components/settings-panel'

/** One round for its organizer: 专家分配, 评审进度, 结果排名 with 入库 decisions, 轮次设置. */
export function RoundDetailPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const round = useRound(id)
  if (round.isPending) return <PageLoading />
  if (round.isError)
    return (
      <Page title="入库评价">
        <Result
          status="404"
          title="评价轮次不存在或无权查看"
          extra={<Button onClick={() => navigate('/evaluation-rounds')}>返回评价轮次</Button>}
        />
      </Page>
    )
  const r = round.data
  const tab = params.get('tab') ?? 'assignment'
  return (
    <Page title="入库评价">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <DetailHeader
          title={r.title}
          tags={
            <>
              <Tag color={r.status === 'open' ? 'processing' : 'default'}>{r.statusLabel}</Tag>
              {r.criteriaLocked ? <Tag color="orange">指标已锁定</Tag> : <Tag>指标可修改</Tag>}
            </>
          }
          meta={[
            r.centerOrgName,
            `截止 ${r.deadline}`,
            `${r.projects} 个项目 · 每项目 ${r.reviewersPerProject} 名专家 · 每位专家上限 ${r.defaultCap} 项`,
            `已决定 ${r.decided}/${r.projects}`,
          ]}
        />
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'assignment', label: '专家分配', children: <AssignmentPanel round={r} /> },
            { key: 'progress', label: '评审进度', children: <ProgressPanel round={r} /> },
            { key: 'results', label: '结果排名', children: <ResultsPanel round={r} /> },
            { key: 'settings', label: '轮次设置', children: <SettingsPanel round={r} /> },
          ]}
        />
      </Space>
    </Page>
  )
}
