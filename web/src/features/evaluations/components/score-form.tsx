import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { clearServerProblems, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { useSaveReview } from '../api/invitations'
import type { InvitationDetail } from '../api/types'

type Values = { scores: Record<string, number | null>; comments: Record<string, string>; overallComment?: string }

/** 在线评分: 0–100 per criterion with a comment each, an overall comment; saved as a draft or submitted (final). */
export function ScoreForm({ invitation: i }: { invitation: InvitationDetail }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [problems, setProblems] = useState<Problem[]>([])
  const save = useSaveReview()
  const scores = Form.useWatch('scores', form) as Values['scores'] | undefined
  const weighted = i.criteria.reduce((s, c) => s + ((scores?.[c.key] ?? 0) * c.weight) / 100, 0)
  const complete = i.criteria.every((c) => typeof scores?.[c.key] === 'number')
  const labels = Object.fromEntries([
    ['overallComment', '综合意见'],
    ...i.criteria.map((c) => [c.key, c.name]),
    ['scores', '评分'],
    ['comments', '意见'],
  ])
  const submit = async (final: boolean) => {
    setProblems([])
    clearServerProblems(form)
    const v = form.getFieldsValue(true) as Values
    const picked = Object.fromEntries(
      Object.entries(v.scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'),
    )
    const comments = Object.fromEntries(Object.entries(v.comments ?? {}).filter(([, text]) => text?.trim()))
    try {
      await save.mutateAsync({
        id: i.id,
        scores: picked,
        comments,
        overallComment: v.overallComment?.trim() || undefined,
        submit: final,
      })
      message.success(final ? '评分已提交，感谢您的评审' : '已保存草稿')
    } catch (error) {
      setProblems(
        placeServerProblems(form, error, labels, (path) =>
          path[0] === 'scores' || path[0] === 'comments' ? [path[0], String(path[1])] : path,
        ),
      )
      message.error(errorMessage(error))
    }
  }
  return (
    <Card size="small" title="在线评分" data-testid="score-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ scores: i.scores, comments: i.comments, overallComment: i.overallComment ?? '' }}
      >
        {i.criteria.map((c) => (
          <Card
            key={c.key}
            type="inner"
            size="small"
            style={{ marginBottom: 12 }}
            title={`${c.name}（权重 ${c.weight}%）`}
          >
            {c.description ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {c.description}
              </Typography.Paragraph>
            ) : null}
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item name={['scores', c.key]} label="得分（0–100）" style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={100} precision={0} aria-label={`${c.name}得分`} style={{ width: 120 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={18}>
                <Form.Item name={['comments', c.key]} label="意见" style={{ marginBottom: 8 }}>
                  <Input.TextArea
                    rows={2}
                    maxLength={1000}
                    aria-label={`${c.name}意见`}
                    placeholder="该项的评价与建议（将匿名反馈给申报单位）"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        ))}
        <Form.Item name="overallComment" label="综合意见" extra="提交时需不少于 10 个字；意见将匿名反馈给申报单位">
          <Input.TextArea rows={4} maxLength={4000} showCount aria-label="综合意见" />
        </Form.Item>
        <Typography.Paragraph>
          加权得分：<Typography.Text strong>{weighted.toFixed(1)}</Typography.Text>
          {complete ? '' : '（尚有指标未评分）'}
        </Typography.Paragraph>
        <ProblemAlert problems={problems} />
        {save.isError && !problems.length ? (
          <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Space wrap>
          <Popconfirm
            title="提交评分？"
            description="提交后不能再修改。"
            okText="提交"
            cancelText="再看看"
            onConfirm={() => submit(true)}
          >
            <Button type="primary" loading={save.isPending}>
              提交评分
            </Button>
          </Popconfirm>
          <Button loading={save.isPending} onClick={() => void submit(false)}>
            保存草稿
          </Button>
        </Space>
      </Form>
    </Card>
  )
}
