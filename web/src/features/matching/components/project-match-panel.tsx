import { ReloadOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  Collapse,
  Empty,
  Popover,
  Progress,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { type ReactNode, useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { roleOf, useSession } from '../../../shared/session'
import '../../../shared/registry/registry.css'
import { type ProjectMatches, type ProjectTarget, useProjectMatches } from '../api/match-project'
import { JudgeButtons } from './judge-buttons'
import { partLabels } from './why'

const targetLabels: Record<ProjectTarget, string> = {
  expert: '评审专家',
  carrier: '验证中心与中试平台',
  investor: '投资机构',
}

const emptyText: Record<ProjectTarget, string> = {
  expert: '暂未找到合适的专家，完善项目简介、产业和学科后再试',
  carrier: '暂未找到具备所需能力的概念验证中心或中试平台',
  investor: '暂无投资阶段和关注领域相符的投资机构',
}

/** Where a result's record is shown; investors have no page of their own yet. */
const recordPath: Record<ProjectTarget, ((id: string) => string) | undefined> = {
  expert: (id) => `/experts/${id}`,
  carrier: (id) => `/carriers/${id}`,
  investor: undefined,
}

const projectPartLabels: Record<string, string> = {
  ...partLabels,
  affinity: '与最匹配专家相比',
  stageFit: '投资阶段相符',
  fieldFit: '关注领域相符',
  ticketFit: '单笔投资额相符',
  areaFit: '投资地域相符',
}

/**
 * 匹配推荐 of a project: experts for its review (those with a conflict of interest listed apart, with the reason),
 * PoC centers and pilot platforms with the capabilities it needs (distance from its center), and investors once
 * it is verified — every result with 为什么推荐 and 有意向 / 不相关, which teach that kind's ranking. Use on the project page: `<ProjectMatchPanel projectId={id} />`.
 */
export function ProjectMatchPanel({
  projectId,
  managesProject = false,
  targets: only,
  title = '匹配推荐',
}: {
  projectId: string
  /** The caller's center is in charge of the project: it chooses the reviewers. */
  managesProject?: boolean
  targets?: ProjectTarget[]
  title?: string
}) {
  const { data: session } = useSession()
  const role = roleOf(session?.user)
  // Reviewers and their conflicts are for the center in charge and the officers (评审回避), as the server decides.
  const choosesReviewers = managesProject || role === 'cityOfficer' || role === 'districtOfficer'
  const targets = only ?? (choosesReviewers ? ['expert', 'carrier', 'investor'] : ['carrier', 'investor'])
  const [active, setActive] = useState<ProjectTarget | undefined>(targets[0])
  const queryClient = useQueryClient()
  const body = (target: ProjectTarget) => (
    <ProjectMatchList projectId={projectId} toType={target} active={active === target} />
  )
  return (
    <Card
      size="small"
      data-testid="project-match-panel"
      title={
        <Space>
          <ThunderboltOutlined style={{ color: '#1456c8' }} />
          {title}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            为什么推荐
          </Typography.Text>
        </Space>
      }
      extra={
        <Tooltip title="重新计算匹配">
          <Button
            type="text"
            size="small"
            icon={<ReloadOutlined />}
            aria-label="刷新匹配"
            onClick={() => void queryClient.invalidateQueries({ queryKey: ['match', 'project', projectId] })}
          />
        </Tooltip>
      }
    >
      {targets.length === 1 && targets[0] ? (
        body(targets[0])
      ) : (
        <Tabs
          size="small"
          activeKey={active}
          onChange={(key) => setActive(key as ProjectTarget)}
          items={targets.map((target) => ({ key: target, label: targetLabels[target], children: body(target) }))}
        />
      )}
    </Card>
  )
}

function ProjectMatchList({
  projectId,
  toType,
  active,
}: {
  projectId: string
  toType: ProjectTarget
  active: boolean
}) {
  const match = useProjectMatches(projectId, toType, active)
  if (match.isPending) return <Skeleton active paragraph={{ rows: 5 }} />
  if (match.isError) return <Alert type="error" showIcon message={`匹配失败：${errorMessage(match.error)}`} />
  const { results, excluded, note } = match.data
  // Scores are on the ranker's scale; a re-ranker trained from feedback may score below zero (then the floor).
  const floor = Math.min(0, ...results.map((r) => r.score))
  const span = Math.max(Math.max(...results.map((r) => r.score)) - floor, Number.EPSILON)
  return (
    <div data-testid={`project-matches-${toType}`}>
      {note ? <Alert type="info" showIcon message={note} style={{ marginBottom: 8 }} /> : null}
      {results.length === 0 && !note ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText[toType]} />
      ) : null}
      {results.map((result, index) => (
        <ProjectMatchItem
          key={result.id}
          rank={index + 1}
          result={result}
          share={(result.score - floor) / span}
          path={recordPath[toType]?.(result.id)}
          feedback={
            <JudgeButtons
              input={{ fromType: 'project', fromId: projectId, toType, toId: result.id }}
              judgement={result.judgement}
              refreshKey={['match', 'project', projectId, toType]}
              refreshing={match.isFetching}
            />
          }
        />
      ))}
      {excluded.length ? <ExcludedList items={excluded} /> : null}
    </div>
  )
}

