import {
  ProForm,
  ProFormDependency,
  type ProFormInstance,
  ProFormList,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { App, Card, Col, InputNumber, Row, Space } from 'antd'
import type { Rule } from 'antd/es/form'
import { useRef, useState } from 'react'
import { errorMessage, isApiError } from '../../../shared/http'
import { ClassificationSuggest } from '../../../shared/registry/classification-suggest'
import type { Confidentiality } from '../../../shared/registry/confidentiality'
import { categoryOf, categoryOptions, disciplineOptions } from '../../../shared/registry/disciplines'
import { type Duplicate, DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { showServerFieldErrors } from '../../../shared/registry/field-errors'
import { ConfidentialityField, FormSection, GridItem } from '../../../shared/registry/form-parts'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { fenToWan, wanToFen } from '../../../shared/registry/money'
import { OwnerOrganizationSelect } from '../../../shared/registry/owner-organization-select'
import { useCan, useCurrentUser } from '../../../shared/session'
import { findAchievementDuplicates } from '../api/find-duplicates'
import type { Achievement, CreateAchievementInput, IpItem, TeamMember } from '../api/types'
import { ipKindLabels, ipStatusLabels, maturityLabels, patentTypeLabels, transferModeLabels, trlLabels } from './labels'

type Maturity = Achievement['maturity']
type TransferMode = Achievement['transferModes'][number]

export type AchievementValues = {
  ownerOrgId?: string
  title: string
  summary: string
  keywords: string[]
  category?: string
  discipline?: string
  industryCodes: string[]
  trl?: number
  maturity?: Maturity
  ipItems: IpItem[]
  team: TeamMember[]
  transferModes: TransferMode[]
  priceNegotiable: boolean
  priceMinWan?: number
  priceMaxWan?: number
  confidentiality: Confidentiality
  note?: string
}

const fields = [
  'ownerOrgId',
  'title',
  'summary',
  'keywords',
  'category',
  'discipline',
  'industryCodes',
  'trl',
  'maturity',
  'ipItems',
  'team',
  'transferModes',
  'priceNegotiable',
  'priceMinWan',
  'priceMaxWan',
  'confidentiality',
  'note',
]
/** Said in 万元, as typed: the server's limit in 分 (金额应为整数（单位：分）) would read as a riddle. */
const PRICE_RULES: Rule[] = [
  { type: 'number', min: 0, message: '价格不能为负' },
  { type: 'number', max: 1_000_000, message: '价格不超过 1000000 万元（100 亿元）' },
]
const renamed = { priceMinFen: 'priceMinWan', priceMaxFen: 'priceMaxWan' }

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }))
const trlOptions = Object.entries(trlLabels).map(([level, label]) => ({
  value: Number(level),
  label: `TRL ${level} · ${label}`,
}))
const blank = (text: string | undefined | null) => (text?.trim() ? text.trim() : null)

export function toValues(a: Achievement): AchievementValues {
  return {
    title: a.title,
    summary: a.summary,
    keywords: a.keywords,
    category: a.category ?? undefined,
    discipline: a.discipline ?? undefined,
    industryCodes: a.industryCodes,
    trl: a.trl,
    maturity: a.maturity,
    ipItems: a.ipItems,
    team: a.team.map((m) => ({ name: m.name, title: m.title ?? null, organization: m.organization ?? null })),
    transferModes: a.transferModes,
    priceNegotiable: a.priceNegotiable,
    priceMinWan: fenToWan(a.priceMinFen),
    priceMaxWan: fenToWan(a.priceMaxFen),
    confidentiality: a.confidentiality,
  }
}

/** The body the API takes, from the form (amounts back to 分, blanks to null). */
export function toInput(v: AchievementValues): Omit<CreateAchievementInput, 'ownerOrgId'> {
  return {
    title: v.title?.trim() ?? '',
    summary: v.summary?.trim() ?? '',
    keywords: v.keywords ?? [],
    category: v.category ?? null,
    discipline: v.discipline ?? null,
    industryCodes: v.industryCodes ?? [],
    trl: v.trl as number,
    maturity: v.maturity as Maturity,
    ipItems: (v.ipItems ?? []).map((item) => ({
      kind: item.kind,
      number: blank(item.number),
      title: blank(item.title),
      patentType: item.kind === 'patent' ? (item.patentType ?? null) : null,
      status: item.status ?? null,
    })),
    team: (v.team ?? []).map((m) => ({ name: m.name, title: blank(m.title), organization: blank(m.organization) })),
    transferModes: v.transferModes ?? [],
    priceNegotiable: v.priceNegotiable,
    priceMinFen: v.priceNegotiable ? null : wanToFen(v.priceMinWan),
    priceMaxFen: v.priceNegotiable ? null : wanToFen(v.priceMaxWan),
    confidentiality: v.confidentiality,
  }
}

/**
 * 成果录入 / 编辑: field problems come back from the server in Chinese and sit under their fields; a similar
 * record warns with links while typing; 智能推荐分类 fills 学科 and 产业 for the person to confirm.
 */
