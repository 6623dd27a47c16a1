import { ModalForm, ProFormDatePicker, ProFormText, ProFormTextArea } from '@ant-design/pro-components'
import { Alert, Grid } from 'antd'
import dayjs from 'dayjs'
import type { ReactElement } from 'react'
import type { IndustrySystem } from '../../../shared/registry/industry-systems'

export type VersionFields = {
  name: string
  versionLabel: string
  effectiveFrom?: string | null
  effectiveTo?: string | null
  source: string
}

type Values = {
  name: string
  versionLabel: string
  effectiveFrom?: string | dayjs.Dayjs | null
  effectiveTo?: string | dayjs.Dayjs | null
  source: string
}

const day = (value: Values['effectiveFrom']) => (value ? dayjs(value).format('YYYY-MM-DD') : null)

/** 保存为新版本: the version label, the document it follows and the effective period of the edited system. */
export function SaveVersionModal({
  system,
  trigger,
  changes,
  onSave,
}: {
  system: IndustrySystem
  trigger: ReactElement
  /** 新增 2 个、修改 1 个 … */
  changes: string
  onSave: (fields: VersionFields) => Promise<boolean>
}) {
  const screens = Grid.useBreakpoint()
  return (
    <ModalForm<Values>
      clearOnDestroy
      title="保存为新版本"
      trigger={trigger}
      width={screens.md ? 560 : '100%'}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, maskClosable: false, okText: '保存新版本', cancelText: '取消' }}
      initialValues={{
        name: system.name,
        versionLabel: '',
        effectiveFrom: dayjs().format('YYYY-MM-DD'),
        effectiveTo: null,
        source: '',
      }}
      onFinish={(values) =>
        onSave({
          name: values.name.trim(),
          versionLabel: values.versionLabel.trim(),
          effectiveFrom: day(values.effectiveFrom),
          effectiveTo: day(values.effectiveTo),
          source: values.source.trim(),
        })
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`本次修改：${changes}`}
        description={`当前为第 ${system.version} 版（${system.versionLabel}）。保存后生成第 ${system.version + 1} 版，旧版本保留在版本历史中。`}
      />
      <ProFormText
        name="name"
        label="体系名称"
        rules={[{ required: true, message: '请填写体系名称' }]}
        fieldProps={{ maxLength: 100 }}
      />
      <ProFormText
        name="versionLabel"
        label="版本号"
        placeholder={`如：${dayjs().format('YYYY')}.1`}
        rules={[{ required: true, message: '请填写版本号' }]}
        fieldProps={{ maxLength: 20 }}
      />
      <ProFormTextArea
        name="source"
        label="依据"
        placeholder="调整所依据的文件与日期，如：温州市人民政府办公室关于……的通知（2026 年 3 月）"
        rules={[
          { required: true, message: '请填写依据的文件与日期' },
          { min: 4, message: '依据至少 4 个字' },
        ]}
        fieldProps={{ rows: 2, maxLength: 500 }}
      />
      <ProFormDatePicker name="effectiveFrom" label="生效日期" width="md" />
      <ProFormDatePicker name="effectiveTo" label="失效日期" width="md" placeholder="留空：直至新版本替代" />
    </ModalForm>
  )
}
