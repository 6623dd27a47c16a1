import {
  ModalForm,
  ProFormDependency,
  type ProFormInstance,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTreeSelect,
} from '@ant-design/pro-components'
import { App, Grid } from 'antd'
import { type ReactElement, useRef } from 'react'
import type { Organization } from '../../../shared/contracts'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, isApiError } from '../../../shared/http'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { useCreateOrganization } from '../api/create-organization'
import { organizationKindOptions } from '../api/kinds'
import { useUpdateOrganization } from '../api/update-organization'

type Values = {
  name: string
  kind: Organization['kind']
  isLegalEntity: boolean
  uscc?: string
  jurisdictionCode: string
  address?: string
  contactName?: string
  contactPhone?: string
  status?: Organization['status']
}

const fields = [
  'name',
  'kind',
  'isLegalEntity',
  'uscc',
  'jurisdictionCode',
  'address',
  'contactName',
  'contactPhone',
  'status',
]

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

/** Create (no `organization`) or edit an organization; the server validates the 统一社会信用代码. */
export function OrganizationForm({
  organization,
  trigger,
  onSaved,
}: {
  organization?: Organization
  trigger: ReactElement
  onSaved: () => void
}) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const jurisdictions = useJurisdictions()
  const create = useCreateOrganization()
  const update = useUpdateOrganization()
  const editing = organization !== undefined

  const submit = async (values: Values) => {
    const body = {
      name: values.name,
      kind: values.kind,
      isLegalEntity: values.isLegalEntity,
      uscc: values.isLegalEntity ? blankToNull(values.uscc) : null,
      jurisdictionCode: values.jurisdictionCode,
      address: blankToNull(values.address),
      contactName: blankToNull(values.contactName),
      contactPhone: blankToNull(values.contactPhone),
    }
    try {
      if (organization) {
        await update.mutateAsync({ id: organization.id, ...body, status: values.status, version: organization.version })
        message.success('机构信息已保存')
      } else {
        await create.mutateAsync(body)
        message.success('机构已创建')
      }
      onSaved()
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        message.error('该机构已被他人修改，请关闭后刷新列表再编辑')
      } else if (!form || !showFieldErrors(form, error, fields)) {
        message.error(errorMessage(error))
      }
      return false
    }
  }

  return (
    <ModalForm<Values>
      clearOnDestroy
      name="organization"
      formRef={formRef}
      title={editing ? '编辑机构' : '新建机构'}
      trigger={trigger}
      width={screens.md ? 640 : '100%'}
      layout="vertical"
      grid
      rowProps={{ gutter: 16 }}
      modalProps={{ destroyOnHidden: true, maskClosable: false, okText: '保存', cancelText: '取消' }}
      initialValues={
        organization
          ? {
              ...organization,
              uscc: organization.uscc ?? undefined,
              address: organization.address ?? undefined,
              contactName: organization.contactName ?? undefined,
              contactPhone: organization.contactPhone ?? undefined,
            }
          : { isLegalEntity: true }
      }
      onFinish={submit}
    >
      <ProFormText
        name="name"
        label="机构名称"
        placeholder="请输入机构全称"
        rules={[{ required: true, message: '请输入机构名称' }]}
        fieldProps={{ maxLength: 100 }}
      />
      <ProFormSelect
        name="kind"
        label="机构类型"
        colProps={{ md: 12 }}
        options={organizationKindOptions}
        rules={[{ required: true, message: '请选择机构类型' }]}
      />
      <ProFormTreeSelect
        name="jurisdictionCode"
        label="所在辖区"
        colProps={{ md: 12 }}
        placeholder="请选择行政区划"
        rules={[{ required: true, message: '请选择所在辖区' }]}
        fieldProps={{
          treeData: jurisdictionTree(jurisdictions.data?.items ?? []),
          treeDefaultExpandAll: true,
          showSearch: true,
          treeNodeFilterProp: 'title',
          loading: jurisdictions.isPending,
        }}
      />
      <ProFormSwitch
        name="isLegalEntity"
        label="独立法人"
        colProps={{ md: 6 }}
        fieldProps={{ checkedChildren: '是', unCheckedChildren: '否' }}
      />
      <ProFormDependency name={['isLegalEntity']}>
        {({ isLegalEntity }) =>
          isLegalEntity ? (
            <ProFormText
              name="uscc"
              label="统一社会信用代码"
              colProps={{ md: 18 }}
              placeholder="18 位，如 91330300MA2AXXXXXX"
              tooltip="按 GB 32100-2015 校验登记管理部门、机构类别、行政区划与校验码"
              rules={[{ required: true, message: '独立法人机构必须填写统一社会信用代码' }]}
              fieldProps={{ maxLength: 18, className: 'fm-mono', style: { textTransform: 'uppercase' } }}
              transform={(value: string) => ({ uscc: value?.toUpperCase() })}
            />
          ) : (
            <ProFormText
              name="uscc"
              label="统一社会信用代码"
              colProps={{ md: 18 }}
              disabled
              placeholder="非独立法人（如内设中心）无需填写"
            />
          )
        }
      </ProFormDependency>
      <ProFormText name="address" label="地址" placeholder="办公地址" fieldProps={{ maxLength: 200 }} />
      <ProFormText name="contactName" label="联系人" colProps={{ md: 12 }} fieldProps={{ maxLength: 50 }} />
      <ProFormText
        name="contactPhone"
        label="联系电话"
        colProps={{ md: 12 }}
        fieldProps={{ maxLength: 20 }}
        rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '联系电话格式不正确' }]}
      />
      {editing ? (
        <ProFormSelect
          name="status"
          label="状态"
          colProps={{ md: 12 }}
          options={[
            { value: 'active', label: '正常' },
            { value: 'deregistered', label: '已注销' },
          ]}
        />
      ) : null}
    </ModalForm>
  )
}
