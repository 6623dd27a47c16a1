import {
  ProForm,
  ProFormDatePicker,
  ProFormDependency,
  type ProFormInstance,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { App, Col, InputNumber, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { errorMessage, isApiError } from '../../../shared/http'
import { ClassificationSuggest } from '../../../shared/registry/classification-suggest'
import type { Confidentiality } from '../../../shared/registry/confidentiality'
import { type Duplicate, DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { showServerFieldErrors } from '../../../shared/registry/field-errors'
import { ConfidentialityField, FormSection, GridItem } from '../../../shared/registry/form-parts'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { fenToWan, wanToFen } from '../../../shared/registry/money'
import { OwnerOrganizationSelect } from '../../../shared/registry/owner-organization-select'
import { useCan, useCurrentUser } from '../../../shared/session'
import { findDemandDuplicates } from '../api/find-duplicates'
import type { CreateDemandInput, Demand } from '../api/types'
import { cooperationModeLabels, maturityLabels } from './labels'

type CooperationMode = Demand['cooperationModes'][number]
type WantedMaturity = NonNullable<Demand['maturityWanted']>

export type DemandValues = {
  ownerOrgId?: string
  title: string
  description: string
  keywords: string[]
  industryCodes: string[]
  budgetNegotiable: boolean
  budgetMinWan?: number
  budgetMaxWan?: number
  deadline?: string
  cooperationModes: CooperationMode[]
  trlWanted?: number
  maturityWanted?: WantedMaturity
  contactName?: string
  contactPhone?: string
  contactEmail?: string
  confidentiality: Confidentiality
  note?: string
}

const fields = [
  'ownerOrgId',
  'title',
  'description',
  'keywords',
  'industryCodes',
  'budgetNegotiable',
  'budgetMinWan',
  'budgetMaxWan',
  'deadline',
  'cooperationModes',
  'trlWanted',
  'maturityWanted',
  'contactName',
  'contactPhone',
  'contactEmail',
  'confidentiality',
  'note',
]
const renamed = { budgetMinFen: 'budgetMinWan', budgetMaxFen: 'budgetMaxWan' }
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }))
const trlOptions = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => ({ value: level, label: `TRL ${level}` }))
const blank = (text: string | undefined | null) => (text?.trim() ? text.trim() : null)

export function toValues(d: Demand): DemandValues {
  return {
    title: d.title,
    description: d.description,
    keywords: d.keywords,
    industryCodes: d.industryCodes,
    budgetNegotiable: d.budgetNegotiable,
    budgetMinWan: fenToWan(d.budgetMinFen),
    budgetMaxWan: fenToWan(d.budgetMaxFen),
    deadline: d.deadline,
    cooperationModes: d.cooperationModes,
    trlWanted: d.trlWanted ?? undefined,
    maturityWanted: d.maturityWanted ?? undefined,
    contactName: d.contact?.name ?? undefined,
    contactPhone: d.contact?.phone ?? undefined,
    contactEmail: d.contact?.email ?? undefined,
    confidentiality: d.confidentiality,
  }
}

export function toInput(v: DemandValues): Omit<CreateDemandInput, 'ownerOrgId'> {
  return {
    title: v.title?.trim() ?? '',
    description: v.description?.trim() ?? '',
    keywords: v.keywords ?? [],
    industryCodes: v.industryCodes ?? [],
    budgetNegotiable: v.budgetNegotiable,
    budgetMinFen: v.budgetNegotiable ? null : wanToFen(v.budgetMinWan),
    budgetMaxFen: v.budgetNegotiable ? null : wanToFen(v.budgetMaxWan),
    deadline: v.deadline ? dayjs(v.deadline).format('YYYY-MM-DD') : '',
    cooperationModes: v.cooperationModes ?? [],
    trlWanted: v.trlWanted ?? null,
    maturityWanted: v.maturityWanted ?? null,
    contactName: blank(v.contactName),
    contactPhone: blank(v.contactPhone),
    contactEmail: blank(v.contactEmail),
    confidentiality: v.confidentiality,
  }
}

