import { CalculatorOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import type { FileProof } from '../../../shared/file-digest'
import { FileProofInput } from '../../../shared/file-proof-input'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, http } from '../../../shared/http'
import { wanToFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useApply } from '../api/applications'
import { useCalculate, usePolicy } from '../api/policies'
import type { Policy, PolicyInput } from '../api/types'
import { ComputationView } from '../components/computation-view'
import { FactField, toFacts } from '../components/fact-field'
import { thisYear } from '../components/labels'

type CostRow = { fact?: string; reference?: string; description?: string; amountWan?: number }
type Values = Record<string, unknown> & {
  year: number
  carrierId?: string
  costItems?: CostRow[]
  note?: string
  evidence?: Record<string, FileProof | undefined>
}

function useOwnCarriers(policy: Policy | undefined) {
  const kinds = (policy?.definition.subject as { kinds?: string[] } | undefined)?.kinds ?? []
  return useQuery({
    queryKey: ['carriers', 'mine', 'apply', kinds.join(',')],
    queryFn: () =>
      http.get<{ items: { id: string; name: string; kindLabel: string }[] }>('/carriers', {
        owner: 'mine',
        kind: kinds.join(','),
        sort: 'name',
        pageSize: 100,
      }),
    enabled: policy?.subjectType === 'carrier',
  })
}

/** What the form holds, as the API's application (万元 → 分; proofs with their evidence key). */
function toApplication(policy: Policy, values: Values) {
  const declarable = policy.inputs.filter((i) => i.declarable && !i.itemized)
  return {
    policyCode: policy.code,
    year: values.year,
    ...(values.carrierId ? { carrierId: values.carrierId } : {}),
    declared: toFacts(declarable, values),
    costItems: (values.costItems ?? [])
      .filter((c) => c.fact && c.amountWan !== undefined)
      .map((c) => ({
        fact: c.fact ?? '',
        reference: c.reference ?? '',
        description: c.description ?? '',
        amountFen: wanToFen(c.amountWan ?? 0),
      })),
    evidence: policy.evidence.flatMap((e) => {
      const proof = values.evidence?.[e.key]
      return proof ? [{ key: e.key, ...proof }] : []
    }),
    ...(values.note ? { note: values.note } : {}),
  }
}

function CostItems({ itemized }: { itemized: PolicyInput[] }) {
  if (!itemized.length) return null
  return (
    <Card size="small" title="费用明细" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        按发票或合同逐项填报；同一笔费用不能在两项政策（或两次申请）中重复申报。
      </Typography.Paragraph>
      <Form.List name="costItems">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ display: 'flex' }}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={`第 ${i + 1} 项`}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label="删除费用项"
                    onClick={() => remove(field.name)}
                  />
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'fact']}
                      label="费用类别"
                      rules={[{ required: true, message: '请选择费用类别' }]}
                    >
                      <Select options={itemized.map((f) => ({ value: f.fact, label: f.label }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'amountWan']}
                      label="金额"
                      rules={[{ required: true, message: '请填写金额' }]}
                    >
                      <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'reference']}
                      label="发票号或合同号"
                      rules={[{ required: true, message: '请填写发票号或合同号' }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'description']}
                      label="费用说明"
                      rules={[{ required: true, message: '请说明费用内容' }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ fact: itemized[0]?.fact })}>
              添加费用项
            </Button>
          </Space>
        )}
      </Form.List>
    </Card>
  )
}

/** 在线申报: declared facts with evidence, cost items one by one, computed at once with the version in force. */
export function ApplyPage() {
  const { code = '' } = useParams()
  const query = usePolicy(code)
  const policy = query.data
  if (!policy)
    return (
      <Page title="在线申报">
        <RecordState isPending={query.isPending} error={query.error} what="政策" backTo="/policies" />
      </Page>
    )
  return (
    <Page title={`申报：${policy.title}`} content={<BackLink to={`/policies/${code}`} label="返回政策详情" />}>
      <ApplyForm policy={policy} />
    </Page>
  )
}

