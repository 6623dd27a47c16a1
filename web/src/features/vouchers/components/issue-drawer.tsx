import { useQuery } from '@tanstack/react-query'
import { App, Button, Checkbox, DatePicker, Drawer, Form, InputNumber, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, http } from '../../../shared/http'
import { formatFen, wanToFen } from '../../../shared/money'
import { useCompact } from '../../../shared/responsive'
import { categoryOptions, type Pool, type VoucherCategory } from '../api/types'
import { useVoucherMutations } from '../api/vouchers'

type Values = {
  poolId: string
  enterpriseOrgId: string
  amountWan: number
  validity: [dayjs.Dayjs, dayjs.Dayjs]
  categories: VoucherCategory[]
}

/** Enterprises in the officer's area, found by name. */
function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: ['enterprises', 'voucher-issue', q],
    queryFn: () =>
      http.get<{ items: { id: string; name: string; jurisdictionName?: string }[] }>('/enterprises', {
        q,
        pageSize: 20,
      }),
  })
}

/** 发券: from a pool to an enterprise, with amount, validity and the service categories it pays for. */
export function IssueDrawer({ pools }: { pools: Pool[] }) {
  const { message } = App.useApp()
  const compact = useCompact()
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState('')
  const [form] = Form.useForm<Values>()
  const enterprises = useEnterpriseSearch(q)
  const { issue } = useVoucherMutations()
  const submit = async (values: Values) => {
    try {
      const voucher = await issue.mutateAsync({
        poolId: values.poolId,
        enterpriseOrgId: values.enterpriseOrgId,
        amountFen: wanToFen(values.amountWan),
        validFrom: values.validity[0].format('YYYY-MM-DD'),
        validTo: values.validity[1].format('YYYY-MM-DD'),
        categories: values.categories,
      })
      message.success(`已向${voucher.enterpriseName}发放 ${voucher.code}（${formatFen(voucher.amountFen)}）`)
      setOpen(false)
      form.resetFields()
    } catch (error) {
      if (!showFieldErrors(form, error, ['poolId', 'enterpriseOrgId', 'categories'])) message.error(errorMessage(error))
    }
  }
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} disabled={!pools.length} data-testid="issue-voucher">
        发放创新券
      </Button>
      <Drawer
        title="发放创新券"
        open={open}
        onClose={() => setOpen(false)}
        width={compact ? '100%' : 480}
        destroyOnHidden
        extra={
          <Button type="primary" onClick={() => form.submit()} loading={issue.isPending}>
            发放
          </Button>
        }
      >
        <Form<Values>
          clearOnDestroy
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            poolId: pools[0]?.id,
            validity: [dayjs(), dayjs().add(1, 'year')],
            categories: ['poc', 'pilot'],
          }}
        >
          <Form.Item name="poolId" label="券池" rules={[{ required: true, message: '请选择券池' }]}>
            <Select
              options={pools.map((p) => ({ value: p.id, label: `${p.name}（可发 ${formatFen(p.availableFen)}）` }))}
            />
          </Form.Item>
          <Form.Item name="enterpriseOrgId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              loading={enterprises.isFetching}
              placeholder="输入企业名称搜索"
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
          <Form.Item name="amountWan" label="券面金额" rules={[{ required: true, message: '请填写券面金额' }]}>
            <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validity" label="有效期" rules={[{ required: true, message: '请选择有效期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="categories" label="可兑付的服务" rules={[{ required: true, message: '请选择服务类别' }]}>
            <Checkbox.Group options={categoryOptions} />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            券池关联政策时，由政策引擎判断企业是否符合条件；过期未用的余额自动退回券池。
          </Typography.Text>
        </Form>
      </Drawer>
    </>
  )
}