/** 发布技术需求 / 编辑: server field problems under their fields, similar demands warned, 智能推荐产业分类. */
export function DemandForm({
  demand,
  submitText,
  onSubmit,
  onCancel,
}: {
  demand?: Demand
  submitText: string
  onSubmit: (values: DemandValues) => Promise<void>
  onCancel: () => void
}) {
  const { message } = App.useApp()
  const user = useCurrentUser()
  const can = useCan()
  const formRef = useRef<ProFormInstance<DemandValues>>(undefined)
  const [duplicates, setDuplicates] = useState<Duplicate[]>([])
  const [ownerArea, setOwnerArea] = useState<string>()
  const isOfficer = can('organization.read') && !demand
  const jurisdiction = demand?.jurisdictionCode ?? ownerArea ?? user.jurisdictionCode

  const checkDuplicates = async () => {
    const form = formRef.current
    const title = (form?.getFieldValue('title') as string | undefined)?.trim()
    if (!title || title.length < 4) return
    const description = (form?.getFieldValue('description') as string | undefined)?.trim()
    try {
      const found = await findDemandDuplicates({
        title,
        description: description || undefined,
        ownerOrgId: (form?.getFieldValue('ownerOrgId') as string | undefined) ?? demand?.ownerOrgId,
      })
      setDuplicates(found.items.filter((d) => d.id !== demand?.id))
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: DemandValues) => {
    try {
      await onSubmit(values)
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') message.error('该需求已被他人修改，请刷新后再编辑')
      else if (!form || !showServerFieldErrors(form, error, fields, renamed)) message.error(errorMessage(error))
      return false
    }
  }

  return (
    <ProForm<DemandValues>
      name="demand"
      formRef={formRef}
      layout="vertical"
      grid
      rowProps={{ gutter: 16 }}
      scrollToFirstError
      initialValues={
        demand
          ? toValues(demand)
          : {
              keywords: [],
              industryCodes: [],
              cooperationModes: [],
              budgetNegotiable: true,
              confidentiality: 'internal',
              contactName: user.displayName,
            }
      }
      onFinish={submit}
      submitter={{
        searchConfig: { submitText, resetText: '取消' },
        onReset: onCancel,
        render: (_, dom) => (
          <div className="fm-form-actions">
            <Space>{[...dom].reverse()}</Space>
          </div>
        ),
      }}
    >
      <FormSection title="需求内容" />
      {isOfficer ? (
        <GridItem
          name="ownerOrgId"
          label="需求企业"
          tooltip="代企业发布时选择本辖区的企业；不选则记在本单位名下"
          colProps={{ span: 24 }}
        >
          <OwnerOrganizationSelect
            kinds={['enterprise']}
            placeholder="输入企业名称搜索"
            onOrganization={(org) => setOwnerArea(org?.jurisdictionCode)}
          />
        </GridItem>
      ) : null}
      <ProFormText
        name="title"
        label="需求名称"
        placeholder="如：具身智能机器人灵巧手触觉传感"
        rules={[{ required: true, message: '请填写需求名称' }]}
        fieldProps={{ maxLength: 200, showCount: true, onBlur: () => void checkDuplicates() }}
        colProps={{ span: 24 }}
      />
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <DuplicateAlert duplicates={duplicates} linkTo={(id) => `/demands/${id}`} />
        </Col>
      ) : null}
      <ProFormTextArea
        name="description"
        label="需求描述"
        placeholder="要解决的技术问题、现有基础、期望指标与应用场景（至少 20 字）"
        rules={[{ required: true, message: '请填写需求描述' }]}
        fieldProps={{ rows: 6, maxLength: 8000, showCount: true, onBlur: () => void checkDuplicates() }}
        colProps={{ span: 24 }}
      />
      <ProFormSelect
        name="keywords"
        label="关键词"
        mode="tags"
        placeholder="输入后回车，可填多个"
        fieldProps={{ tokenSeparators: [',', '，', '、', ';', '；'], open: false }}
        colProps={{ span: 24 }}
      />

      <FormSection title="产业分类" />
      <Col span={24} style={{ marginBottom: 16 }}>
        <ClassificationSuggest
          withDiscipline={false}
          jurisdiction={jurisdiction}
          getText={() => {
            const v = formRef.current?.getFieldsValue(['title', 'description', 'keywords']) as Partial<DemandValues>
            return [v?.title, v?.description, ...(v?.keywords ?? [])].filter(Boolean).join('。')
          }}
          onApply={(choice) => formRef.current?.setFieldsValue({ industryCodes: choice.industryCodes })}
        />
      </Col>
      <GridItem
        name="industryCodes"
        label="产业分类"
        tooltip="本地区产业体系中的产业链，最多 10 项"
        colProps={{ span: 24 }}
      >
        <IndustryTreeSelect jurisdiction={jurisdiction} />
      </GridItem>

      <FormSection title="合作条件" />
      <ProFormSelect
        name="cooperationModes"
        label="合作方式"
        mode="multiple"
        options={options(cooperationModeLabels)}
        placeholder="技术转让 / 技术许可 / 合作开发 / 委托开发 / 技术咨询"
        rules={[{ required: true, message: '请至少选择一种合作方式' }]}
        colProps={{ md: 12 }}
      />
      <ProFormDatePicker
        name="deadline"
        label="征集截止日期"
        rules={[{ required: true, message: '请选择截止日期' }]}
        colProps={{ md: 12 }}
        fieldProps={{ style: { width: '100%' }, format: 'YYYY-MM-DD' }}
      />
      <ProFormSwitch
        name="budgetNegotiable"
        label="预算面议"
        colProps={{ md: 6 }}
        fieldProps={{ checkedChildren: '面议', unCheckedChildren: '有预算' }}
      />
      <ProFormDependency name={['budgetNegotiable']}>
        {({ budgetNegotiable }: { budgetNegotiable?: boolean }) =>
          budgetNegotiable ? null : (
            <>
              <GridItem name="budgetMinWan" label="预算下限（万元）" colProps={{ xs: 12, md: 9 }}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder="万元" />
              </GridItem>
              <GridItem name="budgetMaxWan" label="预算上限（万元）" colProps={{ xs: 12, md: 9 }}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder="万元" />
              </GridItem>
            </>
          )
        }
      </ProFormDependency>
      <ProFormSelect
        name="trlWanted"
        label="期望技术就绪度"
        options={trlOptions}
        placeholder="选填：TRL 1–9"
        fieldProps={{ allowClear: true }}
        colProps={{ md: 12 }}
      />
      <ProFormSelect
        name="maturityWanted"
        label="期望成熟度"
        options={options(maturityLabels)}
        placeholder="选填"
        fieldProps={{ allowClear: true }}
        colProps={{ md: 12 }}
      />

      <FormSection title="联系方式" />
      <Col span={24}>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          联系方式仅对登录的业务用户显示，不会出现在公共门户。
        </Typography.Paragraph>
      </Col>
      <ProFormText name="contactName" label="联系人" colProps={{ md: 8 }} fieldProps={{ maxLength: 50 }} />
      <ProFormText name="contactPhone" label="联系电话" placeholder="手机号或带区号的固定电话" colProps={{ md: 8 }} />
      <ProFormText name="contactEmail" label="电子邮箱" colProps={{ md: 8 }} />

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {demand ? (
        <ProFormText
          name="note"
          label="修改说明"
          placeholder="简要说明本次修改（选填，记入修改记录）"
          fieldProps={{ maxLength: 200 }}
          colProps={{ span: 24 }}
        />
      ) : null}
    </ProForm>
  )
}