function ApplyForm({ policy }: { policy: Policy }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<Values>()
  const apply = useApply()
  const preview = useCalculate()
  const carriers = useOwnCarriers(policy)
  const declarable = policy.inputs.filter((i) => i.declarable && !i.itemized)
  const itemized = policy.inputs.filter((i) => i.itemized)
  const submit = async (values: Values) => {
    try {
      const created = await apply.mutateAsync(toApplication(policy, values))
      message.success(`已提交，测算金额 ${created.computation.amountText ?? '待定'}`)
      navigate(`/policies/applications/${created.id}`)
    } catch (error) {
      if (!showFieldErrors(form, error, ['year', 'carrierId', 'note'])) message.error(errorMessage(error))
    }
  }
  const estimate = async () => {
    const values = form.getFieldsValue(true) as Values
    const app = toApplication(policy, values)
    const sums: Record<string, number> = {}
    for (const c of app.costItems) sums[c.fact] = (sums[c.fact] ?? 0) + c.amountFen
    try {
      await preview.mutateAsync({
        policyCode: policy.code,
        year: values.year,
        carrierId: app.carrierId,
        facts: { ...app.declared, ...sums },
      })
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ year: thisYear(), costItems: itemized.length ? [{ fact: itemized[0]?.fact }] : [] }}
          onFinish={submit}
          data-testid="apply-form"
        >
          <Card size="small" title="申报主体与年度" style={{ marginBottom: 16 }}>
            <Form.Item name="year" label="申报年度" rules={[{ required: true, message: '请填写申报年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
            </Form.Item>
            {policy.subjectType === 'carrier' ? (
              <Form.Item
                name="carrierId"
                label="申报载体"
                rules={[{ required: true, message: '请选择本单位运营的载体' }]}
                extra="本政策以概念验证中心、中试平台等载体为对象"
              >
                <Select
                  loading={carriers.isPending}
                  placeholder="选择本单位运营的载体"
                  notFoundContent="本单位没有可申报的载体"
                  options={(carriers.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.name}（${c.kindLabel}）`,
                  }))}
                />
              </Form.Item>
            ) : (
              <Typography.Text type="secondary">以本单位名义申报。</Typography.Text>
            )}
          </Card>
          {declarable.length ? (
            <Card size="small" title="申报事项" style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                平台已有的数据以平台为准，这里只需填写平台没有的事项。
              </Typography.Paragraph>
              {declarable.map((input) => (
                <FactField key={input.fact} input={input} />
              ))}
            </Card>
          ) : null}
          <CostItems itemized={itemized} />
          {policy.evidence.length ? (
            <Card size="small" title="证明材料" style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                文件在本机计算 SHA-256 摘要后登记存证，原件由申报单位留存备查。
              </Typography.Paragraph>
              {policy.evidence.map((e) => (
                <Form.Item
                  key={e.key}
                  name={['evidence', e.key]}
                  label={e.label}
                  rules={[{ required: true, message: `请提供：${e.label}` }]}
                >
                  <FileProofInput testId={`evidence-${e.key}`} />
                </Form.Item>
              ))}
            </Card>
          ) : null}
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="note" label="补充说明">
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={apply.isPending}>
                提交申报
              </Button>
              <Button icon={<CalculatorOutlined />} onClick={estimate} loading={preview.isPending}>
                先测算
              </Button>
            </Space>
          </Card>
        </Form>
      </Col>
      <Col xs={24} xl={10}>
        {preview.data ? (
          <ComputationView computation={preview.data} title="申报前测算" />
        ) : (
          <Alert
            type="info"
            showIcon
            message="提交后平台按现行政策版本即时测算"
            description="测算会逐条列出条件判断和计算过程；区县审核、市级核定时按当时的政策版本和台账重新计算。"
          />
        )}
      </Col>
    </Row>
  )
}
