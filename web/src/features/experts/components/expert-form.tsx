import {
  ProForm,
  ProFormCheckbox,
  ProFormDatePicker,
  ProFormDependency,
  type ProFormInstance,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { App, Button, Card, Col, Row, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { type ReactNode, useRef, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { disciplineOptions } from '../../../shared/registry/disciplines'
import { ConfidentialityField, FormSection } from '../../../shared/registry/form-parts'
import { type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { OwnerOrganizationSelect } from '../../../shared/registry/owner-organization-select'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { roleOf, useSession } from '../../../shared/session'
import { findExpertDuplicates } from '../api/find-duplicates'
import { useSaveExpert } from '../api/save-expert'
import type { Expert, ExpertAvailability, ExpertDuplicate, RelationshipKind, ThinkTank, TieKind } from '../api/types'
import { ExpertDuplicates } from './expert-actions'
import {
  availabilityLabels,
  expertFieldLabels,
  options,
  relationshipKindLabels,
  thinkTankHints,
  thinkTankLabels,
  tieKindLabels,
} from './labels'

type DateValue = string | dayjs.Dayjs | null | undefined
type Affiliation = {
  organizationId?: string
  organizationName?: string
  position?: string
  from?: DateValue
  to?: DateValue
}
type Relationship = {
  organizationId?: string
  kind?: RelationshipKind
  personName?: string
  organizationName?: string
  note?: string
}
type Tie = {
  organizationId?: string
  kind?: TieKind
  organizationName?: string
  from?: DateValue
  to?: DateValue
  note?: string
}
type Conflict = { organizationId?: string; text?: string; organizationName?: string; declaredOn?: DateValue }

type Values = {
  ownerOrgId?: string
  name?: string
  title?: string
  currentOrgName?: string
  disciplines?: string[]
  industryCodes?: string[]
  keywords?: string[]
  thinkTanks?: ThinkTank[]
  availability?: ExpertAvailability
  busyUntil?: DateValue
  affiliations?: Affiliation[]
  relationships?: Relationship[]
  enterpriseTies?: Tie[]
  declaredConflicts?: Conflict[]
  contactPhone?: string
  contactEmail?: string
  confidentiality?: Expert['confidentiality']
  note?: string
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null)
const day = (value: DateValue) => (value ? dayjs(value).format('YYYY-MM-DD') : null)
const org = (item: { organizationId?: string; organizationName?: string }) =>
  item.organizationId ? { organizationId: item.organizationId } : { organizationName: blank(item.organizationName) }

function initialValues(expert: Expert | undefined): Values {
  if (!expert) return { availability: 'available', confidentiality: 'internal', thinkTanks: [] }
  const personal = expert.personal
  return {
    name: expert.name,
    title: expert.title ?? undefined,
    currentOrgName: expert.currentOrganization?.name,
    disciplines: expert.disciplines,
    industryCodes: expert.industryCodes,
    keywords: expert.keywords,
    thinkTanks: expert.thinkTanks,
    availability: expert.availability,
    busyUntil: expert.busyUntil,
    affiliations: expert.affiliations.map((a) => ({
      organizationId: a.organizationId ?? undefined,
      organizationName: a.organizationName,
      position: a.position ?? undefined,
      from: a.from,
      to: a.to,
    })),
    relationships: personal?.relationships.map((r) => ({
      kind: r.kind,
      personName: r.personName,
      organizationId: r.organizationId ?? undefined,
      organizationName: r.organizationName ?? undefined,
      note: r.note ?? undefined,
    })),
    enterpriseTies: personal?.enterpriseTies.map((t) => ({
      kind: t.kind,
      organizationId: t.organizationId ?? undefined,
      organizationName: t.organizationName,
      from: t.from,
      to: t.to,
      note: t.note ?? undefined,
    })),
    declaredConflicts: personal?.declaredConflicts.map((c) => ({
      text: c.text,
      organizationId: c.organizationId ?? undefined,
      organizationName: c.organizationName ?? undefined,
      declaredOn: c.declaredOn,
    })),
    contactPhone: personal?.contactPhone ?? undefined,
    contactEmail: personal?.contactEmail ?? undefined,
    confidentiality: expert.confidentiality,
  }
}

function fieldsOf(values: Values, withPersonal: boolean) {
  return {
    name: values.name?.trim() ?? '',
    title: blank(values.title),
    disciplines: values.disciplines ?? [],
    industryCodes: values.industryCodes ?? [],
    keywords: values.keywords ?? [],
    thinkTanks: values.thinkTanks ?? [],
    availability: values.availability ?? 'available',
    busyUntil: values.availability === 'busy' ? day(values.busyUntil) : null,
    affiliations: (values.affiliations ?? []).map((a) => ({
      ...org(a),
      position: blank(a.position),
      from: day(a.from),
      to: day(a.to),
    })),
    confidentiality: values.confidentiality ?? 'internal',
    ...(withPersonal
      ? {
          relationships: (values.relationships ?? []).map((r) => ({
            ...org(r),
            kind: r.kind as RelationshipKind,
            personName: r.personName?.trim() ?? '',
            note: blank(r.note),
          })),
          enterpriseTies: (values.enterpriseTies ?? []).map((t) => ({
            ...org(t),
            kind: t.kind as TieKind,
            from: day(t.from),
            to: day(t.to),
            note: blank(t.note),
          })),
          declaredConflicts: (values.declaredConflicts ?? []).map((c) => ({
            ...org(c),
            text: c.text?.trim() ?? '',
            declaredOn: day(c.declaredOn),
          })),
          contactPhone: blank(values.contactPhone),
          contactEmail: blank(values.contactEmail),
        }
      : {}),
  }
}

/** A list item's frame: 第 N 项 with its delete button. */
const itemFrame =
  (noun: string) =>
  ({ listDom, action }: { listDom: ReactNode; action: ReactNode }, { index }: { index: number }) => (
    <Card size="small" style={{ marginBottom: 8 }} title={`${noun} ${index + 1}`} extra={action}>
      {listDom}
    </Card>
  )

const hidden = (name: string) => <ProFormText name={name} hidden />

/**
 * 登记 or 编辑 an expert: fields, think tanks, affiliations with periods, and the declarations conflict checks use
 * (relationships, enterprise ties, conflicts). An expert editing their own profile uses the same form.
 */
export function ExpertForm({ expert }: { expert?: Expert }) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { data: session } = useSession()
  const user = session?.user
  const role = roleOf(user)
  const isOfficer = role === 'cityOfficer' || role === 'districtOfficer'
  const save = useSaveExpert()
  const [ownerArea, setOwnerArea] = useState<string | undefined>()
  const [problems, setProblems] = useState<Problem[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<ExpertDuplicate[]>([])
  const editing = expert !== undefined
  const withPersonal = !editing || expert.personal !== null
  const self = role === 'expert'

  const checkDuplicates = async () => {
    const name = (formRef.current?.getFieldValue('name') as string | undefined)?.trim()
    const currentOrgName = (formRef.current?.getFieldValue('currentOrgName') as string | undefined)?.trim()
    if (editing || !name || name.length < 2) return
    try {
      const found = await findExpertDuplicates({ name, ...(currentOrgName ? { currentOrgName } : {}) })
      setDuplicates(found.items)
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: Values) => {
    setProblems([])
    setFailure(null)
    const fields = fieldsOf(values, withPersonal)
    const orgName = blank(values.currentOrgName)
    try {
      if (expert) {
        const unchanged = orgName === (expert.currentOrganization?.name ?? null)
        const saved = await save.update.mutateAsync({
          id: expert.id,
          ...fields,
          ...(unchanged ? {} : { currentOrgId: null, currentOrgName: orgName }),
          version: expert.version,
          note: values.note?.trim() || undefined,
        })
        message.success(self ? '我的专家档案已保存' : '专家档案已保存')
        navigate(self && saved.isSelf ? '/experts/me' : `/experts/${saved.id}`)
      } else {
        const saved = await save.create.mutateAsync({
          ...fields,
          currentOrgName: orgName,
          ...(isOfficer && values.ownerOrgId ? { ownerOrgId: values.ownerOrgId } : {}),
        })
        message.success(self ? '我的专家档案已登记' : '专家档案已登记')
        navigate(self ? '/experts/me' : `/experts/${saved.expert.id}`, { state: { duplicates: saved.duplicates } })
      }
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        setFailure('该专家档案已被他人修改，请刷新页面后重新编辑')
      } else {
        const placed = form ? placeServerProblems(form, error, expertFieldLabels) : []
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
      initialValues={initialValues(expert)}
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
                {editing ? '保存修改' : '保存专家档案'}
              </Button>
            </Space>
          </div>
        ),
      }}
    >
      <Col span={24}>
        <ProblemAlert problems={problems} message={failure} />
      </Col>
      <FormSection title="基本信息" />
      {isOfficer && !editing ? (
        <Col span={24}>
          <ProForm.Item
            name="ownerOrgId"
            label="登记单位"
            tooltip="代本辖区的高校、院所或企业登记时选择；不选则登记在本单位名下"
          >
            <OwnerOrganizationSelect onOrganization={(o) => setOwnerArea(o?.jurisdictionCode)} />
          </ProForm.Item>
        </Col>
      ) : null}
      <ProFormText
        name="name"
        label="姓名"
        colProps={{ xs: 24, md: 8 }}
        rules={[{ required: true, message: '请填写姓名' }]}
        fieldProps={{ maxLength: 50, onBlur: () => void checkDuplicates() }}
      />
      <ProFormText name="title" label="职称" colProps={{ xs: 24, md: 6 }} placeholder="如：教授、研究员、高级工程师" />
      <ProFormText
        name="currentOrgName"
        label="工作单位"
        colProps={{ xs: 24, md: 10 }}
        fieldProps={{ maxLength: 100, onBlur: () => void checkDuplicates() }}
      />
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <ExpertDuplicates duplicates={duplicates} />
        </Col>
      ) : null}

      <FormSection title="专业领域与专家智库" />
      <ProFormCheckbox.Group
        name="thinkTanks"
        label="专家智库"
        colProps={{ span: 24 }}
        options={options(thinkTankLabels).map((o) => ({
          value: o.value,
          label: (
            <span>
              {o.label}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                {thinkTankHints[o.value]}
              </Typography.Text>
            </span>
          ),
        }))}
      />
      <ProFormSelect
        name="disciplines"
        label="一级学科"
        colProps={{ xs: 24, md: 12 }}
        mode="multiple"
        showSearch
        options={disciplineOptions()}
        fieldProps={{ maxCount: 10 }}
        placeholder="可多选，如：控制科学与工程"
      />
      <ProFormSelect
        name="keywords"
        label="研究方向关键词"
        colProps={{ xs: 24, md: 12 }}
        mode="tags"
        placeholder="输入后回车，如：具身智能、灵巧手"
        fieldProps={{ tokenSeparators: ['，', ',', '、'], open: false, suffixIcon: null }}
      />
      <Col span={24}>
        <ProForm.Item name="industryCodes" label="熟悉的产业领域（本地区产业体系）">
          <IndustryTreeSelect jurisdiction={expert?.jurisdictionCode ?? ownerArea ?? user?.jurisdictionCode} />
        </ProForm.Item>
      </Col>
      <ProFormRadio.Group
        name="availability"
        label="评审状态"
        colProps={{ xs: 24, md: 12 }}
        options={options(availabilityLabels)}
      />
      <ProFormDependency name={['availability']}>
        {({ availability }) =>
          availability === 'busy' ? (
            <ProFormDatePicker
              name="busyUntil"
              label="预计可参与评审的日期"
              colProps={{ xs: 24, md: 12 }}
              rules={[{ required: true, message: '忙碌状态请填写预计可参与评审的日期' }]}
              fieldProps={{ style: { width: '100%' } }}
            />
          ) : null
        }
      </ProFormDependency>

      <FormSection title="任职经历" />
      <ProFormList<Affiliation>
        name="affiliations"
        colProps={{ span: 24 }}
        creatorButtonProps={{ creatorButtonText: '添加任职经历' }}
        copyIconProps={false}
        itemRender={itemFrame('经历')}
      >
        <Row gutter={12}>
          {hidden('organizationId')}
          <ProFormText
            name="organizationName"
            label="单位"
            colProps={{ xs: 24, md: 9 }}
            rules={[{ required: true, message: '请填写单位' }]}
          />
          <ProFormText name="position" label="职务" colProps={{ xs: 24, md: 5 }} />
          <ProFormDatePicker
            name="from"
            label="起始日期"
            colProps={{ xs: 12, md: 5 }}
            fieldProps={{ style: { width: '100%' } }}
          />
          <ProFormDatePicker
            name="to"
            label="结束日期"
            colProps={{ xs: 12, md: 5 }}
            placeholder="至今"
            fieldProps={{ style: { width: '100%' } }}
          />
        </Row>
      </ProFormList>

      {withPersonal ? (
        <>
          <FormSection title="回避信息（仅本人、登记单位和辖区科技管理部门可见）" />
          <Col span={24}>
            <Typography.Paragraph type="secondary">
              申报的社会关系、与企业的关联和利益冲突只用于评审遴选时自动回避，不会公开展示。
            </Typography.Paragraph>
          </Col>
          <ProFormList<Relationship>
            name="relationships"
            label="社会关系"
            colProps={{ span: 24 }}
            creatorButtonProps={{ creatorButtonText: '添加社会关系（师生、亲属、合作伙伴）' }}
            copyIconProps={false}
            itemRender={itemFrame('关系')}
          >
            <Row gutter={12}>
              {hidden('organizationId')}
              <ProFormSelect
                name="kind"
                label="关系"
                colProps={{ xs: 12, md: 5 }}
                options={options(relationshipKindLabels)}
                rules={[{ required: true, message: '请选择关系类型' }]}
              />
              <ProFormText
                name="personName"
                label="对方姓名"
                colProps={{ xs: 12, md: 5 }}
                rules={[{ required: true, message: '请填写对方姓名' }]}
              />
              <ProFormText name="organizationName" label="对方单位" colProps={{ xs: 24, md: 7 }} />
              <ProFormText name="note" label="说明" colProps={{ xs: 24, md: 7 }} />
            </Row>
          </ProFormList>
          <ProFormList<Tie>
            name="enterpriseTies"
            label="与企业的关联"
            colProps={{ span: 24 }}
            creatorButtonProps={{ creatorButtonText: '添加与企业的关联（任职兼职、持股、合作）' }}
            copyIconProps={false}
            itemRender={itemFrame('关联')}
          >
            <Row gutter={12}>
              {hidden('organizationId')}
              <ProFormSelect
                name="kind"
                label="关联类型"
                colProps={{ xs: 12, md: 5 }}
                options={options(tieKindLabels)}
                rules={[{ required: true, message: '请选择关联类型' }]}
              />
              <ProFormText
                name="organizationName"
                label="企业"
                colProps={{ xs: 12, md: 7 }}
                rules={[{ required: true, message: '请填写企业名称' }]}
              />
              <ProFormDatePicker
                name="from"
                label="起始日期"
                colProps={{ xs: 12, md: 4 }}
                fieldProps={{ style: { width: '100%' } }}
              />
              <ProFormDatePicker
                name="to"
                label="结束日期"
                colProps={{ xs: 12, md: 4 }}
                placeholder="至今"
                fieldProps={{ style: { width: '100%' } }}
              />
              <ProFormText name="note" label="说明" colProps={{ xs: 24, md: 4 }} />
            </Row>
          </ProFormList>
          <ProFormList<Conflict>
            name="declaredConflicts"
            label="利益冲突申报"
            colProps={{ span: 24 }}
            creatorButtonProps={{ creatorButtonText: '申报一项利益冲突' }}
            copyIconProps={false}
            itemRender={itemFrame('申报')}
          >
            <Row gutter={12}>
              {hidden('organizationId')}
              <ProFormTextArea
                name="text"
                label="情况说明"
                colProps={{ xs: 24, md: 14 }}
                fieldProps={{ rows: 2, maxLength: 500 }}
                rules={[{ required: true, message: '请说明利益冲突情况' }]}
              />
              <ProFormText name="organizationName" label="涉及单位" colProps={{ xs: 12, md: 5 }} />
              <ProFormDatePicker
                name="declaredOn"
                label="申报日期"
                colProps={{ xs: 12, md: 5 }}
                placeholder="默认今天"
                fieldProps={{ style: { width: '100%' } }}
              />
            </Row>
          </ProFormList>
          <FormSection title="联系方式" />
          <ProFormText
            name="contactPhone"
            label="联系电话"
            colProps={{ xs: 24, md: 12 }}
            fieldProps={{ maxLength: 20 }}
          />
          <ProFormText
            name="contactEmail"
            label="电子邮箱"
            colProps={{ xs: 24, md: 12 }}
            fieldProps={{ maxLength: 254 }}
          />
        </>
      ) : null}

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {editing ? (
        <ProFormText
          name="note"
          label="修改说明"
          colProps={{ span: 24 }}
          placeholder="选填，记入修改记录，如：更新任职经历"
          fieldProps={{ maxLength: 200 }}
        />
      ) : null}
    </ProForm>
  )
}
