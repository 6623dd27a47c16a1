import { ModalForm } from '@ant-design/pro-components'
import { App, Form, Grid } from 'antd'
import dayjs from 'dayjs'
import type { ReactElement, ReactNode } from 'react'
import { showFieldErrors } from './form-errors'
import { errorMessage } from './http'

/** A date a form holds (dayjs or text) as the server's YYYY-MM-DD. */
export const isoDay = (value: unknown): string => dayjs(value as string).format('YYYY-MM-DD')
export const today = () => dayjs().format('YYYY-MM-DD')

/**
 * One action of the workspace as a dialog: the form, the server's refusal under its field (or as a message
 * in Chinese), closed and confirmed once the server accepted it.
 */
export function ActionModal<T extends Record<string, unknown>>({
  title,
  trigger,
  okText = '确定',
  initialValues,
  done,
  onSubmit,
  children,
}: {
  title: string
  trigger: ReactElement
  okText?: string
  initialValues?: Partial<T>
  done: string
  onSubmit: (values: T) => Promise<unknown>
  children: ReactNode
}) {
  const [form] = Form.useForm<T>()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  return (
    <ModalForm<T>
      clearOnDestroy
      form={form}
      title={title}
      trigger={trigger}
      width={screens.md ? 560 : '100%'}
      layout="vertical"
      initialValues={initialValues}
      modalProps={{ destroyOnHidden: true, maskClosable: false, okText, cancelText: '取消' }}
      onFinish={async (values) => {
        try {
          await onSubmit(values)
          message.success(done)
          return true
        } catch (error) {
          if (!showFieldErrors(form, error)) message.error(errorMessage(error))
          return false
        }
      }}
    >
      {children}
    </ModalForm>
  )
}
