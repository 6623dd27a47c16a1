import { useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { showFieldErrors } from '../../../shared/form-errors'
import { errorMessage, http, isApiError } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import {
  listApplications,
  useApplication,
  useCreateApplication,
  useSubmitApplication,
  useUpdateApplication,
} from '../api/applications'
import { useCall } from '../api/calls'
import { useRuleVersion } from '../api/rules'
import type { Application, Call } from '../api/types'
import {
  type ApplicationFormValues,
  DeclaredFields,
  fromFormValues,
  type RuleCondition,
  toFormValues,
} from '../components/application-fields'
import { ConditionChecks } from '../components/condition-checks'

type CarrierOption = { id: string; name: string; kindLabel: string; accreditationStatus: string }

function useOwnCarriers(kind: string | undefined) {
  return useQuery({
    queryKey: ['accreditation', 'own-carriers', kind ?? ''],
    queryFn: () =>
      http.get<{ items: CarrierOption[] }>('/carriers', { owner: 'mine', kind, pageSize: 100, sort: 'name' }),
    enabled: !!kind,
  })
}

const EMPTY: ApplicationFormValues = {
  centerName: '',
  partners: [],
  specialFundsWan: null,
  fundSizeWan: null,
  fundName: null,
  staffTotal: null,
  staffFullTime: null,
  staffTechManagers: null,
  advisoryExpertIds: [],
  declarations: [],
  attachments: [],
}

/** 自主申报: a new application under a call (?call=…), or a draft / returned application being corrected. */
function ApplicationForm({ call, app }: { call: Call; app?: Application }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<ApplicationFormValues>()
  const rule = useRuleVersion(call.ruleVersionId)
  const carriers = useOwnCarriers(app ? undefined : call.carrierKind)
  const create = useCreateApplication()
  const update = useUpdateApplication()
  const submit = useSubmitApplication()
  const [problem, setProblem] = useState<string>()
  const [broughtFrom, setBroughtFrom] = useState<string>()
  const conditions = (rule.data?.document.conditions ?? []) as RuleCondition[]
  const declarationKeys = useMemo(
    () => conditions.filter((c) => c.check === 'declarations').flatMap((c) => (c.items ?? []).map((i) => i.key)),
    [conditions],
  )
  const pattern = rule.data?.document.namePattern

  useEffect(() => {
    if (app) form.setFieldsValue(toFormValues(app))
  }, [app, form])

  // A carrier that applied before (withdrawn, returned elsewhere) brings its declaration along, to be checked.
  async function onCarrierChange(carrierId: string) {
    const mine = await listApplications({ pageSize: 100 }).catch(() => undefined)
    const previous = mine?.items
      .filter((a) => a.carrierId === carrierId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    if (previous) {
      form.setFieldsValue({ ...toFormValues(previous), carrierId })
      setBroughtFrom(`已带入“${previous.callTitle}”中的申报内容（${previous.statusLabel}），请逐项核对`)
    } else setBroughtFrom(undefined)
  }

  const busy = create.isPending || update.isPending || submit.isPending

  async function save(andSubmit: boolean) {
    setProblem(undefined)
    let values: ApplicationFormValues
    try {
      values = await form.validateFields()
    } catch {
      return
    }
    const content = fromFormValues({ ...EMPTY, ...values }, declarationKeys)
    try {
      let saved: Application
      if (!app) {
        saved = await create.mutateAsync({
          ...content,
          callId: call.id,
          carrierId: values.carrierId!,
          submit: andSubmit,
        })
      } else {
        saved = await update.mutateAsync({ id: app.id, version: app.version, ...content })
        if (andSubmit) saved = await submit.mutateAsync({ id: saved.id, version: saved.version })
      }
      message.success(andSubmit ? '已提交申报，等待县（市、区）审核推荐' : '已保存草稿，认定条件已重新核验')
      navigate(andSubmit ? `/accreditation/applications/${saved.id}` : `/accreditation/applications/${saved.id}/edit`, {
        replace: true,
      })
    } catch (error) {
      const placed = showFieldErrors(form, error, ['carrierId', 'centerName'])
      if (isApiError(error) && error.code !== 'VALIDATION_FAILED') setProblem(error.message)
      else if (!placed) setProblem(errorMessage(error))
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Form form={form} layout="vertical" initialValues={EMPTY} disabled={busy} data-testid="application-form">
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small" title={call.title}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                申报期 {call.openedOn} 至 {call.deadline} · 依据 {call.ruleVersion}
                。平台已掌握的项目库、样品化、落地转化、
                主体资格、服务能力与主任情况直接取自平台记录，无需填写；以下只填写平台没有的内容。
              </Typography.Paragraph>
              {broughtFrom ? <Alert type="info" showIcon message={broughtFrom} style={{ marginBottom: 12 }} /> : null}
              {app ? null : (
                <Form.Item name="carrierId" label="申报载体" rules={[{ required: true, message: '请选择申报的载体' }]}>
                  <Select
                    loading={carriers.isPending}
                    placeholder={`本单位运营的${call.carrierKindLabel}`}
                    onChange={(id: string) => void onCarrierChange(id)}
                    notFoundContent="本单位尚未登记该类载体，请先在“载体”中登记"
                    // An accredited carrier is shown but not offered: the form is long, and the server would only
                    // answer 「无需重复申报」 once it is filled in.
                    options={(carriers.data?.items ?? []).map((c) =>
                      c.accreditationStatus === 'accredited'
                        ? { value: c.id, label: `${c.name}（已获认定，无需重复申报）`, disabled: true }
                        : { value: c.id, label: c.name },
                    )}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="centerName"
                label="申报名称"
                extra={
                  pattern ? `统一命名：${pattern.template}，例如“${pattern.example}”（${pattern.cite}）` : undefined
                }
                rules={[
                  { required: true, whitespace: true, message: '请填写申报名称' },
                  {
                    validator: async (_, value: string) => {
                      if (!pattern || !value || new RegExp(pattern.regex, 'u').test(value.trim())) return
                      throw new Error(`名称应按“${pattern.template}”统一命名，例如“${pattern.example}”`)
                    },
                  },
                ]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Card>
            <DeclaredFields conditions={conditions} city={call.jurisdictionCode} />
            {problem ? <Alert type="error" showIcon message={problem} data-testid="form-problem" /> : null}
            <Space wrap>
              <Button onClick={() => void save(false)} loading={busy}>
                保存草稿并核验
              </Button>
              <Button type="primary" onClick={() => void save(true)} loading={busy}>
                提交申报
              </Button>
            </Space>
          </Space>
        </Form>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="认定条件核验">
          <ConditionChecks checks={app?.checks ?? null} />
        </Card>
      </Col>
    </Row>
  )
}

export function ApplicationCreatePage() {
  const [params] = useSearchParams()
  const call = useCall(params.get('call') ?? undefined)
  return (
    <Page title="认定申报" content={<BackLink to="/accreditation?tab=calls" label="返回认定通知" />}>
      {call.data ? (
        call.data.accepting ? (
          <ApplicationForm call={call.data} />
        ) : (
          <Alert
            type="warning"
            showIcon
            message={`“${call.data.title}”不在申报期内（${call.data.openedOn} 至 ${call.data.deadline}）`}
          />
        )
      ) : (
        <RecordState isPending={call.isPending} error={call.error} what="认定通知" backTo="/accreditation?tab=calls" />
      )}
    </Page>
  )
}

export function ApplicationEditPage() {
  const { id = '' } = useParams()
  const app = useApplication(id)
  const call = useCall(app.data?.callId)
  return (
    <Page title="修改认定申报" content={<BackLink to={`/accreditation/applications/${id}`} label="返回申报详情" />}>
      {app.data && call.data ? (
        <ApplicationForm key={app.data.version} call={call.data} app={app.data} />
      ) : (
        <RecordState
          isPending={app.isPending || call.isPending}
          error={app.error ?? call.error}
          what="认定申报"
          backTo="/accreditation"
        />
      )}
    </Page>
  )
}