export function AchievementForm({
  achievement,
  submitText,
  onSubmit,
  onCancel,
}: {
  achievement?: Achievement
  submitText: string
  /** Resolves when saved; throws the API error otherwise. */
  onSubmit: (values: AchievementValues) => Promise<void>
  onCancel: () => void
}) {
  const { message } = App.useApp()
  const user = useCurrentUser()
  const can = useCan()
  const formRef = useRef<ProFormInstance<AchievementValues>>(undefined)
  const [duplicates, setDuplicates] = useState<Duplicate[]>([])
  const [ownerArea, setOwnerArea] = useState<string>()
  const isOfficer = can('organization.read') && !achievement
  const jurisdiction = achievement?.jurisdictionCode ?? ownerArea ?? user.jurisdictionCode

  const checkDuplicates = async () => {
    const form = formRef.current
    const title = (form?.getFieldValue('title') as string | undefined)?.trim()
    if (!title || title.length < 4) return
    const summary = (form?.getFieldValue('summary') as string | undefined)?.trim()
    try {
      const found = await findAchievementDuplicates({
        title,
        summary: summary || undefined,
        ownerOrgId: (form?.getFieldValue('ownerOrgId') as string | undefined) ?? achievement?.ownerOrgId,
      })
      setDuplicates(found.items.filter((d) => d.id !== achievement?.id))
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: AchievementValues) => {
    try {
      await onSubmit(values)
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') message.error('该成果已被他人修改，请刷新后再编辑')
      else if (!form || !showServerFieldErrors(form, error, fields, renamed)) message.error(errorMessage(error))
      return false
    }
  }

  return (
    <ProForm<AchievementValues>
      name="achievement"
      formRef={formRef}
      layout="vertical"
      grid
      rowProps={{ gutter: 16 }}
      scrollToFirstError
      initialValues={
        achievement
          ? toValues(achievement)
          : {
              keywords: [],
              industryCodes: [],
              ipItems: [],
              team: [],
              transferModes: [],
              priceNegotiable: true,
              confidentiality: 'internal',
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
      <FormSection title="基本信息" />
      {isOfficer ? (
        <GridItem
          name="ownerOrgId"
          label="成果所属机构"
          tooltip="代为录入时选择本辖区的高校、院所或企业；不选则记在本单位名下"
          colProps={{ span: 24 }}
        >
          <OwnerOrganizationSelect onOrganization={(org) => setOwnerArea(org?.jurisdictionCode)} />
        </GridItem>
      ) : null}
      <ProFormText
        name="title"
        label="成果名称"
        placeholder="如：具身智能机器人关节控制"
        rules={[{ required: true, message: '请填写成果名称' }]}
        fieldProps={{ maxLength: 200, showCount: true, onBlur: () => void checkDuplicates() }}
        colProps={{ span: 24 }}
      />
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <DuplicateAlert duplicates={duplicates} linkTo={(id) => `/achievements/${id}`} />
        </Col>
      ) : null}
      <ProFormTextArea
        name="summary"
        label="成果简介"
        placeholder="技术原理、主要指标、应用领域与转化前景（至少 20 字）"
        rules={[{ required: true, message: '请填写成果简介' }]}
        fieldProps={{ rows: 6, maxLength: 8000, showCount: true, onBlur: () => void checkDuplicates() }}
        colProps={{ span: 24 }}
      />
      <ProFormSelect
        name="keywords"
        label="关键词"
        mode="tags"
        placeholder="输入后回车，可填多个"
        fieldProps={{ tokenSeparators: [',', '，', '、', ';', '；'], open: false, maxTagCount: 20 }}
        colProps={{ span: 24 }}
      />

      <FormSection title="分类" />
      <Col span={24} style={{ marginBottom: 16 }}>
        <ClassificationSuggest
          withDiscipline
          jurisdiction={jurisdiction}
          getText={() => {
            const v = formRef.current?.getFieldsValue(['title', 'summary', 'keywords']) as Partial<AchievementValues>
            return [v?.title, v?.summary, ...(v?.keywords ?? [])].filter(Boolean).join('。')
          }}
          onApply={(choice) =>
            formRef.current?.setFieldsValue({
              category: choice.category,
              discipline: choice.discipline,
              industryCodes: choice.industryCodes,
            })
          }
        />
      </Col>
      <ProFormSelect
        name="category"
        label="学科门类"
        options={categoryOptions}
        placeholder="选择学科门类"
        colProps={{ md: 8 }}
        fieldProps={{
          allowClear: true,
          onChange: () => formRef.current?.setFieldValue('discipline', undefined),
        }}
      />
      <ProFormDependency name={['category']}>
        {({ category }: { category?: string }) => (
          <ProFormSelect
            name="discipline"
            label="一级学科"
            placeholder="选择一级学科"
            colProps={{ md: 16 }}
            showSearch
            fieldProps={{
              options: disciplineOptions(category),
              allowClear: true,
              onChange: (value: unknown) => {
                if (typeof value === 'string' && !category)
                  formRef.current?.setFieldValue('category', categoryOf(value))
              },
            }}
          />
        )}
      </ProFormDependency>
      <GridItem
        name="industryCodes"
        label="产业分类"
        tooltip="本地区产业体系（及国家战略性新兴产业分类）中的产业链，最多 10 项"
        colProps={{ span: 24 }}
      >
        <IndustryTreeSelect jurisdiction={jurisdiction} />
      </GridItem>

      <FormSection title="成熟度" />
      <ProFormSelect
        name="trl"
        label="技术就绪度（TRL）"
        options={trlOptions}
        placeholder="选择 TRL 1–9"
        rules={[{ required: true, message: '请选择技术就绪度（TRL 1–9）' }]}
        colProps={{ md: 12 }}
      />
      <ProFormSelect
        name="maturity"
        label="成熟度"
        options={options(maturityLabels)}
        placeholder="理论 / 实验室 / 样品 / 小试 / 中试 / 产品"
        rules={[{ required: true, message: '请选择成熟度' }]}
        colProps={{ md: 12 }}
      />

      <FormSection title="知识产权" />
      <Col span={24}>
        <ProFormList<IpItem>
          name="ipItems"
          creatorButtonProps={{ creatorButtonText: '添加知识产权（专利、软件著作权、技术秘密）' }}
          creatorRecord={{ kind: 'patent', status: 'granted', patentType: 'invention' }}
          copyIconProps={false}
          colProps={{ span: 24 }}
          itemRender={({ listDom, action }, { index }) => (
            <Card size="small" style={{ marginBottom: 8 }} title={`第 ${index + 1} 项`} extra={action}>
              {listDom}
            </Card>
          )}
        >
          <Row gutter={12}>
            <ProFormSelect
              name="kind"
              label="类型"
              options={options(ipKindLabels)}
              rules={[{ required: true, message: '请选择知识产权类型' }]}
              colProps={{ xs: 24, md: 6 }}
            />
            <ProFormText name="number" label="编号" placeholder="专利号 / 登记号" colProps={{ xs: 24, md: 6 }} />
            <ProFormDependency name={['kind']}>
              {({ kind }: { kind?: IpItem['kind'] }) =>
                kind === 'patent' ? (
                  <ProFormSelect
                    name="patentType"
                    label="专利类型"
                    options={options(patentTypeLabels)}
                    colProps={{ xs: 12, md: 6 }}
                  />
                ) : null
              }
            </ProFormDependency>
            <ProFormSelect name="status" label="状态" options={options(ipStatusLabels)} colProps={{ xs: 12, md: 6 }} />
            <ProFormText name="title" label="名称" colProps={{ span: 24 }} />
          </Row>
        </ProFormList>
      </Col>

      <FormSection title="团队成员" />
      <Col span={24}>
        <ProFormList<TeamMember>
          name="team"
          creatorButtonProps={{ creatorButtonText: '添加团队成员' }}
          copyIconProps={false}
          colProps={{ span: 24 }}
        >
          <Row gutter={12} style={{ width: '100%' }}>
            <ProFormText
              name="name"
              label="姓名"
              rules={[{ required: true, message: '请填写姓名' }]}
              colProps={{ xs: 24, md: 6 }}
            />
            <ProFormText name="title" label="职称" colProps={{ xs: 12, md: 6 }} />
            <ProFormText name="organization" label="单位" colProps={{ xs: 12, md: 12 }} />
          </Row>
        </ProFormList>
      </Col>

      <FormSection title="转化意向" />
      <ProFormSelect
        name="transferModes"
        label="转化方式"
        mode="multiple"
        options={options(transferModeLabels)}
        placeholder="转让 / 许可 / 作价入股 / 合作开发"
        rules={[{ required: true, message: '请至少选择一种转化方式' }]}
        colProps={{ md: 12 }}
      />
      <ProFormSwitch
        name="priceNegotiable"
        label="价格面议"
        colProps={{ md: 12 }}
        fieldProps={{ checkedChildren: '面议', unCheckedChildren: '定价' }}
      />
      <ProFormDependency name={['priceNegotiable']}>
        {({ priceNegotiable }: { priceNegotiable?: boolean }) =>
          priceNegotiable ? null : (
            <>
              <GridItem name="priceMinWan" label="最低价（万元）" colProps={{ xs: 12, md: 6 }} rules={PRICE_RULES}>
                <InputNumber precision={2} style={{ width: '100%' }} placeholder="万元" />
              </GridItem>
              <GridItem name="priceMaxWan" label="最高价（万元）" colProps={{ xs: 12, md: 6 }} rules={PRICE_RULES}>
                <InputNumber precision={2} style={{ width: '100%' }} placeholder="万元" />
              </GridItem>
            </>
          )
        }
      </ProFormDependency>

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {achievement ? (
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
