import { EnvironmentOutlined, ReloadOutlined, SendOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Popover,
  Progress,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { type ReactNode, useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { useJurisdictions } from '../../../shared/jurisdictions'
import { industryNameMap, useIndustrySystems } from '../../../shared/registry/industry-systems'
import { openLeadHint, useOpenLead } from '../../../shared/registry/open-lead'
import '../../../shared/registry/registry.css'
import { useCan } from '../../../shared/session'
import { useLeadFromMatch } from '../api/feedback'
import { matchQueryKey, useMatchRecord } from '../api/match-record'
import type { MatchRecordType, MatchSourceType, RecordMatchResult } from '../api/types'
import { JudgeButtons } from './judge-buttons'
import { partLabels, readableReason, viaLabels } from './why'

export type MatchTarget = { toType: MatchRecordType; label: string }

/** Where a result's record is shown in the workspace. */
const recordPath: Record<MatchRecordType, (id: string) => string> = {
  achievement: (id) => `/achievements/${id}`,
  demand: (id) => `/demands/${id}`,
  scenario: (id) => `/scenarios/${id}`,
  enterprise: (id) => `/enterprises/${id}`,
  carrier: (id) => `/carriers/${id}`,
}

/**
 * 匹配推荐 / 为什么推荐 of a record: for each kind of target a ranked list, each result with its score bar,
 * reasons, matched words, shared industry chain, TRL and distance; 有意向 / 不相关 teach the ranking, and
 * 有意向并联系 sends the owner a lead. The caller's own judgement is shown pressed (kept by the server, so it survives a
 * reload, and judged results stay listed however the ranking moves them); the list is asked again after each.
 */
export function MatchPanel({
  fromType,
  fromId,
  targets,
  title = '匹配推荐',
}: {
  fromType: MatchSourceType
  fromId: string
  targets: MatchTarget[]
  title?: string
}) {
  const [active, setActive] = useState(targets[0]?.toType)
  const queryClient = useQueryClient()
  const body = (target: MatchTarget) => (
    <MatchList fromType={fromType} fromId={fromId} toType={target.toType} active={active === target.toType} />
  )
  return (
    <Card
      size="small"
      data-testid="match-panel"
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
            onClick={() => void queryClient.invalidateQueries({ queryKey: ['match', fromType, fromId] })}
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
          onChange={(key) => setActive(key as MatchRecordType)}
          items={targets.map((target) => ({ key: target.toType, label: target.label, children: body(target) }))}
        />
      )}
    </Card>
  )
}

