import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { useEvaluationDraft, useRecordEvaluation } from '../api/accreditations'
import type { EvaluationDraft } from '../api/types'
import { PendingParametersButton } from './pending-parameters'

type Indicator = EvaluationDraft['indicators'][number]
type Values = {
  participation: 'participated' | 'skipped'
  skipReason?: string
  goodReason?: boolean
  figures?: Record<string, { value?: number; source?: string }>
  scores?: Record<string, { score?: number; scorer?: 'expert' | 'thirdParty'; scorerName?: string }>
}

const mayEnterFigure = (i: Indicator) =>
  !!i.figure && (i.figure.value === null || i.figure.source.startsWith('认定申报'))

/**
 * 开展年度绩效评价 (市科技局): the template filled from the platform's records (with their sources), figures the
 * platform lacks entered with their source, and expert or third-party scores for the rest.
 */
export function EvaluationForm({ accreditationId }: { accreditationId: string }) {
  const lastYear = new Date().getFullYear() - 1
  const [year, setYear] = useState<number>()
  const draft = useEvaluationDraft(accreditationId, year)
  const record = useRecordEvaluation(accreditationId)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [problem, setProblem] = useState<string>()
  const participation = Form.useWatch('participation', form)

  async function save() {
    const v = await form.validateFields()
    setProblem(undefined)
    const figures = Object.fromEntries(
      Object.entries(v.figures ?? {})
        .filter(([, f]) => f?.value !== undefined && f.value !== null)
        .map(([k, f]) => [k, { value: f.value!, source: f.source ?? '' }]),
    )
    const scores = Object.fromEntries(
      Object.entries(v.scores ?? {})
        .filter(([, s]) => s?.score !== undefined && s.score !== null)
        .map(([k, s]) => [k, { score: s.score!, scorer: s.scorer ?? 'expert', scorerName: s.scorerName ?? '' }]),
    )
    try {
      await record.mutateAsync(
        v.participation === 'skipped'
          ? { year: year!, participation: 'skipped', skipReason: v.skipReason, goodReason: v.goodReason ?? false }
          : { year: year!, participation: 'participated', figures, scores },
      )
      message.success(`${year} 年度绩效评价已记录`)
      setYear(undefined)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  return (
    <Card size="small" title="开展年度绩效评价" data-testid="evaluation-form">
      <Space direction="vertical" size={12} style={{ display: 'flex' }}>
        <Select<number>
          aria-label="评价年度"
          placeholder="选择评价年度"
          style={{ width: 180 }}
          value={year}
          onChange={setYear}
          options={[lastYear + 1, lastYear, lastYear - 1].map((y) => ({ value: y, label: `${y} 年度` }))}
        />
        {draft.error ? <Alert type="warning" showIcon message={errorMessage(draft.error)} /> : null}
        {draft.data ? (
          <Form form={form} layout="vertical" initialValues={{ participation: 'participated' }}>
            <Typography.Paragraph type="secondary">
              依据 {draft.data.ruleVersion}。{draft.data.boundaryConvention}
            </Typography.Paragraph>
            {draft.data.pending.length ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message="评价模板尚有待定参数，须由市科技局设定后方可计分"
                description={draft.data.pending.join('；')}
                action={<PendingParametersButton ruleVersionId={draft.data.ruleVersionId} />}
              />
            ) : null}
            <Form.Item name="participation" label="参评情况">
              <Radio.Group
                options={[
                  { value: 'participated', label: '参加评价' },
                  { value: 'skipped', label: '未参加评价' },
                ]}
              />
            </Form.Item>
            {participation === 'skipped' ? (
              <>
                <Form.Item name="skipReason" label="未参加原因" rules={[{ required: true, message: '请填写原因' }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="goodReason" label="属于正当理由" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </>
            ) : (
              <Table<Indicator>
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={draft.data.indicators}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: '维度', dataIndex: 'dimension', width: 90 },
                  { title: '指标', dataIndex: 'label' },
                  { title: '分值', dataIndex: 'points', width: 70, render: (p: number | null) => p ?? '待定' },
                  {
                    title: '数值或评分',
                    render: (_, i) =>
                      i.figure && !mayEnterFigure(i) ? (
                        <Space direction="vertical" size={0}>
                          <Typography.Text strong>{i.figure.value?.toLocaleString('zh-CN')}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {i.figure.source}
                          </Typography.Text>
                        </Space>
                      ) : i.metric ? (
                        <Space direction="vertical" size={4}>
                          {i.figure ? (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {i.figure.value === null ? i.figure.source : `${i.figure.value}（${i.figure.source}）`}
                            </Typography.Text>
                          ) : null}
                          <Space.Compact>
                            <Form.Item name={['figures', i.metric, 'value']} noStyle>
                              <InputNumber min={0} placeholder="核实数值" aria-label={`${i.label}数值`} />
                            </Form.Item>
                            <Form.Item name={['figures', i.metric, 'source']} noStyle>
                              <Input placeholder="来源（年度报告等）" aria-label={`${i.label}来源`} />
                            </Form.Item>
                          </Space.Compact>
                        </Space>
                      ) : (
                        <Space.Compact>
                          <Form.Item name={['scores', i.key, 'score']} noStyle>
                            <InputNumber
                              min={0}
                              max={100}
                              precision={2}
                              placeholder="0–100"
                              aria-label={`${i.label}评分`}
                            />
                          </Form.Item>
                          <Form.Item name={['scores', i.key, 'scorer']} noStyle initialValue="expert">
                            <Select
                              style={{ width: 100 }}
                              options={[
                                { value: 'expert', label: '专家' },
                                { value: 'thirdParty', label: '第三方' },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item name={['scores', i.key, 'scorerName']} noStyle>
                            <Input placeholder="评分专家或机构" aria-label={`${i.label}评分方`} />
                          </Form.Item>
                        </Space.Compact>
                      ),
                  },
                ]}
              />
            )}
            {problem ? <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} /> : null}
            <Button type="primary" style={{ marginTop: 12 }} loading={record.isPending} onClick={() => void save()}>
              记录评价结果
            </Button>
          </Form>
        ) : null}
      </Space>
    </Card>
  )
}
