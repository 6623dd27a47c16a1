import { App, Button, Form, Input, InputNumber, Modal, TreeSelect } from 'antd'
import { useState } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { formatFen, wanToFen } from '../../../shared/money'
import { useCurrentUser } from '../../../shared/session'
import { useVoucherMutations } from '../api/vouchers'

type Values = { name: string; jurisdictionCode: string; year: number; totalWan: number; policyCode?: string }

/** 新建券池 (city officer): a batch of voucher funds for an area and a year, optionally tied to a voucher policy. */
export function CreatePoolButton() {
  const { message } = App.useApp()
  const user = useCurrentUser()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<Values>()
  const jurisdictions = useJurisdictions()
  const { createPool } = useVoucherMutations()
  const year = new Date().getFullYear()
  const submit = async (values: Values) => {
    try {
      const pool = await createPool.mutateAsync({
        name: values.name,
        jurisdictionCode: values.jurisdictionCode,
        year: values.year,
        totalFen: wanToFen(values.totalWan),
        ...(values.policyCode ? { policyCode: values.policyCode } : {}),
      })
      message.success(`已设立券池：${pool.name}（${formatFen(pool.totalFen)}）`)
      setOpen(false)
    } catch (error) {
      if (!showFieldErrors(form, error, ['name', 'jurisdictionCode', 'year', 'policyCode']))
        message.error(errorMessage(error))
    }
  }
  return (
    <>
      <Button onClick={() => setOpen(true)}>新建券池</Button>
      <Modal
        title="新建券池"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="设立"
        confirmLoading={createPool.isPending}
        destroyOnHidden
      >
        <Form<Values>
          clearOnDestroy
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={submit}
          initialValues={{ year, jurisdictionCode: user.jurisdictionCode, name: `${year} 年创新券（第一批）` }}
        >
          <Form.Item name="name" label="券池名称" rules={[{ required: true, min: 2, message: '请填写券池名称' }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label="适用地区" rules={[{ required: true, message: '请选择适用地区' }]}>
            <TreeSelect
              treeData={jurisdictionTree(jurisdictions.data?.items ?? [])}
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="totalWan" label="资金总额" rules={[{ required: true, message: '请填写资金总额' }]}>
            <InputNumber min={0} suffix="万元" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="policyCode"
            label="关联创新券政策编码"
            extra="关联后由政策引擎判断企业是否符合条件，如 huzhou-innovation-voucher；可不填"
          >
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
