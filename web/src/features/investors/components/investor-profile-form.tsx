import {
  ProForm,
  ProFormCheckbox,
  ProFormDigit,
  type ProFormInstance,
  ProFormRadio,
  ProFormSelect,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { App, Button, Col, TreeSelect, Typography } from 'antd'
import { useMemo, useRef, useState } from 'react'
import { errorMessage, isApiError } from '../../../shared/http'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { ConfidentialityField, FormSection, GridItem } from '../../../shared/registry/form-parts'
import { type FieldPath, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { fenToWan, wanToFen } from '../../../shared/registry/money'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { useSaveInvestorProfile } from '../api/own-profile'
import type { InvestmentStage, InvestorKind, InvestorProfileView } from '../api/types'
import { investmentStageHints, investmentStageLabels, investorFieldLabels, investorKindLabels } from './labels'

type Values = {
  kind?: InvestorKind
  stages?: InvestmentStage[]
  industryCodes?: string[]
  focusKeywords?: string[]
  ticketMinWan?: number
  ticketMaxWan?: number
  jurisdictionCodes?: string[]
  introduction?: string
  confidentiality?: InvestorProfileView['confidentiality']
}

/** Ticket sizes are 万元 in the form and 分 in the API. */
const renameFromApi = (path: FieldPath): FieldPath =>
  path.map((part) => (part === 'ticketMinFen' ? 'ticketMinWan' : part === 'ticketMaxFen' ? 'ticketMaxWan' : part))

const initialValues = (profile: InvestorProfileView): Values =>
  profile.exists
    ? {
        kind: profile.kind ?? undefined,
        stages: profile.stages,
        industryCodes: profile.industryCodes,
        focusKeywords: profile.focusKeywords,
        ticketMinWan: fenToWan(profile.ticketMinFen),
        ticketMaxWan: fenToWan(profile.ticketMaxFen),
        jurisdictionCodes: profile.jurisdictionCodes,
        introduction: profile.introduction,
        confidentiality: profile.confidentiality,
      }
    : { stages: [], industryCodes: [], focusKeywords: [], jurisdictionCodes: [], confidentiality: 'internal' }

/**
 * 我的投资偏好: stages, fields (industry nodes and free 关注方向 words, since each city has its own industry system),
 * ticket size in 万元 and area. Verified projects are matched to institutions by these; the server checks every rule.
 */
export function InvestorProfileForm({ profile, onSaved }: { profile: InvestorProfileView; onSaved?: () => void }) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const { message } = App.useApp()
  const save = useSaveInvestorProfile()
  const jurisdictions = useJurisdictions()
  const areaTree = useMemo(() => jurisdictionTree(jurisdictions.data?.items ?? []), [jurisdictions.data])
  const [problems, setProblems] = useState<Problem[]>([])
  const [failure, setFailure] = useState<string | null>(null)

  const submit = async (values: Values) => {
    setProblems([])
    setFailure(null)
    try {
      await save.mutateAsync({
        kind: values.kind as InvestorKind,
        stages: values.stages ?? [],
        industryCodes: values.industryCodes ?? [],
        focusKeywords: (values.focusKeywords ?? []).map((w) => w.trim()).filter(Boolean),
        ticketMinFen: wanToFen(values.ticketMinWan) ?? 0,
        ticketMaxFen: wanToFen(values.ticketMaxWan) ?? 0,
        jurisdictionCodes: values.jurisdictionCodes ?? [],
        introduction: values.introduction?.trim() ?? '',
        confidentiality: values.confidentiality ?? 'internal',
        version: profile.version,
      })
      message.success('投资偏好已保存，项目匹配将按新偏好推荐')
      onSaved?.()
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        setFailure('投资偏好已被他人修改，请刷新页面后重新编辑')
        message.error('投资偏好已被他人修改，请刷新页面后重新编辑')
      } else {
        const placed = form ? placeServerProblems(form, error, investorFieldLabels, renameFromApi) : []
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
      initialValues={initialValues(profile)}
      onFinish={submit}
      scrollToFirstError
      submitter={{
        render: (props) => (
          <div className="fm-form-actions">
            <Button type="primary" data-testid="submit" loading={save.isPending} onClick={() => props.submit()}>
              保存投资偏好
            </Button>
          </div>
        ),
      }}
    >
      <Col span={24}>
        <ProblemAlert problems={problems} message={failure} />
      </Col>
      <FormSection title="机构与阶段" />
      <ProFormRadio.Group
        name="kind"
        label="机构类型"
        colProps={{ span: 24 }}
        options={Object.entries(investorKindLabels).map(([value, label]) => ({ value, label }))}
        rules={[{ required: true, message: '请选择机构类型' }]}
      />
      <ProFormCheckbox.Group
        name="stages"
        label="投资阶段"
        colProps={{ span: 24 }}
        options={Object.entries(investmentStageLabels).map(([value, label]) => ({
          value,
          label: (
            <span>
              {label}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                {investmentStageHints[value as InvestmentStage]}
              </Typography.Text>
            </span>
          ),
        }))}
        fieldProps={{ className: 'fm-radio-stack' }}
        rules={[{ required: true, message: '请至少选择一个投资阶段' }]}
      />
      <FormSection title="关注领域" />
      <GridItem
        name="industryCodes"
        label="关注产业"
        colProps={{ xs: 24, md: 12 }}
        tooltip="可选择各地产业体系中的产业链；不同城市的同名产业视为相同"
      >
        <IndustryTreeSelect placeholder="选择关注的产业链" />
      </GridItem>
      <ProFormSelect
        name="focusKeywords"
        label="关注方向"
        colProps={{ xs: 24, md: 12 }}
        tooltip="项目标题或简介中出现这些词即视为领域相符，例如：具身智能、存算一体"
        fieldProps={{ mode: 'tags', tokenSeparators: [',', '，', '、', ' '], open: false }}
        placeholder="输入关键词后回车"
      />
      <FormSection title="单笔投资额与地域" />
      <ProFormDigit
        name="ticketMinWan"
        label="单笔投资下限（万元）"
        colProps={{ xs: 12, md: 6 }}
        min={0}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: '请填写单笔投资下限' }]}
      />
      <ProFormDigit
        name="ticketMaxWan"
        label="单笔投资上限（万元）"
        colProps={{ xs: 12, md: 6 }}
        min={0}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: '请填写单笔投资上限' }]}
      />
      <GridItem
        name="jurisdictionCodes"
        label="投资地域"
        colProps={{ xs: 24, md: 12 }}
        tooltip="不选表示不限地域；选择城市即包含其下各区县"
      >
        <TreeSelect
          multiple
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeData={areaTree}
          placeholder="不限地域"
          maxTagCount="responsive"
          style={{ width: '100%' }}
        />
      </GridItem>
      <ProFormTextArea
        name="introduction"
        label="机构简介"
        colProps={{ span: 24 }}
        fieldProps={{ rows: 3, maxLength: 1000, showCount: true }}
        placeholder="投资理念、代表案例、可提供的投后服务"
      />
      <FormSection title="公开程度" />
      <ConfidentialityField />
    </ProForm>
  )
}
