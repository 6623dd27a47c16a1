import {
  ProForm,
  ProFormDependency,
  ProFormDigit,
  type ProFormInstance,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProFormTreeSelect,
} from '@ant-design/pro-components'
import { App, Button, Card, Col, Row, Space, Typography } from 'antd'
import { type ReactNode, useRef, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { ConfidentialityField, FormSection } from '../../../shared/registry/form-parts'
import { type FieldPath, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { OwnerOrganizationSelect } from '../../../shared/registry/owner-organization-select'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { roleOf, useSession } from '../../../shared/session'
import { findCarrierDuplicates } from '../api/find-duplicates'
import { useSaveCarrier } from '../api/save-carrier'
import type {
  AccreditationStatus,
  CapabilityCategory,
  Carrier,
  CarrierDuplicate,
  CarrierKind,
  CarrierLevel,
  CarrierSubtype,
  DirectorRole,
} from '../api/types'
import {
  accreditationLabels,
  capabilityCategoryLabels,
  carrierFieldLabels,
  carrierKindLabels,
  carrierLevelLabels,
  carrierSubtypeLabels,
  directorRoleLabels,
  options,
  subtypesOfKind,
} from './labels'

type Values = {
  operator?: 'own' | 'existing' | 'new'
  organizationId?: string
  orgName?: string
  orgUscc?: string
  orgJurisdiction?: string
  name?: string
  kind?: CarrierKind
  subtype?: CarrierSubtype
  industryCodes?: string[]
  address?: string
  longitude?: number
  latitude?: number
  capabilities?: { name?: string; category?: CapabilityCategory; description?: string }[]
  feeStandards?: { item?: string; unit?: string; priceYuan?: number }[]
  level?: CarrierLevel
  accreditationStatus?: AccreditationStatus
  accreditationYear?: number
  directors?: { name?: string; role?: DirectorRole; title?: string }[]
  hostInstitution?: string
  contactName?: string
  contactPhone?: string
  contactEmail?: string
  introduction?: string
  confidentiality?: Carrier['confidentiality']
  note?: string
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null)
const num = (value: number | undefined) => (value === undefined || value === null ? null : value)

/** Fees are 元 in the form and 分 in the API; a new operating organization's fields are flat in the form. */
const renameFromApi = (path: FieldPath): FieldPath => {
  if (path[0] === 'organization') {
    const field = { name: 'orgName', uscc: 'orgUscc', jurisdictionCode: 'orgJurisdiction' }[String(path[1])]
    return [field ?? 'orgName']
  }
  return path.map((part) => (part === 'priceFen' ? 'priceYuan' : part))
}

function initialValues(carrier: Carrier | undefined): Values {
  if (!carrier)
    return {
      operator: 'own',
      confidentiality: 'public',
      accreditationStatus: 'none',
      capabilities: [],
      feeStandards: [],
      directors: [],
    }
  return {
    name: carrier.name,
    kind: carrier.kind,
    subtype: carrier.subtype ?? undefined,
    industryCodes: carrier.industryCodes,
    address: carrier.address,
    longitude: carrier.longitude ?? undefined,
    latitude: carrier.latitude ?? undefined,
    capabilities: carrier.capabilities.map((c) => ({
      name: c.name,
      category: c.category,
      description: c.description ?? undefined,
    })),
    feeStandards: carrier.feeStandards.map((f) => ({
      item: f.item,
      unit: f.unit,
      priceYuan: f.priceFen === null ? undefined : f.priceFen / 100,
    })),
    level: carrier.level ?? undefined,
    accreditationStatus: carrier.accreditationStatus,
    accreditationYear: carrier.accreditationYear ?? undefined,
    directors: carrier.directors.map((d) => ({ name: d.name, role: d.role, title: d.title ?? undefined })),
    hostInstitution: carrier.hostInstitution ?? undefined,
    contactName: carrier.contactName ?? undefined,
    contactPhone: carrier.contactPhone ?? undefined,
    contactEmail: carrier.contactEmail ?? undefined,
    introduction: carrier.introduction,
    confidentiality: carrier.confidentiality,
  }
}

function fieldsOf(values: Values) {
  const status = values.accreditationStatus ?? 'none'
  return {
    name: values.name?.trim() ?? '',
    subtype: values.subtype ?? null,
    industryCodes: values.industryCodes ?? [],
    address: values.address?.trim() ?? '',
    longitude: num(values.longitude),
    latitude: num(values.latitude),
    capabilities: (values.capabilities ?? []).map((c) => ({
      name: c.name?.trim() ?? '',
      category: c.category as CapabilityCategory,
      description: blank(c.description),
    })),
    feeStandards: (values.feeStandards ?? []).map((f) => ({
      item: f.item?.trim() ?? '',
      unit: f.unit?.trim() ?? '',
      priceFen: f.priceYuan === undefined || f.priceYuan === null ? null : Math.round(f.priceYuan * 100),
    })),
    level: status === 'none' ? null : (values.level ?? null),
    accreditationStatus: status,
    accreditationYear: status === 'none' ? null : num(values.accreditationYear),
    directors: (values.directors ?? []).map((d) => ({
      name: d.name?.trim() ?? '',
      role: d.role as DirectorRole,
      title: blank(d.title),
    })),
    hostInstitution: blank(values.hostInstitution),
    contactName: blank(values.contactName),
    contactPhone: blank(values.contactPhone),
    contactEmail: blank(values.contactEmail),
    introduction: values.introduction?.trim() ?? '',
    confidentiality: values.confidentiality ?? 'public',
  }
}

const itemFrame =
  (noun: string) =>
  ({ listDom, action }: { listDom: ReactNode; action: ReactNode }, { index }: { index: number }) => (
    <Card size="small" style={{ marginBottom: 8 }} title={`${noun} ${index + 1}`} extra={action}>
      {listDom}
    </Card>
  )

/**
 * 登记 or 编辑 a carrier: kind and sub-type (专业型 centers focus on 1–2 fields), capability list, fee standards,
 * directors (双主任制), accreditation, location. The server checks every rule across fields.
 */
export function CarrierForm({ carrier }: { carrier?: Carrier }) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { data: session } = useSession()
  const user = session?.user
  const role = roleOf(user)
  const isOfficer = role === 'cityOfficer' || role === 'districtOfficer'
  const jurisdictions = useJurisdictions()
  const save = useSaveCarrier()
  const [area, setArea] = useState<string | undefined>(carrier?.jurisdictionCode)
  const [problems, setProblems] = useState<Problem[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<CarrierDuplicate[]>([])
  const editing = carrier !== undefined

  const checkDuplicates = async () => {
    const form = formRef.current
    const name = (form?.getFieldValue('name') as string | undefined)?.trim()
    if (editing || !name || name.length < 4) return
    const introduction = (form?.getFieldValue('introduction') as string | undefined)?.trim()
    const organizationId = form?.getFieldValue('organizationId') as string | undefined
    try {
      const found = await findCarrierDuplicates({
        name,
        ...(introduction ? { introduction } : {}),
        ...(organizationId ? { organizationId } : {}),
      })
      setDuplicates(found.items)
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: Values) => {
    setProblems([])
    setFailure(null)
    try {
      if (carrier) {
        const saved = await save.update.mutateAsync({
          id: carrier.id,
          ...fieldsOf(values),
          version: carrier.version,
          note: values.note?.trim() || undefined,
        })
        message.success('载体信息已保存')
        navigate(`/carriers/${saved.id}`)
      } else {
        const operator =
          values.operator === 'existing'
            ? { organizationId: values.organizationId }
            : values.operator === 'new'
              ? {
                  organization: {
                    name: values.orgName?.trim() ?? '',
                    uscc: blank(values.orgUscc)?.toUpperCase() ?? null,
                    jurisdictionCode: values.orgJurisdiction ?? '',
                  },
                }
              : {}
        const saved = await save.create.mutateAsync({
          ...fieldsOf(values),
          kind: values.kind as CarrierKind,
          ...operator,
        })
        message.success('载体已登记')
        navigate(`/carriers/${saved.carrier.id}`, { state: { duplicates: saved.duplicates } })
      }
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        setFailure('该载体已被他人修改，请刷新页面后重新编辑')
      } else {
        const placed = form ? placeServerProblems(form, error, carrierFieldLabels, renameFromApi) : []
        setProblems(placed)
        if (!placed.length) setFailure(errorMessage(error))
        message.error(placed.length ? '有字段需要修改，请查看标红的项' : errorMessage(error))
      }
      return false
    }
  }

  return (
    <ProForm<Values>
      formRef={formRef}
      layout="vertical"
      grid
      rowProps={{ gutter: 16 }}
      initialValues={{ ...initialValues(carrier), ...(isOfficer && !carrier ? { operator: 'new' } : {}) }}
      onFinish={submit}
      scrollToFirstError
      submitter={{
        render: (props) => (
          <div className="fm-form-actions">
            <Space>
              <Button onClick={() => navigate(-1)}>取消</Button>
              <Button
                type="primary"
                data-testid="submit"
                loading={save.create.isPending || save.update.isPending}
                onClick={() => props.submit()}
              >
                {editing ? '保存修改' : '保存载体'}
              </Button>
            </Space>
          </div>
        ),
      }}
    >
      <Col span={24}>
        <ProblemAlert problems={problems} message={failure} />
      </Col>
      <FormSection title="载体类型" />
      {editing ? (
        <Col span={24}>
          <Typography.Paragraph>{carrierKindLabels[carrier.kind]}（载体类型登记后不可更改）</Typography.Paragraph>
        </Col>
      ) : (
        <ProFormRadio.Group
          name="kind"
          label="载体类型"
          colProps={{ span: 24 }}
          radioType="button"
          options={options(carrierKindLabels)}
          rules={[{ required: true, message: '请选择载体类型' }]}
          fieldProps={{ onChange: () => formRef.current?.setFieldValue('subtype', undefined) }}
        />
      )}
      <ProFormDependency name={['kind']}>
        {({ kind }) => {
          const current: CarrierKind | undefined = kind ?? carrier?.kind
          const allowed = current ? subtypesOfKind[current] : []
          if (!allowed.length) return null
          return (
            <ProFormRadio.Group
              name="subtype"
              label={current === 'pocCenter' ? '中心类型' : '主导类型'}
              colProps={{ span: 24 }}
              options={options(carrierSubtypeLabels, allowed)}
              rules={[{ required: true, message: '请选择细分类型' }]}
            />
          )
        }}
      </ProFormDependency>

      {editing ? null : (
        <>
          <FormSection title="运营机构" />
          <ProFormRadio.Group
            name="operator"
            colProps={{ span: 24 }}
            options={[
              { value: 'own', label: `本单位（${user?.orgName ?? ''}）` },
              ...(isOfficer
                ? [
                    { value: 'existing', label: '已登记的机构' },
                    { value: 'new', label: '新登记机构' },
                  ]
                : []),
            ]}
          />
          <ProFormDependency name={['operator']}>
            {({ operator }) =>
              operator === 'existing' ? (
                <Col span={24}>
                  <ProForm.Item
                    name="organizationId"
                    label="运营机构"
                    rules={[{ required: true, message: '请选择运营机构' }]}
                  >
                    <OwnerOrganizationSelect
                      kinds={['pocCenter', 'pilotPlatform', 'incubator']}
                      onOrganization={(o) => setArea(o?.jurisdictionCode)}
                    />
                  </ProForm.Item>
                </Col>
              ) : operator === 'new' ? (
                <>
                  <ProFormText
                    name="orgName"
                    label="机构名称"
                    colProps={{ xs: 24, md: 10 }}
                    rules={[{ required: true, message: '请填写机构名称' }]}
                  />
                  <ProFormText
                    name="orgUscc"
                    label="统一社会信用代码"
                    colProps={{ xs: 24, md: 7 }}
                    placeholder="非独立法人可不填"
                    fieldProps={{ maxLength: 18, className: 'fm-mono' }}
                  />
                  <ProFormTreeSelect
                    name="orgJurisdiction"
                    label="所在地区"
                    colProps={{ xs: 24, md: 7 }}
                    rules={[{ required: true, message: '请选择所在地区' }]}
                    fieldProps={{
                      treeData: jurisdictionTree(jurisdictions.data?.items ?? []),
                      treeDefaultExpandAll: true,
                      showSearch: true,
                      treeNodeFilterProp: 'title',
                      onChange: (code: string) => setArea(code),
                    }}
                  />
                </>
              ) : null
            }
          </ProFormDependency>
        </>
      )}

      <FormSection title="基本信息" />
      <ProFormText
        name="name"
        label="载体名称"
        colProps={{ span: 24 }}
        rules={[{ required: true, message: '请填写载体名称' }]}
        fieldProps={{ maxLength: 100, onBlur: () => void checkDuplicates() }}
        placeholder="如：温州市人形机器人概念验证中心"
      />
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <DuplicateAlert
            duplicates={duplicates.map((d) => ({
              id: d.id,
              title: d.name,
              similarity: d.similarity,
              reason: d.reason,
            }))}
            linkTo={(id) => `/carriers/${id}`}
          />
        </Col>
      ) : null}
      <ProFormDependency name={['subtype']}>
        {({ subtype }) => (
          <Col span={24}>
            <ProForm.Item
              name="industryCodes"
              label="产业领域"
              extra={subtype === 'specialized' ? '专业型概念验证中心聚焦 1–2 个产业领域' : undefined}
            >
              <IndustryTreeSelect jurisdiction={area ?? user?.jurisdictionCode} data-testid="industry-select" />
            </ProForm.Item>
          </Col>
        )}
      </ProFormDependency>
      <ProFormText
        name="hostInstitution"
        label="依托单位"
        colProps={{ xs: 24, md: 12 }}
        fieldProps={{ maxLength: 100 }}
      />
      <ProFormTextArea
        name="introduction"
        label="载体简介"
        colProps={{ span: 24 }}
        rules={[{ required: true, message: '请填写载体简介' }]}
        fieldProps={{ rows: 4, maxLength: 5000, showCount: true, onBlur: () => void checkDuplicates() }}
        placeholder="服务领域、验证条件、团队与服务方式（至少 20 字）"
      />

      <FormSection title="验证能力清单" />
      <ProFormList
        name="capabilities"
        colProps={{ span: 24 }}
        creatorButtonProps={{ creatorButtonText: '添加一项验证能力' }}
        copyIconProps={false}
        itemRender={itemFrame('能力')}
      >
        <Row gutter={12}>
          <ProFormSelect
            name="category"
            label="类别"
            colProps={{ xs: 24, md: 6 }}
            options={options(capabilityCategoryLabels)}
            rules={[{ required: true, message: '请选择能力类别' }]}
          />
          <ProFormText
            name="name"
            label="能力名称"
            colProps={{ xs: 24, md: 8 }}
            rules={[{ required: true, message: '请填写能力名称' }]}
          />
          <ProFormText name="description" label="说明" colProps={{ xs: 24, md: 10 }} />
        </Row>
      </ProFormList>

      <FormSection title="收费标准" />
      <ProFormList
        name="feeStandards"
        colProps={{ span: 24 }}
        creatorButtonProps={{ creatorButtonText: '添加收费项目' }}
        copyIconProps={false}
        itemRender={itemFrame('收费')}
      >
        <Row gutter={12}>
          <ProFormText
            name="item"
            label="收费项目"
            colProps={{ xs: 24, md: 10 }}
            rules={[{ required: true, message: '请填写收费项目' }]}
          />
          <ProFormText
            name="unit"
            label="计费单位"
            colProps={{ xs: 12, md: 6 }}
            placeholder="项、小时、样"
            rules={[{ required: true, message: '请填写计费单位' }]}
          />
          <ProFormDigit
            name="priceYuan"
            label="价格（元）"
            colProps={{ xs: 12, md: 8 }}
            min={0}
            placeholder="不填为面议"
            fieldProps={{ precision: 2 }}
          />
        </Row>
      </ProFormList>

      <FormSection title="主任（双主任制：行政主任与技术主任）" />
      <ProFormList
        name="directors"
        colProps={{ span: 24 }}
        creatorButtonProps={{ creatorButtonText: '添加主任' }}
        copyIconProps={false}
        itemRender={itemFrame('主任')}
      >
        <Row gutter={12}>
          <ProFormSelect
            name="role"
            label="职务"
            colProps={{ xs: 12, md: 6 }}
            options={options(directorRoleLabels)}
            rules={[{ required: true, message: '请选择主任类型' }]}
          />
          <ProFormText
            name="name"
            label="姓名"
            colProps={{ xs: 12, md: 8 }}
            rules={[{ required: true, message: '请填写姓名' }]}
          />
          <ProFormText name="title" label="职务职称" colProps={{ xs: 24, md: 10 }} />
        </Row>
      </ProFormList>

      <FormSection title="认定" />
      <ProFormSelect
        name="accreditationStatus"
        label="认定状态"
        colProps={{ xs: 24, md: 8 }}
        options={options(accreditationLabels)}
      />
      <ProFormDependency name={['accreditationStatus']}>
        {({ accreditationStatus }) =>
          accreditationStatus && accreditationStatus !== 'none' ? (
            <>
              <ProFormSelect
                name="level"
                label="级别"
                colProps={{ xs: 12, md: 8 }}
                options={options(carrierLevelLabels)}
                allowClear
              />
              <ProFormDigit
                name="accreditationYear"
                label={accreditationStatus === 'revoked' ? '撤销年份' : '认定年份'}
                colProps={{ xs: 12, md: 8 }}
                min={2000}
                max={2100}
                fieldProps={{ precision: 0 }}
              />
            </>
          ) : null
        }
      </ProFormDependency>

      <FormSection title="地址与联系方式" />
      <ProFormText
        name="address"
        label="地址"
        colProps={{ span: 24 }}
        rules={[{ required: true, message: '请填写详细地址' }]}
        fieldProps={{ maxLength: 200 }}
      />
      <ProFormDigit
        name="longitude"
        label="经度"
        colProps={{ xs: 12, md: 6 }}
        min={73}
        max={136}
        fieldProps={{ precision: 6 }}
        placeholder="如 120.6994"
      />
      <ProFormDigit
        name="latitude"
        label="纬度"
        colProps={{ xs: 12, md: 6 }}
        min={3}
        max={54}
        fieldProps={{ precision: 6 }}
        placeholder="如 27.9943"
      />
      <ProFormText name="contactName" label="联系人" colProps={{ xs: 24, md: 4 }} fieldProps={{ maxLength: 30 }} />
      <ProFormText name="contactPhone" label="联系电话" colProps={{ xs: 12, md: 4 }} fieldProps={{ maxLength: 20 }} />
      <ProFormText name="contactEmail" label="电子邮箱" colProps={{ xs: 12, md: 4 }} fieldProps={{ maxLength: 100 }} />

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {editing ? (
        <ProFormText
          name="note"
          label="修改说明"
          colProps={{ span: 24 }}
          placeholder="选填，记入修改记录，如：更新收费标准"
          fieldProps={{ maxLength: 200 }}
        />
      ) : null}
    </ProForm>
  )
}
