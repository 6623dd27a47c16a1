import { Alert, App, Button, Form, Input, InputNumber, Modal, Typography } from 'antd'
import { useState } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { useRuleVersion, useSetParameters } from '../api/rules'

/**
 * 设定待定参数: the evaluation template's weights and full-marks values the documents leave open (待定) are set by
 * the city officer as a new version of the rules, effective from today; the indicator weights must add up to 100.
 */
export function PendingParametersButton({ ruleVersionId }: { ruleVersionId: string }) {
  const rule = useRuleVersion(ruleVersionId)
  const set = useSetParameters(ruleVersionId)
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<{ values: Record<string, number>; versionLabel: string; note: string }>()
  const [problem, setProblem] = useState<string>()
  const pending = (rule.data?.document.parameters ?? []).filter((p) => p.type === 'number' && p.value === null)
  if (!pending.length) return null
  async function ok() {
    const v = await form.validateFields()
    setProblem(undefined)
    try {
      await set.mutateAsync({ values: v.values, versionLabel: v.versionLabel.trim(), note: v.note.trim() })
      message.success('已设定参数，新版本规则自今日起施行')
      setOpen(false)
    } catch (error) {
      if (!showFieldErrors(form, error, ['versionLabel', 'note'])) setProblem(errorMessage(error))
    }
  }
  return (
    <>
      <Button onClick={() => setOpen(true)}>设定待定参数</Button>
      <Modal
        open={open}
        title="设定评价模板待定参数"
        okText="保存为新版本"
        cancelText="取消"
        width={640}
        okButtonProps={{ loading: set.isPending }}
        onOk={() => void ok()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          文件未给出的数值由市科技局设定，保存后形成“{rule.data?.name}”的新版本，自今日起施行；各指标分值合计应为 100。
        </Typography.Paragraph>
        <Form
          clearOnDestroy
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ versionLabel: '参数设定' }}
        >
          {pending.map((p) => (
            <Form.Item
              key={p.key}
              name={['values', p.key]}
              label={`${p.label}${p.unit ? `（${p.unit}）` : ''}`}
              extra={p.cite}
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item
            name="versionLabel"
            label="版本名称"
            rules={[{ required: true, whitespace: true, message: '请填写版本名称' }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="note"
            label="设定依据"
            rules={[{ required: true, whitespace: true, message: '请填写设定依据' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {problem ? <Alert type="error" showIcon message={problem} /> : null}
        </Form>
      </Modal>
    </>
  )
}