type Result = ProjectMatches['results'][number]

function ProjectMatchItem({
  rank,
  result,
  share,
  path,
  feedback,
}: {
  rank: number
  result: Result
  share: number
  path: string | undefined
  /** 有意向 / 不相关 for this result. */
  feedback: ReactNode
}) {
  const score = Math.max(0, Math.min(100, Math.round(share * 100)))
  const terms = result.why.matchedTerms
  const reasons = result.reasons.filter((r) => !(r.startsWith('命中关键词：') && terms.length))
  return (
    <div className="fm-match-item" data-testid="match-result" data-id={result.id}>
      <div className="fm-match-head">
        <Space size={8} style={{ minWidth: 0, flex: '1 1 220px' }} align="start">
          <Tag color={rank <= 3 ? 'blue' : 'default'} bordered={false} style={{ marginInlineEnd: 0 }}>
            {rank}
          </Tag>
          <div style={{ minWidth: 0 }}>
            {path ? (
              <Link to={path} style={{ fontWeight: 500 }} data-testid="match-title">
                {result.title}
              </Link>
            ) : (
              <Typography.Text strong data-testid="match-title">
                {result.title}
              </Typography.Text>
            )}
            {result.subtitle ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {result.subtitle}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        </Space>
        <div className="fm-score" title={`得分 ${result.score}，为最佳结果的 ${score}%`}>
          <Progress percent={score} size="small" showInfo={false} strokeColor={{ from: '#69a1ff', to: '#1456c8' }} />
          <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>相对匹配度 {score}%</Typography.Text>
        </div>
      </div>
      <ul className="fm-match-reasons" data-testid="match-reasons">
        {terms.length ? (
          <li>
            命中词：
            {terms.map((term) => (
              <Tooltip key={term.word} title={`出现在${term.fields.join('、')}`}>
                <Tag bordered={false} color="gold" style={{ marginInlineEnd: 4 }}>
                  {term.word}
                </Tag>
              </Tooltip>
            ))}
          </li>
        ) : null}
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div className="fm-match-why">
        <ScoreParts parts={result.why.parts} />
      </div>
      {feedback}
    </div>
  )
}

function ScoreParts({ parts }: { parts: Record<string, number> }) {
  const entries = Object.entries(parts).filter(([, v]) => v !== 0)
  if (!entries.length) return null
  const content: ReactNode = (
    <div style={{ minWidth: 200, fontSize: 12 }} data-testid="score-parts">
      <Typography.Text strong>得分构成</Typography.Text>
      {entries.map(([name, value]) => (
        <div key={name} style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
          <span>{projectPartLabels[name] ?? name}</span>
          <span>{value > 0 ? `+${value}` : value}</span>
        </div>
      ))}
    </div>
  )
  return (
    <Popover content={content} trigger={['hover', 'click']}>
      <Typography.Link style={{ fontSize: 12 }}>得分构成</Typography.Link>
    </Popover>
  )
}

/** Experts matched by their fields but withdrawn for a conflict of interest (回避), each with the reason. */
function ExcludedList({ items }: { items: ProjectMatches['excluded'] }) {
  return (
    <Collapse
      size="small"
      ghost
      style={{ marginTop: 8 }}
      data-testid="match-excluded"
      items={[
        {
          key: 'excluded',
          label: (
            <Space>
              <StopOutlined style={{ color: '#cf1322' }} />
              因利益冲突回避（{items.length} 位）
            </Space>
          ),
          children: items.map((item) => (
            <div key={item.id} className="fm-match-item" data-testid="excluded-result">
              <Typography.Text delete type="secondary">
                {item.title}
              </Typography.Text>
              {item.subtitle ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {item.subtitle}
                </Typography.Text>
              ) : null}
              <ul className="fm-match-reasons">
                {item.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )),
        },
      ]}
    />
  )
}
