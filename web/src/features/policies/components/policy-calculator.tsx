import { CalculatorOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd'
import { useEffect, useMemo } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, http } from '../../../shared/http'
import { useCalculate, usePolicies } from '../api/policies'
import type { Policy } from '../api/types'
import { ComputationView, PendingParameters } from './computation-view'
import { FactField, toFacts } from './fact-field'
import { thisYear } from './labels'

type OwnCarrier = { id: string; name: string; kind: string }

/** The caller's own PoC centers and pilot platforms (a carrier policy computes on one of them). */
function useOwnCarriers(enabled: boolean) {
  return useQuery({
    queryKey: ['carriers', 'mine', 'policy'],
    queryFn: () => http.get<{ items: OwnCarrier[] }>('/carriers', { owner: 'mine', sort: 'name', pageSize: 100 }),
    enabled,
  })
}

/** Sensible what-if starting values: the policy's own subject kind and area. */
function defaultsOf(policy: Policy): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const input of policy.inputs) {
    if (input.fact.endsWith('.kind') && input.options?.[0]) out[input.fact] = input.options[0].value
    if (input.fact.endsWith('.jurisdiction')) out[input.fact] = policy.jurisdictionCode
  }
  return out
}

/** 待定 parameters the amount depends on (the annual budget being open does not change an entity's amount). */
function amountParameters(policy: Policy) {
  const budgetKey = (policy.definition.budget as { annual?: string } | undefined)?.annual
  return policy.pendingParameters.filter((p) => p.key !== budgetKey)
}

/**
 * 政策计算器 (what-if): pick a policy and a year, enter the numbers, see the amount with every step. A visitor
 * computes on assumptions only; a signed-in applicant's own platform data and ledger are used, assumptions on top.
 */
export function PolicyCalculator({
  code,
  onCodeChange,
  signedIn,
}: {
  code: string | undefined
  onCodeChange: (code: string) => void
  signedIn: boolean
}) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const policies = usePolicies()
  const calculate = useCalculate()
  const choices = (policies.data?.items ?? []).filter((p) => p.kind !== 'voucher')
  const policy = useMemo(() => choices.find((p) => p.code === code), [choices, code])
  const carriers = useOwnCarriers(signedIn && policy?.subjectType === 'carrier')
  useEffect(() => {
    if (!policy) return
    form.resetFields()
    form.setFieldsValue({ year: thisYear(), ...defaultsOf(policy) })
    calculate.reset()
  }, [policy?.code, policy?.version])
  const submit = async (values: Record<string, unknown>) => {
    if (!policy) return
    try {
      await calculate.mutateAsync({
        policyCode: policy.code,
        year: values.year as number,
        carrierId: (values.carrierId as string | undefined) || undefined,
        facts: toFacts(policy.inputs, values),
      })
    } catch (error) {
      if (!showFieldErrors(form, error)) message.error(errorMessage(error))
    }
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title="测算条件" size="small">
          <Form form={form} layout="vertical" onFinish={submit} data-testid="calculator-form" requiredMark={false}>
            <Form.Item label="政策" required>
              <Select
                aria-label="政策"
                data-testid="calculator-policy"
                showSearch
                optionFilterProp="label"
                placeholder="选择要测算的政策"
                value={policy?.code}
                onChange={onCodeChange}
                loading={policies.isPending}
                options={choices.map((p) => ({ value: p.code, label: `${p.title}（${p.jurisdictionName}）` }))}
              />
            </Form.Item>
            {policy ? (
              <>
                <Form.Item name="year" label="申报年度" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
                </Form.Item>
                {signedIn && policy.subjectType === 'carrier' && (carriers.data?.items.length ?? 0) > 0 ? (
                  <Form.Item
                    name="carrierId"
                    label="本单位载体"
                    extra="选择后以该载体在平台上的数据和已获支持额度测算；不选则只按下面填写的假设测算"
                  >
                    <Select
                      allowClear
                      placeholder="不选择"
                      options={carriers.data?.items.map((c) => ({ value: c.id, label: c.name }))}
                    />
                  </Form.Item>
                ) : null}
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  填写要测算的情况（假设值优先于平台数据）；金额单位为万元。
                </Typography.Paragraph>
                {policy.inputs.map((input) => (
                  <FactField key={input.fact} input={input} extra={input.declarable ? undefined : '平台数据，可假设'} />
                ))}
                <PendingParameters items={amountParameters(policy)} />
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<CalculatorOutlined />}
                  loading={calculate.isPending}
                  block
                  style={{ marginTop: 12 }}
                >
                  开始测算
                </Button>
              </>
            ) : null}
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {calculate.data ? (
          <ComputationView computation={calculate.data} />
        ) : (
          <Card size="small">
            <Space direction="vertical">
              <Typography.Text strong>如何使用</Typography.Text>
              <Typography.Text type="secondary">
                选择政策，填写主体类型、所在地区和投入、收入等数字，点击“开始测算”。结果逐步列出条件判断与计算过程、所依据的政策版本；文件未规定的参数标注为“待定”，不会替您编造金额。
              </Typography.Text>
              {policy?.automatic ? (
                <Alert
                  type="success"
                  showIcon
                  message="本政策免申即享：符合条件的主体无需申报，由主管部门依平台数据直接办理。"
                />
              ) : null}
            </Space>
          </Card>
        )}
      </Col>
    </Row>
  )
}
