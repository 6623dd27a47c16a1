import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { fenToWan, formatFen, wanToFen } from '../../../shared/money'
import { useApplicationActions } from '../api/applications'
import type { ApplicationDetail } from '../api/types'

type ReviewValues = { decision: 'approve' | 'return' | 'reject'; note?: string; amountWan?: number }

/** 区县审核 / 市级核定: approve, return for correction or reject — a reason for anything but a plain approval. */
export function ReviewButton({
  application: a,
  stage,
}: {
  application: ApplicationDetail
  stage: 'district' | 'city'
}) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<ReviewValues>()
  const { review } = useApplicationActions(a.id)
  const decision = Form.useWatch('decision', form)
  const computed = a.computation.amountFen
  const submit = async (values: ReviewValues) => {
    const amountFen =
      stage === 'city' && values.decision === 'approve' && values.amountWan !== undefined && values.amountWan !== null
        ? wanToFen(values.amountWan)
        : undefined
    try {
      const after = await review.mutateAsync({
        decision: values.decision,
        version: a.version,
        ...(values.note ? { note: values.note } : {}),
        ...(amountFen !== undefined && amountFen !== computed ? { amountFen } : {}),
      })
      message.success(`已办理：${after.statusLabel}`)
      setOpen(false)
    } catch (error) {
      if (!showFieldErrors(form, error, ['decision', 'note'])) message.error(errorMessage(error))
    }
  }
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="review">
        {stage === 'district' ? '区县审核' : '市级审核核定'}
      </Button>
      <Modal
        title={stage === 'district' ? '区县审核' : '市级审核（核定金额）'}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="提交审核意见"
        confirmLoading={review.isPending}
        destroyOnHidden
      >
        <Form<ReviewValues>
          clearOnDestroy
          form={form}
          layout="vertical"
          initialValues={{ decision: 'approve', amountWan: computed === null ? undefined : fenToWan(computed) }}
          onFinish={submit}
          preserve={false}
        >
          <Typography.Paragraph type="secondary">
            审核时按现行政策版本和台账重新测算：{a.computation.summary || a.computation.statusLabel}
          </Typography.Paragraph>
          <Form.Item name="decision" label="审核结论">
            <Radio.Group>
              <Radio value="approve">通过</Radio>
              <Radio value="return">退回修改</Radio>
              <Radio value="reject">不予通过</Radio>
            </Radio.Group>
          </Form.Item>
          {stage === 'city' && decision === 'approve' ? (
            <Form.Item
              name="amountWan"
              label="核定金额"
              extra={`测算金额 ${computed === null ? '待定' : formatFen(computed)}；核减须说明理由`}
            >
              <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="note"
            label="审核意见"
            rules={[{ required: decision !== 'approve', message: '退回或不予通过须说明理由' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

type PayValues = { financeLevel: 'city' | 'district'; amountWan: number; paidOn: Dayjs; reference: string }

/** A calendar date in Asia/Shanghai, where the server dates payments (the browser may sit in another time zone). */
const shanghaiDate = (at: string | number) =>
  dayjs(new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10))

/** 拨付 by one level of finance, up to what that level has committed and not yet paid. */
export function PayButton({ application: a }: { application: ApplicationDetail }) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<PayValues>()
  const { pay } = useApplicationActions(a.id)
  const owed = (level: string | null) =>
    a.ledger.filter((l) => l.financeLevel === level && l.kind === 'commitment').reduce((s, l) => s + l.amountFen, 0) -
    a.ledger.filter((l) => l.financeLevel === level && l.kind === 'payment').reduce((s, l) => s + l.amountFen, 0)
  const levels = (['city', 'district'] as const).filter((l) => owed(l) > 0)
  const first = levels[0] ?? 'district'
  // Paid between the city's approval (核定) and today: the server refuses any other date.
  const today = shanghaiDate(Date.now())
  const approval = a.events.findLast((e) => e.fromStatus === 'districtApproved' && e.toStatus === 'approved')
  const approvedOn = approval ? shanghaiDate(approval.createdAt) : null
  const submit = async (values: PayValues) => {
    try {
      const after = await pay.mutateAsync({
        financeLevel: values.financeLevel,
        amountFen: wanToFen(values.amountWan),
        paidOn: values.paidOn.format('YYYY-MM-DD'),
        reference: values.reference,
        version: a.version,
      })
      message.success(`已登记拨付，累计已拨付 ${formatFen(after.paidFen)}`)
      setOpen(false)
    } catch (error) {
      if (!showFieldErrors(form, error, ['financeLevel', 'paidOn', 'reference'])) message.error(errorMessage(error))
    }
  }
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="pay">
        登记拨付
      </Button>
      <Modal
        title="登记拨付"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="确认拨付"
        confirmLoading={pay.isPending}
        destroyOnHidden
      >
        <Form<PayValues>
          clearOnDestroy
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ financeLevel: first, amountWan: fenToWan(owed(first)), paidOn: today }}
          onFinish={submit}
          onValuesChange={(changed) => {
            if (changed.financeLevel) form.setFieldValue('amountWan', fenToWan(owed(changed.financeLevel)))
          }}
        >
          <Form.Item name="financeLevel" label="财政级次">
            <Select
              options={levels.map((l) => ({
                value: l,
                label: `${l === 'city' ? '市级财政' : '区县级财政'}（待拨 ${formatFen(owed(l))}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="amountWan" label="拨付金额" rules={[{ required: true, message: '请填写拨付金额' }]}>
            <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="paidOn"
            label="拨付日期"
            rules={[{ required: true, message: '请选择拨付日期' }]}
            extra={
              approvedOn ? `核定日期 ${approvedOn.format('YYYY-MM-DD')}，拨付日期不早于核定日期、不晚于今天` : undefined
            }
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d: Dayjs) => d.isAfter(today, 'day') || (!!approvedOn && d.isBefore(approvedOn, 'day'))}
            />
          </Form.Item>
          <Form.Item name="reference" label="拨付凭证号" rules={[{ required: true, message: '请填写拨付凭证号' }]}>
            <Input maxLength={100} placeholder="如：温财科〔2026〕12号" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

/** 撤回: before the city's approval. */
export function WithdrawButton({ application: a }: { application: ApplicationDetail }) {
  const { message, modal } = App.useApp()
  const { withdraw } = useApplicationActions(a.id)
  return (
    <Button
      danger
      onClick={() =>
        modal.confirm({
          title: '撤回这份申请？',
          content: '撤回后费用项可在其他申请中使用；如需继续申报请重新提交。',
          okText: '撤回',
          okButtonProps: { danger: true },
          onOk: () =>
            withdraw
              .mutateAsync(a.version)
              .then(() => message.success('已撤回'))
              .catch((error: unknown) => message.error(errorMessage(error))),
        })
      }
    >
      撤回
    </Button>
  )
}
