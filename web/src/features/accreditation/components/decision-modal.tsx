import { DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, isApiError } from '../../../shared/http'

export type DecisionValues = { note?: string; date?: string; choice?: string }

/**
 * One decision with its reason (退回修改、不予推荐、实地考察、异议处理、撤销…): the server's refusal is shown in the
 * dialog, in Chinese, under the field it names or above the buttons.
 */
export function DecisionModal({
  open,
  title,
  okText,
  noteLabel,
  noteRequired,
  noteMin = 2,
  dateLabel,
  dateField,
  choice,
  danger,
  onCancel,
  onSubmit,
}: {
  open: boolean
  title: string
  okText: string
  noteLabel: string
  noteRequired: boolean
  noteMin?: number
  dateLabel?: string
  /** The server's name of the date field (visitedOn, occurredOn), so its refusal shows under the picker. */
  dateField?: string
  choice?: { label: string; options: readonly { value: string; label: string }[] }
  danger?: boolean
  onCancel: () => void
  onSubmit: (values: DecisionValues) => Promise<unknown>
}) {
  const [form] = Form.useForm<{ note?: string; date?: Dayjs; choice?: string }>()
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  async function ok() {
    const v = await form.validateFields()
    setBusy(true)
    setProblem(undefined)
    try {
      await onSubmit({ note: v.note?.trim() || undefined, date: v.date?.format('YYYY-MM-DD'), choice: v.choice })
      form.resetFields()
    } catch (error) {
      const dated = isApiError(error) ? error.fields.find((f) => dateField && f.path === dateField) : undefined
      if (dated) form.setFields([{ name: 'date', errors: [dated.message] }])
      else if (!showFieldErrors(form, error, ['note', 'choice'])) setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void ok()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form clearOnDestroy form={form} layout="vertical" preserve={false}>
        {choice ? (
          <Form.Item name="choice" label={choice.label} rules={[{ required: true, message: `请选择${choice.label}` }]}>
            <Select options={choice.options.map((o) => ({ ...o }))} />
          </Form.Item>
        ) : null}
        {dateLabel ? (
          <Form.Item name="date" label={dateLabel} rules={[{ required: true, message: `请选择${dateLabel}` }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={noteLabel}
          rules={
            noteRequired
              ? [
                  { required: true, whitespace: true, message: `请填写${noteLabel}` },
                  { min: noteMin, message: `${noteLabel}至少 ${noteMin} 个字` },
                ]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {problem ? (
          <div role="alert" style={{ color: '#ff4d4f' }} data-testid="decision-problem">
            {problem}
          </div>
        ) : null}
      </Form>
    </Modal>
  )
}
