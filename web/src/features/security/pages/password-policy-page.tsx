import { ProCard, ProForm, ProFormDigit, type ProFormInstance, ProFormSwitch } from '@ant-design/pro-components'
import { Alert, App, Button, Form, Skeleton } from 'antd'
import { useRef } from 'react'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { PasswordPolicyHint } from '../../../shared/password-policy-hint'
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../../shared/server-rules'
import { useCan } from '../../../shared/session'
import { usePasswordPolicy } from '../api/get-password-policy'
import { useUpdatePasswordPolicy } from '../api/update-password-policy'

const fields = Object.keys(DEFAULT_PASSWORD_POLICY)

function PolicyPreview() {
  const form = Form.useFormInstance<PasswordPolicy>()
  const values = Form.useWatch([], form) as Partial<PasswordPolicy> | undefined
  return <PasswordPolicyHint policy={{ ...DEFAULT_PASSWORD_POLICY, ...values }} />
}

export function PasswordPolicyPage() {
  const { message } = App.useApp()
  const can = useCan()
  const readOnly = !can('security.policy.manage')
  const policy = usePasswordPolicy()
  const update = useUpdatePasswordPolicy()
  const formRef = useRef<ProFormInstance<PasswordPolicy>>(undefined)

  const submit = async (values: PasswordPolicy) => {
    try {
      await update.mutateAsync(values)
      message.success('密码策略已保存，新设置的密码按新策略校验')
      return true
    } catch (error) {
      if (!formRef.current || !showFieldErrors(formRef.current, error, fields)) message.error(errorMessage(error))
      return false
    }
  }

  return (
    <Page title="密码策略" subTitle="口令复杂度、定期更换与登录失败处理（等保 2.0 三级 身份鉴别）">
      {policy.isError ? <Alert type="error" showIcon message={errorMessage(policy.error)} /> : null}
      {policy.isPending ? (
        <ProCard>
          <Skeleton active paragraph={{ rows: 8 }} />
        </ProCard>
      ) : policy.data ? (
        <ProForm<PasswordPolicy>
          formRef={formRef}
          initialValues={policy.data}
          onFinish={submit}
          disabled={readOnly}
          layout="vertical"
          submitter={{
            searchConfig: { submitText: '保存策略', resetText: '撤销修改' },
            render: (_, dom) => (
              <ProCard>
                <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                  {dom}
                  <Button onClick={() => formRef.current?.setFieldsValue(DEFAULT_PASSWORD_POLICY)}>恢复默认值</Button>
                </div>
              </ProCard>
            ),
          }}
        >
          <ProCard direction="column" gutter={[0, 16]} ghost>
            <ProCard title="口令复杂度" headerBordered>
              <ProForm.Group>
                <ProFormDigit
                  name="minLength"
                  label="最短长度（位）"
                  min={8}
                  max={64}
                  width="sm"
                  rules={[{ required: true, message: '请填写最短长度' }]}
                  fieldProps={{ precision: 0 }}
                />
                <ProFormDigit
                  name="minClasses"
                  label="至少包含字符类别数"
                  tooltip="大写字母、小写字母、数字、符号四类"
                  min={2}
                  max={4}
                  width="sm"
                  rules={[{ required: true, message: '请填写字符类别数' }]}
                  fieldProps={{ precision: 0 }}
                />
                <ProFormSwitch name="forbidUsername" label="禁止包含用户名" />
              </ProForm.Group>
            </ProCard>
            <ProCard title="定期更换" headerBordered>
              <ProForm.Group>
                <ProFormDigit
                  name="maxAgeDays"
                  label="密码有效期（天）"
                  tooltip="0 表示不过期；等保三级建议定期更换"
                  min={0}
                  max={3650}
                  width="sm"
                  rules={[{ required: true, message: '请填写有效期' }]}
                  fieldProps={{ precision: 0 }}
                />
                <ProFormDigit
                  name="historyCount"
                  label="不得重复使用最近几次密码"
                  min={0}
                  max={24}
                  width="sm"
                  rules={[{ required: true, message: '请填写历史密码数' }]}
                  fieldProps={{ precision: 0 }}
                />
              </ProForm.Group>
            </ProCard>
            <ProCard title="登录失败处理" headerBordered>
              <ProForm.Group>
                <ProFormDigit
                  name="lockoutThreshold"
                  label="连续失败锁定阈值（次）"
                  min={3}
                  max={20}
                  width="sm"
                  rules={[{ required: true, message: '请填写锁定阈值' }]}
                  fieldProps={{ precision: 0 }}
                />
                <ProFormDigit
                  name="lockoutMinutes"
                  label="锁定时长（分钟）"
                  min={1}
                  max={1440}
                  width="sm"
                  rules={[{ required: true, message: '请填写锁定时长' }]}
                  fieldProps={{ precision: 0 }}
                />
              </ProForm.Group>
            </ProCard>
            <ProCard title="用户看到的密码要求" headerBordered>
              <PolicyPreview />
            </ProCard>
          </ProCard>
        </ProForm>
      ) : null}
    </Page>
  )
}
