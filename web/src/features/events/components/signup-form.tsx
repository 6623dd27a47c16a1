import { ModalForm, ProFormCheckbox, ProFormText, ProFormTextArea } from '@ant-design/pro-components'
import { App, Button, Form, Grid } from 'antd'
import { errorMessage } from '../../../shared/http'
import { placeServerProblems } from '../../../shared/registry/form-problems'
import { type MatchmakingEvent, useSignUp } from '../api/events'

type Values = { interestedRecordIds: string[]; contactName: string; contactPhone: string; note?: string }
const labels = { interestedRecordIds: '感兴趣的项目', contactName: '联系人', contactPhone: '联系电话', note: '留言' }

/** 报名: the featured records the person comes for (their owners hear of it), and how to reach them. */
export function SignupForm({ event, defaultName }: { event: MatchmakingEvent; defaultName: string }) {
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<Values>()
  const signUp = useSignUp()
  return (
    <ModalForm<Values>
      clearOnDestroy
      form={form}
      title={`报名：${event.title}`}
      width={screens.md ? 600 : '100%'}
      trigger={
        <Button type="primary" data-testid="sign-up">
          我要报名
        </Button>
      }
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '提交报名', resetText: '取消' } }}
      initialValues={{ interestedRecordIds: [], contactName: defaultName }}
      onFinish={async (values) => {
        try {
          await signUp.mutateAsync({ id: event.id, ...values, note: values.note?.trim() || null })
          message.success('报名成功')
          return true
        } catch (error) {
          if (placeServerProblems(form, error, labels).length === 0) message.error(errorMessage(error))
          return false
        }
      }}
    >
      {event.featured.length ? (
        <ProFormCheckbox.Group
          name="interestedRecordIds"
          label="感兴趣的项目"
          tooltip="所选项目的发布单位会收到您的意向"
          layout="vertical"
          options={event.featured.map((f) => ({ value: f.recordId, label: f.title }))}
        />
      ) : null}
      <ProFormText
        name="contactName"
        label="联系人"
        rules={[{ required: true, message: '请填写联系人' }]}
        fieldProps={{ maxLength: 50 }}
      />
      <ProFormText
        name="contactPhone"
        label="联系电话"
        rules={[
          { required: true, message: '请填写联系电话' },
          { pattern: /^[0-9+\-() ]{5,20}$/, message: '联系电话格式不正确' },
        ]}
        fieldProps={{ maxLength: 20 }}
      />
      <ProFormTextArea
        name="note"
        label="留言"
        placeholder="希望对接的内容（可选）"
        fieldProps={{ maxLength: 500, rows: 3 }}
      />
    </ModalForm>
  )
}