function MatchList({
  fromType,
  fromId,
  toType,
  active,
}: {
  fromType: MatchSourceType
  fromId: string
  toType: MatchRecordType
  active: boolean
}) {
  const match = useMatchRecord(fromType, fromId, toType, active)
  const names = useNames()
  if (match.isPending) return <Skeleton active paragraph={{ rows: 5 }} />
  if (match.isError) return <Alert type="error" showIcon message={`匹配失败：${errorMessage(match.error)}`} />
  const results = match.data.results
  // Scores are on the ranker's scale (a trained re-ranker may go past 1): the bar is relative to the best.
  const best = Math.max(...results.map((r) => r.score), Number.EPSILON)
  if (!results.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂未找到合适的匹配，完善关键词和产业分类后再试" />
  return (
    <div data-testid={`matches-${toType}`}>
      {results.map((result, index) => (
        <MatchItem
          key={result.id}
          rank={index + 1}
          result={result}
          share={result.score / best}
          source={{ fromType, fromId }}
          toType={toType}
          names={names}
          refreshing={match.isFetching}
        />
      ))}
    </div>
  )
}

type Names = { nameOf: (attribute: string, value: string) => string }

/** Industry codes and area codes by their Chinese names. */
function useNames(): Names {
  const systems = useIndustrySystems(undefined)
  const jurisdictions = useJurisdictions()
  return useMemo(() => {
    const industries = industryNameMap(systems.data?.items ?? [])
    const areas = new Map((jurisdictions.data?.items ?? []).map((j) => [j.code, j.fullName]))
    return {
      nameOf: (attribute: string, value: string) =>
        (attribute === 'industry' ? industries.get(value) : attribute === 'jurisdiction' ? areas.get(value) : value) ??
        value,
    }
  }, [systems.data, jurisdictions.data])
}

function MatchItem({
  rank,
  result,
  share,
  source,
  toType,
  names,
  refreshing,
}: {
  rank: number
  result: RecordMatchResult
  /** The score as a share of the best result's. */
  share: number
  source: { fromType: MatchSourceType; fromId: string }
  toType: MatchRecordType
  names: Names
  refreshing: boolean
}) {
  const { why } = result
  const score = Math.max(0, Math.min(100, Math.round(share * 100)))
  // The matched words are shown as tags (fields in their tooltips) instead of the first sentence.
  const reasons = result.reasons
    .filter((r) => !(r.startsWith('命中关键词：') && why.matchedTerms.length))
    .map((r) => readableReason(r, names.nameOf))
  return (
    <div className="fm-match-item" data-testid="match-result" data-id={result.id}>
      <div className="fm-match-head">
        <Space size={8} style={{ minWidth: 0, flex: '1 1 220px' }} align="start">
          <Tag color={rank <= 3 ? 'blue' : 'default'} bordered={false} style={{ marginInlineEnd: 0 }}>
            {rank}
          </Tag>
          <Link to={recordPath[toType](result.id)} style={{ fontWeight: 500 }} data-testid="match-title">
            {result.title}
          </Link>
        </Space>
        <div className="fm-score" title={`得分 ${result.score}，为最佳结果的 ${score}%`}>
          <Progress percent={score} size="small" showInfo={false} strokeColor={{ from: '#69a1ff', to: '#1456c8' }} />
          <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>相对匹配度 {score}%</Typography.Text>
        </div>
      </div>
      <ul className="fm-match-reasons" data-testid="match-reasons">
        {why.matchedTerms.length ? (
          <li>
            命中词：
            {why.matchedTerms.map((term) => (
              <Tooltip
                key={term.word}
                title={`出现在${term.fields.join('、')}${term.via !== 'exact' ? `（按${viaLabels[term.via] ?? term.via}匹配）` : ''}`}
              >
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
        {why.trl !== undefined ? <span>成果 TRL {why.trl}</span> : null}
        {why.distanceKm !== undefined ? (
          <span>
            <EnvironmentOutlined /> 约 {why.distanceKm} 公里
          </span>
        ) : null}
        <ScoreParts parts={why.parts} fields={why.fieldContributions} />
      </div>
      <FeedbackButtons source={source} toType={toType} result={result} refreshing={refreshing} />
    </div>
  )
}

function ScoreParts({ parts, fields }: { parts: Record<string, number>; fields: Record<string, number> }) {
  const entries = Object.entries(parts).filter(([, v]) => v !== 0)
  const fieldEntries = Object.entries(fields)
  if (!entries.length && !fieldEntries.length) return null
  const content: ReactNode = (
    <div style={{ minWidth: 220, fontSize: 12 }} data-testid="score-parts">
      {entries.length ? <Typography.Text strong>得分构成</Typography.Text> : null}
      {entries.map(([name, value]) => (
        <div key={name} style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
          <span>{partLabels[name] ?? name}</span>
          <span>{value > 0 ? `+${value}` : value}</span>
        </div>
      ))}
      {fieldEntries.length ? (
        <Typography.Text strong style={{ display: 'block', marginTop: 6 }}>
          文本得分来自
        </Typography.Text>
      ) : null}
      {fieldEntries.map(([name, value]) => (
        <div key={name} style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
          <span>{name}</span>
          <span>{value}</span>
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

function FeedbackButtons({
  source,
  toType,
  result,
  refreshing,
}: {
  source: { fromType: MatchSourceType; fromId: string }
  toType: MatchRecordType
  result: RecordMatchResult
  refreshing: boolean
}) {
  const { message } = App.useApp()
  const can = useCan()
  const queryClient = useQueryClient()
  const lead = useLeadFromMatch()
  const openLead = useOpenLead(toType, result.id)
  const [contact, setContact] = useState(false)
  const [note, setNote] = useState('')
  const refreshKey = matchQueryKey(source.fromType, source.fromId, toType)
  const sendLead = () =>
    lead.mutate(
      { ...source, toType, toId: result.id, message: note.trim() || undefined },
      {
        onSuccess: () => {
          setContact(false)
          message.success('意向已发送给对方，并记为正向反馈')
          void queryClient.invalidateQueries({ queryKey: ['leads'] })
          void queryClient.invalidateQueries({ queryKey: refreshKey })
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT') {
            setContact(false)
            message.info(error.message)
          } else message.error(errorMessage(error))
        },
      },
    )
  return (
    <JudgeButtons
      input={{ ...source, toType, toId: result.id }}
      judgement={result.judgement}
      refreshKey={refreshKey}
      refreshing={refreshing}
    >
      {can('lead.create') ? (
        <Tooltip title={openLead ? openLeadHint(openLead) : undefined}>
          <Button
            size="small"
            type="primary"
            ghost
            icon={<SendOutlined />}
            onClick={() => setContact(true)}
            disabled={!!openLead}
            data-testid="match-lead"
          >
            {openLead ? '已表达意向' : '有意向并联系'}
          </Button>
        </Tooltip>
      ) : null}
      <Modal
        title="有意向并联系"
        open={contact}
        okText="发送意向"
        cancelText="取消"
        confirmLoading={lead.isPending}
        onOk={sendLead}
        onCancel={() => setContact(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          向“{result.title}”的所属单位发送合作意向，对方将在“收到的意向”中看到并与您联系。
        </Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={500}
          showCount
          placeholder="简要说明合作设想（选填）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </JudgeButtons>
  )
}
