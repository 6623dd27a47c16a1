import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Rate,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { type ReactNode, useState } from 'react'
import type { FileProof } from '../../../shared/file-digest'
import { FileProofInput } from '../../../shared/file-proof-input'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { fenToWan, formatFen, wanToFen } from '../../../shared/money'
import { useOrderActions } from '../api/orders'
import type { Order } from '../api/types'
import { useVouchers } from '../api/vouchers'
import { approvalDate, todayInShanghai } from './dates'

/** A button that opens a form in a dialog; the form's fields are its children. */
function FormDialog<T extends object>({
  label,
  title,
  okText,
  primary = true,
  testId,
  initialValues,
  onSubmit,
  fields,
  disabled = false,
  children,
}: {
  label: string
  title: string
  okText: string
  primary?: boolean
  testId: string
  initialValues?: Partial<T>
  onSubmit: (values: T) => Promise<void>
  fields: string[]
  disabled?: boolean
  children: ReactNode
}) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<T>()
  const submit = async (values: T) => {
    setBusy(true)
    try {
      await onSubmit(values)
      setOpen(false)
    } catch (error) {
      if (!showFieldErrors(form, error, fields)) message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        onClick={() => setOpen(true)}
        data-testid={testId}
        disabled={disabled}
      >
        {label}
      </Button>
      <Modal
        title={title}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={okText}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form<T>
          clearOnDestroy
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initialValues}
          onFinish={submit}
        >
          {children}
        </Form>
      </Modal>
    </>
  )
}

type RedeemValues = {
  contract?: FileProof
  paymentProof?: FileProof
  contractAmountWan: number
  enterprisePaidWan: number
  allocations?: Record<string, number | null>
}

/** 申请兑付: contract and payment proof, and how much each voucher pays. */
export function RedeemButton({ order }: { order: Order }) {
  const { message } = App.useApp()
  const { redeem } = useOrderActions(order.id)
  const vouchers = useVouchers({ status: 'active', page: 1, pageSize: 100 })
  const usable = (vouchers.data?.items ?? []).filter((v) => v.categories.includes(order.category) && v.balanceFen > 0)
  const firstVoucher = usable[0]
  const suggested = firstVoucher ? Math.min(firstVoucher.balanceFen, order.priceFen) : 0
  return (
    <FormDialog<RedeemValues>
      label="申请创新券兑付"
      title="申请创新券兑付"
      okText="提交兑付申请"
      testId="redeem"
      disabled={vouchers.isPending}
      fields={['contract', 'paymentProof']}
      initialValues={{
        contractAmountWan: fenToWan(order.priceFen),
        enterprisePaidWan: fenToWan(order.priceFen - suggested),
        allocations: firstVoucher ? { [firstVoucher.id]: fenToWan(suggested) } : {},
      }}
      onSubmit={async (values) => {
        const allocations = Object.entries(values.allocations ?? {})
          .filter(([, wan]) => typeof wan === 'number' && wan > 0)
          .map(([voucherId, wan]) => ({ voucherId, amountFen: wanToFen(wan ?? 0) }))
        if (!values.contract || !values.paymentProof) throw new Error('missing proof')
        const after = await redeem.mutateAsync({
          contract: values.contract,
          paymentProof: values.paymentProof,
          contractAmountFen: wanToFen(values.contractAmountWan),
          enterprisePaidFen: wanToFen(values.enterprisePaidWan),
          allocations,
          version: order.version,
        })
        message.success(`已提交兑付申请，创新券抵扣 ${formatFen(after.voucherFen)}`)
      }}
    >
      <Form.Item name="contract" label="服务合同" rules={[{ required: true, message: '请选择服务合同文件' }]}>
        <FileProofInput testId="contract-file" buttonText="选择合同文件" />
      </Form.Item>
      <Form.Item
        name="paymentProof"
        label="付款凭证"
        dependencies={['contract']}
        rules={[
          { required: true, message: '请选择付款凭证文件' },
          ({ getFieldValue }) => ({
            validator: (_, proof?: FileProof) =>
              proof && proof.digest === (getFieldValue('contract') as FileProof | undefined)?.digest
                ? Promise.reject(new Error('服务合同与付款凭证不能是同一文件'))
                : Promise.resolve(),
          }),
        ]}
      >
        <FileProofInput testId="payment-proof-file" buttonText="选择付款凭证" />
      </Form.Item>
      <Form.Item name="contractAmountWan" label="合同金额" rules={[{ required: true, message: '请填写合同金额' }]}>
        <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="enterprisePaidWan"
        label="企业自付金额"
        rules={[{ required: true, message: '请填写企业自付金额' }]}
      >
        <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Text strong>创新券抵扣</Typography.Text>
      {usable.length ? (
        usable.map((v) => (
          <Form.Item
            key={v.id}
            name={['allocations', v.id]}
            label={`${v.code}（余额 ${formatFen(v.balanceFen)}，有效期至 ${v.validTo}）`}
          >
            <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
          </Form.Item>
        ))
      ) : (
        <Typography.Paragraph type="warning">没有可用于{order.categoryLabel}服务的有效创新券。</Typography.Paragraph>
      )}
    </FormDialog>
  )
}

