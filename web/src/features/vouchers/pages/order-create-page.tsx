import { useQuery } from '@tanstack/react-query'
import { App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, http } from '../../../shared/http'
import { wanToFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink } from '../../../shared/registry/detail-parts'
import { useCreateOrder } from '../api/orders'
import { categoryOptions, type VoucherCategory } from '../api/types'

type Values = { carrierId: string; category: VoucherCategory; title: string; description: string; priceWan: number }
type CarrierOption = { id: string; name: string; kindLabel: string; jurisdictionName: string }

/** PoC centers and pilot platforms on the platform, found by name or capability. */
function useProviders(q: string) {
  return useQuery({
    queryKey: ['carriers', 'providers', q],
    queryFn: () =>
      http.get<{ items: CarrierOption[] }>('/carriers', {
        q: q || undefined,
        kind: 'pocCenter,pilotPlatform',
        sort: q ? 'relevance' : 'name',
        pageSize: 30,
      }),
  })
}

/** 科技服务商城下单: an enterprise orders a PoC, pilot or testing service from a center or platform. */
export function OrderCreatePage() {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [q, setQ] = useState('')
  const [form] = Form.useForm<Values>()
  const providers = useProviders(q)
  const create = useCreateOrder()
  const submit = async (values: Values) => {
    try {
      const order = await create.mutateAsync({
        carrierId: values.carrierId,
        category: values.category,
        title: values.title,
        description: values.description,
        priceFen: wanToFen(values.priceWan),
      })
      message.success('已下单，等待服务方接单')
      navigate(`/service-orders/${order.id}`)
    } catch (error) {
      if (!showFieldErrors(form, error, ['carrierId', 'category', 'title', 'description']))
        message.error(errorMessage(error))
    }
  }
  return (
    <Page title="订购科技服务" content={<BackLink to="/service-orders" label="返回订单" />}>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          style={{ maxWidth: 640 }}
          initialValues={{ carrierId: params.get('carrier') ?? undefined, category: 'poc' }}
          data-testid="order-form"
        >
          <Form.Item
            name="carrierId"
            label="服务方"
            rules={[{ required: true, message: '请选择概念验证中心或中试平台' }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              loading={providers.isFetching}
              placeholder="输入名称或服务能力搜索概念验证中心、中试平台"
              options={(providers.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}（${c.kindLabel} · ${c.jurisdictionName}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="category" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]}>
            <Select options={categoryOptions} />
          </Form.Item>
          <Form.Item name="title" label="服务名称" rules={[{ required: true, min: 2, message: '请填写服务名称' }]}>
            <Input maxLength={100} placeholder="如：关节模组小批量试制" />
          </Form.Item>
          <Form.Item
            name="description"
            label="服务内容"
            rules={[{ required: true, min: 2, message: '请说明服务内容' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="priceWan" label="服务报价" rules={[{ required: true, message: '请填写服务报价' }]}>
            <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            服务完成后，凭服务合同和付款凭证申请用创新券抵扣；抵扣部分由主管部门审核后从创新券资金中拨付给服务方。
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            提交订单
          </Button>
        </Form>
      </Card>
    </Page>
  )
}
