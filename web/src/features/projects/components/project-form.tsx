import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import type { EntryChannel } from '@server/modules/projects/schema'
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { fenToWan, wanToFen } from '../../../shared/money'
import { disciplineOptions } from '../../../shared/registry/disciplines'
import { type FieldPath, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { useCompact } from '../../../shared/responsive'
import { useCurrentUser } from '../../../shared/session'
import { useApplyProject } from '../api/apply-project'
import { useCenters } from '../api/list-centers'
import { useSolicitations } from '../api/solicitations'
import { getAchievement, useMyAchievements } from '../api/source-achievements'
import { useTransitionProject } from '../api/transition-project'
import type { Project } from '../api/types'
import { useUpdateProject } from '../api/update-project'
import { channelLabels, channelsForRole, verificationTypeHints, verificationTypeLabels } from './labels'

type Values = {
  channel: EntryChannel
  solicitationId?: string
  achievementIds: string[]
  title: string
  summary: string
  team: { name: string; role?: string; organization?: string }[]
  industryCodes: string[]
  disciplines: string[]
  requestedTypes: string[]
  budgetWan?: number
  trl?: number
  centerOrgId?: string
}

const labels: Record<string, string> = {
  channel: '项目来源',
  solicitationId: '征集通知',
  achievementIds: '源自成果',
  title: '项目名称',
  summary: '项目简介',
  team: '项目团队',
  industryCodes: '产业领域',
  disciplines: '学科',
  requestedTypes: '申请的验证类型',
  budgetWan: '验证预算',
  trl: '技术就绪度',
  centerOrgId: '负责的概念验证中心',
}

const rename = (path: FieldPath): FieldPath => (path[0] === 'budgetFen' ? ['budgetWan', ...path.slice(1)] : path)

/**
 * 申请概念验证: starts from one of the applicant's achievements (title, summary, team, industries and TRL are
 * copied in and may be edited), names the verification wanted, the budget and the center in charge.
 */
export function ProjectForm({
  project,
  achievementId,
  solicitationId,
  onSaved,
}: {
  /** Edit mode: a draft or a project returned for correction; source and center stay as applied. */
  project?: Project
  achievementId?: string
  solicitationId?: string
  onSaved: (project: Project) => void
}) {
  const { message } = App.useApp()
  const compact = useCompact()
  const user = useCurrentUser()
  const [form] = Form.useForm<Values>()
  const [problems, setProblems] = useState<Problem[]>([])
  const apply = useApplyProject()
  const update = useUpdateProject()
  const transition = useTransitionProject()
  const saving = apply.isPending || update.isPending || transition.isPending
  const mine = useMyAchievements()
  const centers = useCenters()
  const calls = useSolicitations(user.jurisdictionCode)
  const channels = channelsForRole[user.role] ?? ['application']
  const channel = Form.useWatch('channel', form)
  const openCalls = (calls.data?.items ?? []).filter((c) => c.status === 'open')

  const copyFrom = async (id: string) => {
    try {
      const a = await getAchievement(id)
      const current = form.getFieldsValue()
      form.setFieldsValue({
        title: current.title || a.title,
        summary: current.summary || a.summary,
        team:
          current.team?.some((m) => m?.name) || a.team.length === 0
            ? current.team
            : a.team.map((m) => ({
                name: m.name,
                role: m.title ?? undefined,
                organization: m.organization ?? undefined,
              })),
        industryCodes: current.industryCodes?.length ? current.industryCodes : a.industryCodes,
        disciplines: current.disciplines?.length ? current.disciplines : a.discipline ? [a.discipline] : [],
        trl: current.trl ?? a.trl,
      })
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  // Only the achievement named in the address is copied in, once, on arrival.
  useEffect(() => {
    if (achievementId) void copyFrom(achievementId)
  }, [achievementId])

  const submit = async (submitNow: boolean) => {
    setProblems([])
    let values: Values
    try {
      values = submitNow ? await form.validateFields() : form.getFieldsValue(true)
    } catch {
      return
    }
    try {
      if (project) {
        const updated = await update.mutateAsync({
          id: project.id,
          version: project.version,
          achievementIds: values.achievementIds ?? [],
          title: values.title ?? '',
          summary: values.summary ?? '',
          team: (values.team ?? []).filter((m) => m?.name),
          industryCodes: values.industryCodes ?? [],
          disciplines: values.disciplines ?? [],
          requestedTypes: (values.requestedTypes ?? []) as never,
          budgetFen: wanToFen(values.budgetWan ?? 0),
          trl: values.trl ?? null,
        })
        const saved = submitNow
          ? await transition.mutateAsync({ id: project.id, to: 'submitted', version: updated.version })
          : updated
        message.success(submitNow ? '已修改并提交' : '修改已保存')
        onSaved(saved)
        return
      }
      const created = await apply.mutateAsync({
        channel: values.channel,
        solicitationId: values.channel === 'solicitation' ? values.solicitationId : undefined,
        achievementIds: values.achievementIds ?? [],
        title: values.title ?? '',
        summary: values.summary ?? '',
        team: (values.team ?? []).filter((m) => m?.name),
        industryCodes: values.industryCodes ?? [],
        disciplines: values.disciplines ?? [],
        requestedTypes: (values.requestedTypes ?? []) as never,
        budgetFen: wanToFen(values.budgetWan ?? 0),
        trl: values.trl ?? null,
        centerOrgId: values.centerOrgId ?? '',
        submit: submitNow,
      })
      message.success(submitNow ? '申请已提交，等待概念验证中心受理' : '已保存为草稿')
      onSaved(created)
    } catch (error) {
      const placed = placeServerProblems(form, error, labels, rename)
      setProblems(placed)
      message.error(errorMessage(error))
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        project
          ? {
              channel: project.channel,
              solicitationId: project.solicitationId ?? undefined,
              achievementIds: project.achievementIds,
              title: project.title,
              summary: project.summary,
              team: project.team.map((m) => ({
                name: m.name,
                role: m.role ?? undefined,
                organization: m.organization ?? undefined,
              })),
              industryCodes: project.industryCodes,
              disciplines: project.disciplines,
              requestedTypes: project.requestedTypes,
              budgetWan: fenToWan(project.budgetFen),
              trl: project.trl ?? undefined,
              centerOrgId: project.centerOrgId,
            }
          : {
              channel: solicitationId ? 'solicitation' : channels[0],
              solicitationId,
              achievementIds: achievementId ? [achievementId] : [],
              team: [{ name: user.displayName.replace(/（.*）$/, '') }],
              industryCodes: [],
              disciplines: [],
              requestedTypes: [],
            }
      }
      requiredMark
      data-testid="project-form"
    >
      <Card title="来源与成果" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="channel" label="项目来源" rules={[{ required: true, message: '请选择项目来源' }]}>
          <Radio.Group
            disabled={!!project}
            options={channels.map((value) => ({ value, label: channelLabels[value] }))}
            optionType="button"
          />
        </Form.Item>
        {channel === 'solicitation' ? (
          <Form.Item
            name="solicitationId"
            label="征集通知"
            rules={[{ required: true, message: '通过征集申报时请选择征集通知' }]}
          >
            <Select
              disabled={!!project}
              placeholder={openCalls.length ? '选择正在征集的通知' : '当前没有正在征集的通知'}
              loading={calls.isPending}
              options={openCalls.map((c) => ({ value: c.id, label: `${c.title}（截止 ${c.deadline}）` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="achievementIds"
          label="源自成果"
          extra="选择本单位的科技成果，名称、简介、团队、产业与技术就绪度将自动带入，可再修改"
        >
          <Select
            mode="multiple"
            placeholder={
              mine.data?.items.length === 0 ? '本单位暂无成果，可先到“科技成果”录入' : '选择本单位的科技成果'
            }
            loading={mine.isPending}
            optionFilterProp="label"
            options={(mine.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
            onSelect={(id: string) => void copyFrom(id)}
          />
        </Form.Item>
      </Card>
      <Card title="项目信息" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="title" label="项目名称" rules={[{ required: true, min: 4, message: '项目名称至少 4 个字' }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item
          name="summary"
          label="项目简介"
          rules={[{ required: true, min: 20, message: '项目简介至少 20 个字' }]}
        >
          <Input.TextArea
            rows={compact ? 5 : 4}
            maxLength={8000}
            showCount
            placeholder="技术原理、当前进展、拟验证的问题"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="industryCodes" label="产业领域">
              <IndustryTreeSelect jurisdiction={user.jurisdictionCode} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="disciplines" label="学科">
              <Select mode="multiple" maxCount={5} showSearch options={disciplineOptions()} placeholder="一级学科" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>项目团队</Typography.Text>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, message: '请填写姓名' }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder="姓名" aria-label={`成员 ${index + 1} 姓名`} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8 }}>
                    <Input placeholder="分工，如：项目负责人" style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'organization']} style={{ marginBottom: 8 }}>
                    <Input placeholder="单位" style={{ width: 200 }} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label="移除成员"
                      onClick={() => remove(field.name)}
                    />
                  ) : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                添加成员
              </Button>
            </div>
          )}
        </Form.List>
      </Card>
      <Card title="验证需求" size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="requestedTypes"
          label="申请的验证类型"
          rules={[{ required: true, message: '请至少选择一种验证类型' }]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 8]}>
              {Object.entries(verificationTypeLabels).map(([value, label]) => (
                <Col xs={24} md={12} key={value}>
                  <Checkbox value={value}>
                    {label}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                      （{verificationTypeHints[value as keyof typeof verificationTypeHints]}）
                    </Typography.Text>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="budgetWan"
              label="验证预算（万元）"
              rules={[
                { required: true, message: '请填写验证预算' },
                // Said, not clamped: InputNumber's min/max would change a typed 0 or 1e12 without a word.
                { type: 'number', min: 0.01, message: '验证预算应大于 0' },
                { type: 'number', max: 100000, message: '验证预算不超过 100000 万元（10 亿元）' },
              ]}
            >
              <InputNumber precision={2} style={{ width: '100%' }} suffix="万元" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="trl" label="技术就绪度（TRL）">
              <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="centerOrgId"
              label="负责的概念验证中心"
              rules={[{ required: true, message: '请选择负责的概念验证中心' }]}
            >
              <Select
                disabled={!!project}
                showSearch
                optionFilterProp="label"
                placeholder="选择概念验证中心"
                loading={centers.isPending}
                options={(centers.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.name}（${c.jurisdictionName}）`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {problems.length ? <ProblemAlert problems={problems} /> : null}

      <Space wrap>
        <Button type="primary" loading={saving} onClick={() => void submit(true)}>
          {project ? '保存并提交' : '提交申请'}
        </Button>
        <Button loading={saving} onClick={() => void submit(false)}>
          {project ? '保存修改' : '保存草稿'}
        </Button>
      </Space>
    </Form>
  )
}
