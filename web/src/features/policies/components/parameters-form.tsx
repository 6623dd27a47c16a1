import { App, Button, Card, Form, Input, InputNumber, Space, Tag, Typography } from 'antd'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { fenToWan, wanToFen } from '../../../shared/money'
import { useSetParameters } from '../api/policies'
import type { Policy } from '../api/types'

type Parameter = Policy['parameters'][number]
const unitSuffix: Record<string, string> = {
  percent: '%',
  fen: '万元',
  fenPerUnit: '万元/个',
  years: '年',
  count: '个',
}
const isMoney = (p: Parameter) => p.unit === 'fen' || p.unit === 'fenPerUnit'
const shown = (p: Parameter) => (p.value === null ? undefined : isMoney(p) ? fenToWan(p.value) : p.value)

/**
 * 设定参数 (city officer): values for 待定 parameters (or a changed amount) and the city : district split, saved as a
 * new version of the policy with the basis (文件、会议纪要). Amounts are typed in 万元.
 */
export function ParametersForm({ policy, onSaved }: { policy: Policy; onSaved?: (p: Policy) => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const save = useSetParameters(policy.code)
  const split = (policy.definition.budget as { split: { level: string; share: number }[] | null }).split
  const initial = {
    ...Object.fromEntries(policy.parameters.map((p) => [p.key, shown(p)])),
    cityShare: split?.find((s) => s.level === 'city')?.share,
    districtShare: split?.find((s) => s.level === 'district')?.share,
  }
  const submit = async (values: Record<string, unknown>) => {
    const changed: Record<string, number> = {}
    for (const p of policy.parameters) {
      const v = values[p.key]
      if (typeof v !== 'number') continue
      const next = isMoney(p) ? wanToFen(v) : v
      if (next !== p.value) changed[p.key] = next
    }
    const shares = [
      { level: 'city' as const, share: values.cityShare },
      { level: 'district' as const, share: values.districtShare },
    ].filter((s): s is { level: 'city' | 'district'; share: number } => typeof s.share === 'number' && s.share > 0)
    const splitChanged =
      shares.length > 0 &&
      JSON.stringify(shares) !== JSON.stringify(split?.map((s) => ({ level: s.level, share: s.share })))
    try {
      const saved = await save.mutateAsync({
        values: changed,
        ...(splitChanged ? { split: shares } : {}),
        changeNote: String(values.changeNote ?? ''),
      })
      message.success(`已保存为第 ${saved.version} 版`)
      onSaved?.(saved)
    } catch (error) {
      if (!showFieldErrors(form, error)) message.error(errorMessage(error))
    }
  }
  return (
    <Card size="small" title="设定政策参数" data-testid="parameters-form">
      <Typography.Paragraph type="secondary">
        文件未规定的参数标注为“待定”。设定后形成政策第 {policy.version + 1}{' '}
        版，原版本保留在版本记录中；已提交的申请在审核时按新版本重新计算。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 560 }}>
        {policy.parameters.map((p) => (
          <Form.Item
            key={p.key}
            name={p.key}
            label={
              <Space size={4}>
                {p.label}
                {p.pending ? (
                  <Tag color="orange" bordered={false}>
                    待定
                  </Tag>
                ) : null}
              </Space>
            }
            extra={p.note ?? p.source}
          >
            <InputNumber
              min={0}
              max={p.unit === 'percent' ? 100 : undefined}
              precision={isMoney(p) ? undefined : p.unit === 'percent' ? 2 : 0}
              addonAfter={unitSuffix[p.unit]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        ))}
        <Form.Item
          label={
            <Space size={4}>
              资金分担比例（市级 : 区县级）
              {split ? null : (
                <Tag color="orange" bordered={false}>
                  待定
                </Tag>
              )}
            </Space>
          }
          extra={(policy.definition.budget as { splitSource?: string }).splitSource}
        >
          <Space.Compact>
            <Form.Item name="cityShare" noStyle>
              <InputNumber aria-label="市级份额" min={0} max={100} precision={0} addonBefore="市级" />
            </Form.Item>
            <Form.Item name="districtShare" noStyle>
              <InputNumber aria-label="区县级份额" min={0} max={100} precision={0} addonBefore="区县级" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="changeNote"
          label="设定依据"
          rules={[{ required: true, min: 2, message: '请说明设定依据（文件、会议纪要）' }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder="如：市科技局 2026 年第 5 次局务会议纪要" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存为新版本
        </Button>
      </Form>
    </Card>
  )
}
