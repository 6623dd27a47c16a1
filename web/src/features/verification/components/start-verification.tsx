import { ProForm, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components'
import { Alert, App, Card, Col, Form, Row, Typography } from 'antd'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { formatFen, yuanToFen } from '../../../shared/money'
import type { useVerificationChanges } from '../api/change-verification'
import type { Project, VerificationType } from '../api/types'
import { stageLabels } from './labels'

const order: VerificationType[] = ['principle', 'technical', 'productScenario', 'commercial']
type Values = { firstStage: VerificationType; lastStage: VerificationType; skipReason?: string } & Partial<
  Record<VerificationType, number>
>

/** 开始验证: the stages the project needs (from the one that fits it), and each stage's budget tranche. */
export function StartVerification({
  project,
  changes,
}: {
  project: Project
  changes: ReturnType<typeof useVerificationChanges>
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const first = Form.useWatch('firstStage', form) ?? 'principle'
  const last = Form.useWatch('lastStage', form) ?? 'commercial'
  const requested = order.filter((s) => project.requestedTypes.includes(s))
  const options = order.map((s) => ({ value: s, label: stageLabels[s] }))
  const inPlan = order.filter(
    (s) => order.indexOf(s) >= order.indexOf(first) && order.indexOf(s) <= order.indexOf(last),
  )
  const values = Form.useWatch([], form) ?? {}
  const trancheTotalFen = inPlan.reduce((sum, s) => sum + yuanToFen(Number(values[s] ?? 0)), 0)
  const overBudget = trancheTotalFen > project.budgetFen
  return (
    <Card title="开始概念验证" size="small" data-testid="start-verification">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`项目预算 ${formatFen(project.budgetFen)}；申报的验证类型：${project.requestedTypeLabels.join('、') || '—'}`}
        description="从适合项目的阶段开始：原理验证 → 技术与工艺可行性验证 → 产品与场景验证 → 商业可行性验证。跳过前序阶段需说明原因；各阶段拨付合计不超过项目预算。"
      />
      <ProForm<Values>
        form={form}
        layout="vertical"
        initialValues={{
          firstStage: requested[0] ?? 'principle',
          lastStage: requested.at(-1) ?? 'commercial',
        }}
        submitter={{ searchConfig: { submitText: '开始验证' }, resetButtonProps: false }}
        onFinish={async (v) => {
          try {
            const tranches = Object.fromEntries(
              inPlan.filter((s) => v[s] !== undefined && v[s] !== null).map((s) => [s, yuanToFen(v[s] ?? 0)]),
            )
            await changes.start.mutateAsync({
              firstStage: v.firstStage,
              lastStage: v.lastStage,
              skipReason: v.firstStage === 'principle' ? undefined : v.skipReason,
              tranches,
            })
            message.success('验证已开始，项目进入“验证中”')
            return true
          } catch (error) {
            if (!showFieldErrors(form, error)) message.error(errorMessage(error))
            return false
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <ProFormSelect name="firstStage" label="起始阶段" options={options} allowClear={false} />
          </Col>
          <Col xs={24} md={12}>
            <ProFormSelect name="lastStage" label="结束阶段" options={options} allowClear={false} />
          </Col>
        </Row>
        {first !== 'principle' ? (
          <ProFormTextArea
            name="skipReason"
            label="跳过前序阶段的原因"
            rules={[{ required: true, message: '请说明跳过前序阶段的原因' }]}
            fieldProps={{ rows: 2 }}
          />
        ) : null}
        <Row gutter={16}>
          {inPlan.map((s) => (
            <Col xs={24} md={12} key={s}>
              <ProFormDigit name={s} label={`${stageLabels[s]}拨付（元）`} min={0} fieldProps={{ precision: 2 }} />
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type={overBudget ? 'danger' : 'secondary'} data-testid="tranche-total">
          阶段拨付合计 {formatFen(trancheTotalFen)}，项目预算 {formatFen(project.budgetFen)}
          {overBudget ? '：已超过项目预算，请调低拨付额度' : ''}
        </Typography.Paragraph>
      </ProForm>
    </Card>
  )
}
