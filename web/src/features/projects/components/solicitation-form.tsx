import { ModalForm, ProFormDatePicker, ProFormText, ProFormTextArea } from '@ant-design/pro-components'
import { App, Button, Form } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { ReactNode } from 'react'
import { errorMessage } from '../../../shared/http'
import { placeServerProblems } from '../../../shared/registry/form-problems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { useCurrentUser } from '../../../shared/session'
import { useCreateSolicitation } from '../api/solicitations'

type Values = { title: string; description: string; requirements: string; deadline: string; industryCodes: string[] }

const labels = {
  title: '征集名称',
  description: '征集说明',
  requirements: '申报材料要求',
  deadline: '截止日期',
  industryCodes: '征集领域',
}

/** 发布征集 (e.g. 苗圃计划): fields, deadline and what to submit. */
export function SolicitationForm({ trigger }: { trigger?: ReactNode }) {
  const { message } = App.useApp()
  const user = useCurrentUser()
  const [form] = Form.useForm<Values>()
  const create = useCreateSolicitation()
  return (
    <ModalForm<Values>
      clearOnDestroy
      form={form}
      title="发布项目征集"
      width={640}
      trigger={
        (trigger as JSX.Element) ?? (
          <Button type="primary" data-testid="new-solicitation">
            发布征集
          </Button>
        )
      }
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '发布', resetText: '取消' } }}
      initialValues={{ industryCodes: [] }}
      onFinish={async (values) => {
        try {
          await create.mutateAsync({ ...values, deadline: dayjs(values.deadline).format('YYYY-MM-DD') })
          message.success('征集已发布')
          return true
        } catch (error) {
          placeServerProblems(form, error, labels)
          message.error(errorMessage(error))
          return false
        }
      }}
    >
      <ProFormText
        name="title"
        label="征集名称"
        placeholder="如：2026 年苗圃计划概念验证项目征集"
        rules={[{ required: true, min: 4, message: '征集名称至少 4 个字' }]}
      />
      <ProFormTextArea
        name="description"
        label="征集说明"
        rules={[{ required: true, min: 10, message: '征集说明至少 10 个字' }]}
        fieldProps={{ rows: 4, maxLength: 8000, showCount: true }}
      />
      <Form.Item name="industryCodes" label="征集领域">
        <IndustryTreeSelect jurisdiction={user.jurisdictionCode} />
      </Form.Item>
      <ProFormTextArea
        name="requirements"
        label="申报材料要求"
        rules={[{ required: true, min: 4, message: '请说明申报材料要求' }]}
        fieldProps={{ rows: 3, maxLength: 4000 }}
      />
      <ProFormDatePicker
        name="deadline"
        label="截止日期"
        rules={[{ required: true, message: '请选择截止日期' }]}
        fieldProps={{ disabledDate: (d: Dayjs) => d.isBefore(dayjs(), 'day') }}
      />
    </ModalForm>
  )
}
