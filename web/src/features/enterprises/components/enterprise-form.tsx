import {
  ProForm,
  ProFormDependency,
  ProFormDigit,
  type ProFormInstance,
  ProFormList,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProFormTreeSelect,
} from '@ant-design/pro-components'
import { App, Button, Card, Col, Row, Segmented, Space, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { ConfidentialityField, FormSection } from '../../../shared/registry/form-parts'
import { type FieldPath, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { fenToWan, wanToFen } from '../../../shared/registry/money'
import { OwnerOrganizationSelect } from '../../../shared/registry/owner-organization-select'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { roleOf, useSession } from '../../../shared/session'
import { findEnterpriseDuplicates } from '../api/find-duplicates'
import { useGbt4754 } from '../api/list-gbt4754'
import { useSaveEnterprise } from '../api/save-enterprise'
import type { Enterprise, EnterpriseDuplicate, EnterpriseTier, TierLevel } from '../api/types'
import { enterpriseFieldLabels, levelLabels, levelsOfTier, tierOptions } from './labels'

type Values = {
  organizationId?: string
  name?: string
  uscc?: string
  jurisdictionCode?: string
  tiers?: { tier?: EnterpriseTier; level?: TierLevel; year?: number }[]
  gbtSection?: string
  gbtDivision?: string
  industryCodes?: string[]
  yearly?: { year?: number; rdSpendingWan?: number; revenueWan?: number; employees?: number }[]
  mainProducts?: string[]
  keywords?: string[]
  description?: string
  address?: string
  longitude?: number
  latitude?: number
  contactName?: string
  contactPhone?: string
  contactEmail?: string
  confidentiality?: Enterprise['confidentiality']
  note?: string
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null)
const num = (value: number | undefined) => (value === undefined || value === null ? null : value)

/** Amounts are 万元 in the form and 分 in the API. */
const renameFromApi = (path: FieldPath): FieldPath =>
  path.map((part) => (part === 'rdSpendingFen' ? 'rdSpendingWan' : part === 'revenueFen' ? 'revenueWan' : part))

function initialValues(enterprise: Enterprise | undefined): Values {
  if (!enterprise) return { confidentiality: 'internal', tiers: [], yearly: [] }
  return {
    name: enterprise.name,
    uscc: enterprise.uscc ?? undefined,
    tiers: enterprise.tiers.map((t) => ({ tier: t.tier, level: t.level ?? undefined, year: t.year })),
    gbtSection: enterprise.gbtSection ?? undefined,
    gbtDivision: enterprise.gbtDivision ?? undefined,
    industryCodes: enterprise.industryCodes,
    yearly: enterprise.yearly.map((y) => ({
      year: y.year,
      rdSpendingWan: fenToWan(y.rdSpendingFen),
      revenueWan: fenToWan(y.revenueFen),
      employees: y.employees ?? undefined,
    })),
    mainProducts: enterprise.mainProducts,
    keywords: enterprise.keywords,
    description: enterprise.description,
    address: enterprise.address ?? undefined,
    longitude: enterprise.longitude ?? undefined,
    latitude: enterprise.latitude ?? undefined,
    contactName: enterprise.contact?.name ?? undefined,
    contactPhone: enterprise.contact?.phone ?? undefined,
    contactEmail: enterprise.contact?.email ?? undefined,
    confidentiality: enterprise.confidentiality,
  }
}

/** The profile fields both create and edit send. */
function profileOf(values: Values, withContact: boolean) {
  return {
    tiers: (values.tiers ?? []).map((t) => ({
      tier: t.tier as EnterpriseTier,
      year: t.year as number,
      level: t.level ?? null,
    })),
    gbtSection: values.gbtSection ?? null,
    gbtDivision: values.gbtDivision ?? null,
    industryCodes: values.industryCodes ?? [],
    yearly: (values.yearly ?? []).map((y) => ({
      year: y.year as number,
      rdSpendingFen: wanToFen(y.rdSpendingWan) ?? 0,
      revenueFen: wanToFen(y.revenueWan),
      employees: num(y.employees),
    })),
    mainProducts: values.mainProducts ?? [],
    keywords: values.keywords ?? [],
    description: values.description?.trim() ?? '',
    address: blank(values.address),
    longitude: num(values.longitude),
    latitude: num(values.latitude),
    ...(withContact
      ? {
          contactName: blank(values.contactName),
          contactPhone: blank(values.contactPhone),
          contactEmail: blank(values.contactEmail),
        }
      : {}),
    confidentiality: values.confidentiality ?? 'internal',
  }
}

/** 登记 or 编辑 an enterprise's profile; the server checks the 统一社会信用代码 and every rule across fields. */
export function EnterpriseForm({ enterprise }: { enterprise?: Enterprise }) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { data: session } = useSession()
  const user = session?.user
  const isEnterprise = roleOf(user) === 'enterpriseUser'
  const jurisdictions = useJurisdictions()
  const gbt = useGbt4754()
  const save = useSaveEnterprise()
  const [target, setTarget] = useState<'new' | 'existing'>('new')
  const [problems, setProblems] = useState<Problem[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<EnterpriseDuplicate[]>([])
  const editing = enterprise !== undefined
  const asksIdentity = !editing && !isEnterprise

  const checkDuplicates = async () => {
    const form = formRef.current
    const name = form?.getFieldValue('name') as string | undefined
    if (editing || !name || name.trim().length < 2) return
    const uscc = (form?.getFieldValue('uscc') as string | undefined)?.trim()
    try {
      const found = await findEnterpriseDuplicates({ name: name.trim(), ...(uscc ? { uscc } : {}) })
      setDuplicates(found.items)
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: Values) => {
    setProblems([])
    setFailure(null)
    // Only the enterprise itself and officers over its area see (and so may change) the contact.
    const withContact = !editing || enterprise.contact !== null
    try {
      if (enterprise) {
        const saved = await save.update.mutateAsync({
          id: enterprise.id,
          ...profileOf(values, withContact),
          name: values.name?.trim(),
          version: enterprise.version,
          note: values.note?.trim() || undefined,
        })
        message.success('企业档案已保存')
        navigate(`/enterprises/${saved.id}`)
      } else {
        const identity = isEnterprise
          ? {}
          : target === 'existing'
            ? { organizationId: values.organizationId }
            : {
                name: values.name?.trim(),
                uscc: values.uscc?.trim().toUpperCase(),
                jurisdictionCode: values.jurisdictionCode,
              }
        const saved = await save.create.mutateAsync({ ...profileOf(values, true), ...identity })
        message.success('企业档案已登记')
        navigate(`/enterprises/${saved.enterprise.id}`, { state: { duplicates: saved.duplicates } })
      }
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        setFailure('该企业档案已被他人修改，请刷新页面后重新编辑')
      } else {
        const placed = form ? placeServerProblems(form, error, enterpriseFieldLabels, renameFromApi) : []
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
      initialValues={initialValues(enterprise)}
      onFinish={submit}
      scrollToFirstError
      data-testid="enterprise-form"
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
                {editing ? '保存修改' : '保存企业档案'}
              </Button>
            </Space>
          </div>
        ),
      }}
    >
      <Col span={24}>
        <ProblemAlert problems={problems} message={failure} />
      </Col>
      <FormSection title="企业身份" />
      {isEnterprise && !editing ? (
        <Col span={24}>
          <Typography.Paragraph type="secondary">
            登记本企业（{user?.orgName}）的档案，企业名称和统一社会信用代码取自机构登记信息。
          </Typography.Paragraph>
        </Col>
      ) : null}
      {asksIdentity ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <Segmented
            value={target}
            onChange={(value) => setTarget(value as 'new' | 'existing')}
            options={[
              { value: 'new', label: '新登记企业' },
              { value: 'existing', label: '选择已登记的企业机构' },
            ]}
          />
        </Col>
      ) : null}
      {asksIdentity && target === 'existing' ? (
        <Col span={24}>
          <ProForm.Item name="organizationId" label="企业机构" rules={[{ required: true, message: '请选择企业' }]}>
            <OwnerOrganizationSelect kinds={['enterprise']} placeholder="输入名称搜索本辖区已登记的企业" />
          </ProForm.Item>
        </Col>
      ) : null}
      {editing || (asksIdentity && target === 'new') ? (
        <>
          <ProFormText
            name="name"
            label="企业名称"
            colProps={{ md: 12 }}
            placeholder="营业执照上的企业全称"
            rules={[{ required: true, message: '请填写企业名称' }]}
            fieldProps={{ maxLength: 100, onBlur: () => void checkDuplicates() }}
          />
          <ProFormText
            name="uscc"
            label="统一社会信用代码"
            colProps={{ md: 12 }}
            disabled={editing}
            placeholder="18 位，如 91330300MA2AXXXXXX"
            tooltip="按 GB 32100-2015 校验登记管理部门、机构类别、行政区划与校验码"
            rules={editing ? [] : [{ required: true, message: '请填写统一社会信用代码' }]}
            fieldProps={{
              maxLength: 18,
              className: 'fm-mono',
              style: { textTransform: 'uppercase' },
              onBlur: () => void checkDuplicates(),
            }}
          />
          {editing ? null : (
            <ProFormTreeSelect
              name="jurisdictionCode"
              label="所在地区"
              colProps={{ md: 12 }}
              placeholder={`默认：${user?.jurisdictionName ?? '本辖区'}`}
              fieldProps={{
                treeData: jurisdictionTree(jurisdictions.data?.items ?? []),
                treeDefaultExpandAll: true,
                showSearch: true,
                treeNodeFilterProp: 'title',
                allowClear: true,
              }}
            />
          )}
        </>
      ) : null}
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <DuplicateAlert
            duplicates={duplicates.map((d) => ({
              id: d.id,
              title: d.name,
              similarity: d.similarity,
              reason: d.reason,
            }))}
            linkTo={(id) => `/enterprises/${id}`}
          />
        </Col>
      ) : null}

      <FormSection title="行业与产业链" />
      <ProFormSelect
        name="gbtSection"
        label="国民经济行业门类（GB/T 4754-2017）"
        colProps={{ md: 12 }}
        showSearch
        allowClear
        options={(gbt.data?.items ?? []).map((section) => ({
          value: section.code,
          label: `${section.code} ${section.name}`,
        }))}
        fieldProps={{
          loading: gbt.isPending,
          onChange: () => formRef.current?.setFieldValue('gbtDivision', undefined),
        }}
      />
      <ProFormDependency name={['gbtSection']}>
        {({ gbtSection }) => (
          <ProFormSelect
            name="gbtDivision"
            label="行业大类"
            colProps={{ md: 12 }}
            showSearch
            allowClear
            placeholder={gbtSection ? '请选择大类' : '请先选择门类'}
            disabled={!gbtSection}
            options={(gbt.data?.items.find((section) => section.code === gbtSection)?.divisions ?? []).map((d) => ({
              value: d.code,
              label: `${d.code} ${d.name}`,
            }))}
          />
        )}
      </ProFormDependency>
      <ProFormDependency name={['jurisdictionCode']}>
        {({ jurisdictionCode }) => (
          <Col span={24}>
            <ProForm.Item
              name="industryCodes"
              label="产业分类（本地区产业体系）"
              tooltip="按企业所在地区的产业体系归类，可多选；“待城市补充”的节点尚未由城市明确"
            >
              <IndustryTreeSelect
                jurisdiction={enterprise?.jurisdictionCode ?? jurisdictionCode ?? user?.jurisdictionCode}
              />
            </ProForm.Item>
          </Col>
        )}
      </ProFormDependency>
      <ProFormSelect
        name="mainProducts"
        label="主要产品"
        colProps={{ md: 12 }}
        mode="tags"
        placeholder="输入后回车，可填多项"
        fieldProps={{ tokenSeparators: ['，', ','], open: false, suffixIcon: null }}
      />
      <ProFormSelect
        name="keywords"
        label="技术关键词"
        colProps={{ md: 12 }}
        mode="tags"
        placeholder="如：激光雷达、电解水制氢"
        fieldProps={{ tokenSeparators: ['，', ','], open: false, suffixIcon: null }}
      />
      <ProFormTextArea
        name="description"
        label="企业简介"
        colProps={{ span: 24 }}
        fieldProps={{ rows: 4, maxLength: 8000, showCount: true }}
      />

      <FormSection title="企业梯度" />
      <ProFormList
        name="tiers"
        colProps={{ span: 24 }}
        creatorButtonProps={{ creatorButtonText: '添加梯度认定（科技型中小企业、高新技术企业、专精特新……）' }}
        copyIconProps={false}
        itemRender={({ listDom, action }, { index }) => (
          <Card size="small" style={{ marginBottom: 8 }} title={`第 ${index + 1} 项`} extra={action}>
            {listDom}
          </Card>
        )}
      >
        <Row gutter={12}>
          <ProFormSelect
            name="tier"
            label="梯度"
            colProps={{ xs: 24, md: 10 }}
            options={tierOptions}
            rules={[{ required: true, message: '请选择梯度' }]}
          />
          <ProFormDependency name={['tier']}>
            {({ tier }) => {
              const levels = tier ? levelsOfTier[tier as EnterpriseTier] : []
              return (
                <ProFormSelect
                  name="level"
                  label="级别"
                  colProps={{ xs: 12, md: 7 }}
                  disabled={levels.length === 0}
                  placeholder={levels.length ? '请选择' : '不分级别'}
                  options={levels.map((l) => ({ value: l, label: levelLabels[l] }))}
                />
              )
            }}
          </ProFormDependency>
          <ProFormDigit
            name="year"
            label="获评年份"
            colProps={{ xs: 12, md: 7 }}
            min={1990}
            max={2100}
            fieldProps={{ precision: 0 }}
            rules={[{ required: true, message: '请填写年份' }]}
          />
        </Row>
      </ProFormList>

      <FormSection title="年度研发投入" />
      <ProFormList
        name="yearly"
        colProps={{ span: 24 }}
        creatorButtonProps={{ creatorButtonText: '添加年度数据' }}
        copyIconProps={false}
        itemRender={({ listDom, action }, { index }) => (
          <Card size="small" style={{ marginBottom: 8 }} title={`第 ${index + 1} 年`} extra={action}>
            {listDom}
          </Card>
        )}
      >
        <Row gutter={12}>
          <ProFormDigit
            name="year"
            label="年度"
            colProps={{ xs: 12, md: 5 }}
            min={1990}
            max={2100}
            fieldProps={{ precision: 0 }}
            rules={[{ required: true, message: '请填写年度' }]}
          />
          <ProFormDigit
            name="rdSpendingWan"
            label="研发投入（万元）"
            colProps={{ xs: 12, md: 7 }}
            min={0}
            fieldProps={{ precision: 2 }}
            rules={[{ required: true, message: '请填写研发投入' }]}
          />
          <ProFormDigit
            name="revenueWan"
            label="营业收入（万元）"
            colProps={{ xs: 12, md: 7 }}
            min={0}
            fieldProps={{ precision: 2 }}
          />
          <ProFormDigit
            name="employees"
            label="从业人数"
            colProps={{ xs: 12, md: 5 }}
            min={0}
            fieldProps={{ precision: 0 }}
          />
        </Row>
      </ProFormList>

      <FormSection title="地址与联系方式" />
      <ProFormText name="address" label="地址" colProps={{ span: 24 }} fieldProps={{ maxLength: 200 }} />
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
      {editing && enterprise.contact === null ? null : (
        <>
          <ProFormText name="contactName" label="联系人" colProps={{ xs: 24, md: 4 }} fieldProps={{ maxLength: 50 }} />
          <ProFormText
            name="contactPhone"
            label="联系电话"
            colProps={{ xs: 12, md: 4 }}
            fieldProps={{ maxLength: 20 }}
          />
          <ProFormText
            name="contactEmail"
            label="电子邮箱"
            colProps={{ xs: 12, md: 4 }}
            fieldProps={{ maxLength: 254 }}
          />
        </>
      )}

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {editing ? (
        <ProFormText
          name="note"
          label="修改说明"
          colProps={{ span: 24 }}
          placeholder="选填，记入修改记录，如：更新 2025 年研发投入"
          fieldProps={{ maxLength: 200 }}
        />
      ) : null}
    </ProForm>
  )
}