/** 兑付审核: approve, or reject with a reason (a false claim goes on the provider's credit). */
export function ReviewRedemptionButton({ order }: { order: Order }) {
  const { message } = App.useApp()
  const { review } = useOrderActions(order.id)
  return (
    <FormDialog<{ decision: 'approve' | 'reject'; falseClaim?: boolean; note?: string }>
      label="审核兑付"
      title="创新券兑付审核"
      okText="提交审核结论"
      testId="review-redemption"
      fields={['decision', 'falseClaim', 'note']}
      initialValues={{ falseClaim: false }}
      onSubmit={async (values) => {
        const after = await review.mutateAsync({
          ...values,
          falseClaim: values.falseClaim ?? false,
          version: order.version,
        })
        message.success(after.statusLabel)
      }}
    >
      <Typography.Paragraph>
        合同金额 {formatFen(order.contractAmountFen ?? 0)}，企业自付 {formatFen(order.enterprisePaidFen ?? 0)}
        ，创新券抵扣 {formatFen(order.voucherFen)}。
      </Typography.Paragraph>
      {order.enterprisePaidFen === 0 && order.voucherFen > 0 ? (
        // No seed document caps the share a voucher may pay, so this is for the reviewer's judgement, not a refusal.
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="no-self-pay"
          message="企业自付为 0，创新券抵扣合同全额"
        />
      ) : null}
      <Form.Item name="decision" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
        <Radio.Group>
          <Radio value="approve">核准兑付</Radio>
          <Radio value="reject">不予兑付</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="falseClaim" valuePropName="checked">
        <Checkbox>认定为虚假申报（记入服务方信用记录）</Checkbox>
      </Form.Item>
      <Form.Item name="note" label="审核意见">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  )
}

/** 向服务方拨付 from the voucher funds. */
export function PayoutButton({ order }: { order: Order }) {
  const { message } = App.useApp()
  const { payout } = useOrderActions(order.id)
  const today = todayInShanghai()
  const approvedOn = approvalDate(order)
  return (
    <FormDialog<{ paidOn: dayjs.Dayjs; reference: string }>
      label="拨付服务方"
      title={`向${order.carrierName}拨付 ${formatFen(order.voucherFen)}`}
      okText="确认拨付"
      testId="payout"
      fields={['paidOn', 'reference']}
      initialValues={{ paidOn: dayjs(today) }}
      onSubmit={async (values) => {
        await payout.mutateAsync({
          paidOn: values.paidOn.format('YYYY-MM-DD'),
          reference: values.reference,
          version: order.version,
        })
        message.success('已拨付')
      }}
    >
      <Form.Item name="paidOn" label="拨付日期" rules={[{ required: true, message: '请选择拨付日期' }]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(day) => {
            const date = day.format('YYYY-MM-DD')
            return date > today || (!!approvedOn && date < approvedOn)
          }}
        />
      </Form.Item>
      <Form.Item name="reference" label="拨付凭证号" rules={[{ required: true, message: '请填写拨付凭证号' }]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDialog>
  )
}

/** 服务评价: once, 1–5 stars. */
export function RateButton({ order }: { order: Order }) {
  const { message } = App.useApp()
  const { rate } = useOrderActions(order.id)
  return (
    <FormDialog<{ score: number; comment?: string }>
      label="评价服务"
      title="服务评价"
      okText="提交评价"
      primary={false}
      testId="rate"
      fields={['score', 'comment']}
      initialValues={{ score: 5 }}
      onSubmit={async (values) => {
        await rate.mutateAsync(values)
        message.success('感谢评价')
      }}
    >
      <Form.Item name="score" label="评分" rules={[{ required: true, message: '请评分' }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label="评价">
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        2 星及以下计入服务方信用记录。
      </Typography.Text>
    </FormDialog>
  )
}

/** 接单 / 拒单 / 确认服务完成 (provider), 取消 (enterprise). */
export function SimpleAction({ order, kind }: { order: Order; kind: 'accept' | 'decline' | 'deliver' | 'cancel' }) {
  const { message, modal } = App.useApp()
  const actions = useOrderActions(order.id)
  const labels = { accept: '接单', decline: '拒单', deliver: '确认服务完成', cancel: '取消订单' }
  const run = () =>
    (kind === 'cancel'
      ? actions.cancel.mutateAsync({ version: order.version })
      : actions.provider.mutateAsync({ action: kind, version: order.version })
    )
      .then((after) => message.success(after.statusLabel))
      .catch((error: unknown) => message.error(errorMessage(error)))
  return (
    <Button
      type={kind === 'accept' || kind === 'deliver' ? 'primary' : 'default'}
      danger={kind === 'decline' || kind === 'cancel'}
      onClick={() =>
        kind === 'accept' || kind === 'deliver' ? void run() : modal.confirm({ title: `${labels[kind]}？`, onOk: run })
      }
    >
      {labels[kind]}
    </Button>
  )
}
