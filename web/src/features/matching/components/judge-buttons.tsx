import { DislikeFilled, DislikeOutlined, LikeFilled, LikeOutlined } from '@ant-design/icons'
import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { App, Button, Space } from 'antd'
import { type ReactNode, useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { useCan } from '../../../shared/session'
import { type JudgedResult, type MatchJudgement, useSendFeedback } from '../api/feedback'

/**
 * 有意向 / 不相关 on one match result, the caller's judgement shown as the pressed button (the server's, or the one
 * just given); the list behind `refreshKey` is asked again after a judgement. `children` join the same row.
 */
export function JudgeButtons({
  input,
  judgement,
  refreshKey,
  refreshing,
  children,
}: {
  input: JudgedResult
  judgement?: MatchJudgement
  refreshKey: QueryKey
  refreshing: boolean
  children?: ReactNode
}) {
  const { message } = App.useApp()
  const can = useCan()
  const queryClient = useQueryClient()
  const feedback = useSendFeedback()
  const [given, setGiven] = useState<MatchJudgement>()
  if (!can('match.feedback')) return null
  const marked = given ?? judgement
  const judge = (kind: MatchJudgement) =>
    feedback.mutate(
      { ...input, kind },
      {
        onSuccess: () => {
          setGiven(kind)
          message.success(kind === 'interested' ? '已记录“有意向”，推荐将据此调整' : '已记录“不相关”，推荐将据此调整')
          void queryClient.invalidateQueries({ queryKey: refreshKey })
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    )
  const busy = feedback.isPending || refreshing
  return (
    <Space size={4} wrap style={{ marginTop: 8 }} data-testid="match-feedback" data-judgement={marked ?? ''}>
      <Button
        size="small"
        type={marked === 'interested' ? 'primary' : 'default'}
        icon={marked === 'interested' ? <LikeFilled /> : <LikeOutlined />}
        aria-pressed={marked === 'interested'}
        loading={feedback.isPending && feedback.variables?.kind === 'interested'}
        disabled={busy}
        onClick={() => judge('interested')}
        data-testid="feedback-interested"
      >
        {marked === 'interested' ? '已标记有意向' : '有意向'}
      </Button>
      <Button
        size="small"
        danger={marked === 'irrelevant'}
        icon={marked === 'irrelevant' ? <DislikeFilled /> : <DislikeOutlined />}
        aria-pressed={marked === 'irrelevant'}
        loading={feedback.isPending && feedback.variables?.kind === 'irrelevant'}
        disabled={busy}
        onClick={() => judge('irrelevant')}
        data-testid="feedback-irrelevant"
      >
        {marked === 'irrelevant' ? '已标记不相关' : '不相关'}
      </Button>
      {children}
    </Space>
  )
}
