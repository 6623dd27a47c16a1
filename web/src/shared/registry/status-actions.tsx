import { App, Button, Input, Modal, Space, Typography } from 'antd'
import { useState } from 'react'

/**
 * 状态流转 buttons of a registry record (需求 征集中 → 已对接 → 已关闭, 场景 征集中 ⇄ 已截止): only the moves the
 * server offers (`nextStatuses`), each with a reason the history keeps — required where the rule needs one.
 */
export function StatusActions<S extends string>({
  current,
  next,
  labels,
  actionLabels,
  needsReason,
  onChange,
  loading,
}: {
  current: S
  next: readonly S[]
  labels: Record<S, string>
  /** Button text per target status (标记为已对接, 关闭需求 …). */
  actionLabels: Record<S, string>
  needsReason: (from: S, to: S) => boolean
  onChange: (status: S, reason: string | undefined) => Promise<void>
  loading?: boolean
}) {
  const { message } = App.useApp()
  const [target, setTarget] = useState<S | null>(null)
  const [reason, setReason] = useState('')
  const required = target !== null && needsReason(current, target)
  const submit = async () => {
    if (!target) return
    const text = reason.trim()
    if (required && text.length < 2) {
      message.warning('请填写原因（至少 2 个字）')
      return
    }
    if (text && text.length < 2) {
      message.warning('原因至少 2 个字')
      return
    }
    try {
      await onChange(target, text || undefined)
      setTarget(null)
      setReason('')
    } catch {
      // the caller has shown the server's message
    }
  }
  if (!next.length) return null
  return (
    <>
      <Space wrap>
        {next.map((status) => (
          <Button key={status} onClick={() => setTarget(status)} data-testid={`status-${status}`}>
            {actionLabels[status]}
          </Button>
        ))}
      </Space>
      <Modal
        title={target ? `${actionLabels[target]}` : ''}
        open={target !== null}
        okText="确定"
        cancelText="取消"
        confirmLoading={loading}
        onOk={() => void submit()}
        onCancel={() => setTarget(null)}
        destroyOnHidden
      >
        {target ? (
          <Typography.Paragraph>
            状态将由“{labels[current]}”改为“{labels[target]}”，原因会记入修改记录{required ? '（必填）' : '（选填）'}。
          </Typography.Paragraph>
        ) : null}
        <Input.TextArea
          data-testid="status-reason"
          rows={3}
          maxLength={500}
          showCount
          placeholder={required ? '请说明原因，如：企业需求重新启动' : '如：已与某高校达成合作意向'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  )
}
