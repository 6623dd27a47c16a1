import {
  ProForm,
  ProFormCheckbox,
  ProFormDatePicker,
  type ProFormInstance,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { App, Col, InputNumber, Space } from 'antd'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { errorMessage, isApiError } from '../../../shared/http'
import { ClassificationSuggest } from '../../../shared/registry/classification-suggest'
import type { Confidentiality } from '../../../shared/registry/confidentiality'
import { type Duplicate, DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { showServerFieldErrors } from '../../../shared/registry/field-errors'
import { ConfidentialityField, FormSection, GridItem } from '../../../shared/registry/form-parts'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { OwnerOrganizationSelect } from '../../../shared/registry/owner-organization-select'
import { useCan, useCurrentUser } from '../../../shared/session'
import { findScenarioDuplicates } from '../api/find-duplicates'
import type { CreateScenarioInput, Scenario } from '../api/types'
import { offerLabels } from './labels'

type Offer = Scenario['offers'][number]

export type ScenarioValues = {
  ownerOrgId?: string
  title: string
  description: string
  keywords: string[]
  industryCodes: string[]
  address: string
  longitude?: number
  latitude?: number
  offers: Offer[]
  deadline?: string
  confidentiality: Confidentiality
  note?: string
}

const fields = [
  'ownerOrgId',
  'title',
  'description',
  'keywords',
  'industryCodes',
  'address',
  'longitude',
  'latitude',
  'offers',
  'deadline',
  'confidentiality',
  'note',
]
const offerOptions = (Object.entries(offerLabels) as [Offer, string][]).map(([value, label]) => ({ value, label }))

export function toValues(s: Scenario): ScenarioValues {
  return {
    title: s.title,
    description: s.description,
    keywords: s.keywords,
    industryCodes: s.industryCodes,
    address: s.address,
    longitude: s.longitude ?? undefined,
    latitude: s.latitude ?? undefined,
    offers: s.offers,
    deadline: s.deadline,
    confidentiality: s.confidentiality,
  }
}

export function toInput(v: ScenarioValues): Omit<CreateScenarioInput, 'ownerOrgId'> {
  return {
    title: v.title?.trim() ?? '',
    description: v.description?.trim() ?? '',
    keywords: v.keywords ?? [],
    industryCodes: v.industryCodes ?? [],
    address: v.address?.trim() ?? '',
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    offers: v.offers ?? [],
    deadline: v.deadline ? dayjs(v.deadline).format('YYYY-MM-DD') : '',
    confidentiality: v.confidentiality,
  }
}

/** 发布应用场景 / 编辑: where, what it offers (场地、数据、采购意向…), until when; 智能推荐产业分类. */
export function ScenarioForm({
  scenario,
  submitText,
  onSubmit,
  onCancel,
}: {
  scenario?: Scenario
  submitText: string
  onSubmit: (values: ScenarioValues) => Promise<void>
  onCancel: () => void
}) {
  const { message } = App.useApp()
  const user = useCurrentUser()
  const can = useCan()
  const formRef = useRef<ProFormInstance<ScenarioValues>>(undefined)
  const [duplicates, setDuplicates] = useState<Duplicate[]>([])
  const [ownerArea, setOwnerArea] = useState<string>()
  const isOfficer = can('organization.read') && !scenario
  const jurisdiction = scenario?.jurisdictionCode ?? ownerArea ?? user.jurisdictionCode

  const checkDuplicates = async () => {
    const form = formRef.current
    const title = (form?.getFieldValue('title') as string | undefined)?.trim()
    if (!title || title.length < 4) return
    const description = (form?.getFieldValue('description') as string | undefined)?.trim()
    try {
      const found = await findScenarioDuplicates({
        title,
        description: description || undefined,
        ownerOrgId: (form?.getFieldValue('ownerOrgId') as string | undefined) ?? scenario?.ownerOrgId,
      })
      setDuplicates(found.items.filter((d) => d.id !== scenario?.id))
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: ScenarioValues) => {
    try {
      await onSubmit(values)
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') message.error('该场景已被他人修改，请刷新后再编辑')
      else if (!form || !showServerFieldErrors(form, error, fields)) message.error(errorMessage(error))
      return false
    }
  }

  return (
    <ProForm<ScenarioValues>
      name="scenario"
      formRef={formRef}
      layout="vertical"
      grid
      rowProps={{ gutter: 16 }}
      scrollToFirstError
      initialValues={
        scenario ? toValues(scenario) : { keywords: [], industryCodes: [], offers: [], confidentiality: 'public' }
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
      <FormSection title="场景内容" />
      {isOfficer ? (
        <GridItem
          name="ownerOrgId"
          label="发布单位"
          tooltip="代其他单位发布时选择本辖区的单位；不选则以本单位名义发布"
          colProps={{ span: 24 }}
        >
          <OwnerOrganizationSelect onOrganization={(org) => setOwnerArea(org?.jurisdictionCode)} />
        </GridItem>
      ) : null}
      <ProFormText
        name="title"
        label="场景名称"
        placeholder="如：城市低空物流无人机配送试点"
        rules={[{ required: true, message: '请填写场景名称' }]}
        fieldProps={{ maxLength: 200, showCount: true, onBlur: () => void checkDuplicates() }}
        colProps={{ span: 24 }}
      />
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <DuplicateAlert duplicates={duplicates} linkTo={(id) => `/scenarios/${id}`} />
        </Col>
      ) : null}
      <ProFormTextArea
        name="description"
        label="场景描述"
        placeholder="场景现状、希望验证的新技术、参与方式与支持（至少 20 字）"
        rules={[{ required: true, message: '请填写场景描述' }]}
        fieldProps={{ rows: 6, maxLength: 8000, showCount: true, onBlur: () => void checkDuplicates() }}
        colProps={{ span: 24 }}
      />
      <ProFormSelect
        name="keywords"
        label="所需技术关键词"
        mode="tags"
        placeholder="输入后回车，可填多个"
        fieldProps={{ tokenSeparators: [',', '，', '、', ';', '；'], open: false }}
        colProps={{ span: 24 }}
      />
      <ProFormCheckbox.Group
        name="offers"
        label="提供条件"
        options={offerOptions}
        rules={[{ required: true, message: '请至少选择一项提供条件' }]}
        colProps={{ md: 14 }}
      />
      <ProFormDatePicker
        name="deadline"
        label="征集截止日期"
        rules={[{ required: true, message: '请选择截止日期' }]}
        colProps={{ md: 10 }}
        fieldProps={{ style: { width: '100%' }, format: 'YYYY-MM-DD' }}
      />

      <FormSection title="产业分类" />
      <Col span={24} style={{ marginBottom: 16 }}>
        <ClassificationSuggest
          withDiscipline={false}
          jurisdiction={jurisdiction}
          getText={() => {
            const v = formRef.current?.getFieldsValue(['title', 'description', 'keywords']) as Partial<ScenarioValues>
            return [v?.title, v?.description, ...(v?.keywords ?? [])].filter(Boolean).join('。')
          }}
          onApply={(choice) => formRef.current?.setFieldsValue({ industryCodes: choice.industryCodes })}
        />
      </Col>
      <GridItem name="industryCodes" label="产业分类" colProps={{ span: 24 }}>
        <IndustryTreeSelect jurisdiction={jurisdiction} />
      </GridItem>

      <FormSection title="场景位置" />
      <ProFormText
        name="address"
        label="场景地址"
        placeholder="如：温州市龙湾区永兴街道"
        rules={[{ required: true, message: '请填写场景所在地址' }]}
        colProps={{ span: 24 }}
        fieldProps={{ maxLength: 200 }}
      />
      <GridItem name="longitude" label="经度" tooltip="选填，用于按距离匹配验证中心" colProps={{ xs: 12, md: 6 }}>
        <InputNumber min={-180} max={180} style={{ width: '100%' }} placeholder="如 120.70" />
      </GridItem>
      <GridItem name="latitude" label="纬度" colProps={{ xs: 12, md: 6 }}>
        <InputNumber min={-90} max={90} style={{ width: '100%' }} placeholder="如 28.00" />
      </GridItem>

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {scenario ? (
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
