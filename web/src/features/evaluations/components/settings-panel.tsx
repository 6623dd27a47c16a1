import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { useUpdateRound } from '../api/rounds'
import type { RoundDetail } from '../api/types'
import { type CapOverrideRow, CapOverridesEditor, capOverridesInput } from './cap-overrides'
import { CriteriaEditor, criteriaInput } from './criteria-editor'

type Values = {
  title: string
  criteria: { key?: string; name: string; weight: number; description?: string | null }[]
  reviewersPerProject: number
  defaultCap: number
  capOverrides: CapOverrideRow[]
  deadline: Dayjs
  reminderWorkdays: number
  outlierThreshold: number
  admissionThreshold: number | null
}

const labels: Record<string, string> = {
  title: '轮次名称',
  criteria: '评价指标',
  reviewersPerProject: '每个项目评审专家人数',
  defaultCap: '每位专家评审上限',
  capOverrides: '单独上限',
  deadline: '评审截止日期',
  reminderWorkdays: '截止前提醒',
  outlierThreshold: '异常评分阈值',
  admissionThreshold: '入库分数线',
}

/** 轮次设置: editable while the round is open; criteria and weights only until the first score is saved. */
export function SettingsPanel({ round }: { round: RoundDetail }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [problems, setProblems] = useState<Problem[]>([])
  const update = useUpdateRound()
  const open = round.status === 'open'
  const known = useMemo(() => {
    const names = new Map<string, string>()
    for (const i of round.items) for (const a of i.assignments) names.set(a.expertId, a.expertName)
    for (const r of round.pairRules) names.set(r.expertId, r.expertName)
    return [...names].map(([value, label]) => ({ value, label }))
  }, [round])
  const save = async (v: Values) => {
    setProblems([])
    try {
      await update.mutateAsync({
        id: round.id,
        version: round.version,
        title: v.title,
        ...(round.criteriaLocked ? {} : { criteria: criteriaInput(v.criteria) }),
        reviewersPerProject: v.reviewersPerProject,
        defaultCap: v.defaultCap,
        capOverrides: capOverridesInput(v.capOverrides),
        deadline: v.deadline.format('YYYY-MM-DD'),
        reminderWorkdays: v.reminderWorkdays,
        outlierThreshold: v.outlierThreshold,
        admissionThreshold: v.admissionThreshold ?? null,
      })
      message.success('设置已保存')
    } catch (error) {
      setProblems(placeServerProblems(form, error, labels))
      message.error(errorMessage(error))
    }
  }
  return (
    <Form<Values>
      key={round.version}
      form={form}
      layout="vertical"
      disabled={!open}
      onFinish={save}
      initialValues={{
        title: round.title,
        criteria: round.criteria,
        reviewersPerProject: round.reviewersPerProject,
        defaultCap: round.defaultCap,
        capOverrides: Object.entries(round.capOverrides).map(([expertId, cap]) => ({ expertId, cap })),
        deadline: dayjs(round.deadline),
        reminderWorkdays: round.reminderWorkdays,
        outlierThreshold: round.outlierThreshold,
        admissionThreshold: round.admissionThreshold,
      }}
    >
      {!open ? (
        <Alert type="info" showIcon message="本轮评价已结束，设置不能再修改" style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" title="评价指标与权重" style={{ marginBottom: 16 }}>
        <CriteriaEditor locked={round.criteriaLocked} />
      </Card>
      <Card size="small" title="轮次设置" style={{ marginBottom: 16 }}>
        <Form.Item name="title" label="轮次名称" rules={[{ required: true, min: 4, message: '轮次名称至少 4 个字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="reviewersPerProject" label="每个项目评审专家人数">
              <InputNumber min={1} max={9} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="defaultCap" label="每位专家评审上限">
              <InputNumber min={1} max={50} precision={0} suffix="个项目" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="deadline" label="评审截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="reminderWorkdays" label="截止前提醒（工作日）">
              <InputNumber min={1} max={20} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="outlierThreshold" label="异常评分阈值">
              <InputNumber min={1} max={100} suffix="分" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="admissionThreshold" label="入库分数线">
              <InputNumber min={0} max={100} suffix="分" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="单独上限">
          <CapOverridesEditor known={known} />
        </Form.Item>
      </Card>
      <ProblemAlert problems={problems} />
      {open ? (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存设置
        </Button>
      ) : null}
    </Form>
  )
}
