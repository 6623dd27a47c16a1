import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { useSubmittedProjects } from '../api/pick-lists'
import { useCreateRound } from '../api/rounds'
import { type CapOverrideRow, CapOverridesEditor, capOverridesInput } from '../components/cap-overrides'
import { CriteriaEditor, criteriaInput } from '../components/criteria-editor'
import { DEFAULT_CRITERIA, ROUND_DEFAULTS } from '../components/labels'

type Values = {
  title: string
  projectIds: string[]
  criteria: { key?: string; name: string; weight: number; description?: string }[]
  reviewersPerProject: number
  defaultCap: number
  capOverrides: CapOverrideRow[]
  deadline: Dayjs
  reminderWorkdays: number
  outlierThreshold: number
  admissionThreshold?: number | null
}

const labels: Record<string, string> = {
  title: '轮次名称',
  projectIds: '评价项目',
  criteria: '评价指标',
  reviewersPerProject: '每个项目评审专家人数',
  defaultCap: '每位专家评审上限',
  capOverrides: '单独上限',
  deadline: '评审截止日期',
  reminderWorkdays: '截止前提醒',
  outlierThreshold: '异常评分阈值',
  admissionThreshold: '入库分数线',
  projectNeeds: '项目评审需求',
}

/** 新建入库评价: the center's 已申报 projects, weighted criteria (the Wenzhou four by default), reviewers, caps, deadline. */
export function RoundCreatePage() {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [form] = Form.useForm<Values>()
  const [problems, setProblems] = useState<Problem[]>([])
  const projects = useSubmittedProjects()
  const create = useCreateRound()
  const preset = params.get('project')

  const submit = async (values: Values) => {
    setProblems([])
    try {
      const round = await create.mutateAsync({
        title: values.title,
        projectIds: values.projectIds,
        criteria: criteriaInput(values.criteria),
        reviewersPerProject: values.reviewersPerProject,
        defaultCap: values.defaultCap,
        capOverrides: capOverridesInput(values.capOverrides),
        deadline: values.deadline.format('YYYY-MM-DD'),
        reminderWorkdays: values.reminderWorkdays,
        outlierThreshold: values.outlierThreshold,
        admissionThreshold: values.admissionThreshold ?? null,
      })
      message.success('评价轮次已创建，下一步：运行专家分配')
      navigate(`/evaluation-rounds/${round.id}`)
    } catch (error) {
      setProblems(placeServerProblems(form, error, labels))
      message.error(errorMessage(error))
    }
  }

  return (
    <Page title="新建入库评价" subTitle="组织顾问专家对项目进行入库评价遴选">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: `${dayjs().year()} 年第${dayjs().month() < 6 ? '一' : '二'}批概念验证项目入库评价`,
          projectIds: preset ? [preset] : [],
          criteria: DEFAULT_CRITERIA,
          ...ROUND_DEFAULTS,
          capOverrides: [],
          deadline: dayjs().add(10, 'day'),
          admissionThreshold: 70,
        }}
        data-testid="round-form"
      >
        <Card size="small" title="评价项目" style={{ marginBottom: 16 }}>
          <Form.Item name="title" label="轮次名称" rules={[{ required: true, min: 4, message: '轮次名称至少 4 个字' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="projectIds"
            label="评价项目"
            extra="本中心项目库中“已申报”的项目；纳入后项目进入“入库评价中”"
            rules={[{ required: true, message: '请至少选择 1 个项目' }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={projects.isPending}
              placeholder={projects.data?.total === 0 ? '本中心暂无待评价的项目' : '选择项目'}
              options={(projects.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.title}（${p.applicantOrgName}）`,
              }))}
            />
          </Form.Item>
        </Card>
        <Card size="small" title="评价指标与权重" style={{ marginBottom: 16 }}>
          <CriteriaEditor />
        </Card>
        <Card size="small" title="专家与期限" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="reviewersPerProject"
                label="每个项目评审专家人数"
                extra="按项目申请的验证类型覆盖技术、产品、商业验证智库"
                rules={[{ required: true, message: '请填写人数' }]}
              >
                <InputNumber min={1} max={9} precision={0} suffix="人" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="defaultCap" label="每位专家评审上限" rules={[{ required: true, message: '请填写上限' }]}>
                <InputNumber min={1} max={50} precision={0} suffix="个项目" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="deadline" label="评审截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="reminderWorkdays" label="截止前提醒（工作日）">
                <InputNumber min={1} max={20} precision={0} suffix="天" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="outlierThreshold"
                label="异常评分阈值"
                extra="某位专家的评分偏离其他专家均值超过该分数时标记"
              >
                <InputNumber min={1} max={100} suffix="分" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="admissionThreshold" label="入库分数线" extra="留空则每个决定都需填写理由">
                <InputNumber min={0} max={100} suffix="分" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="单独上限" extra="为个别专家设置不同于上面的评审上限（如 0 表示本轮不安排）">
            <CapOverridesEditor />
          </Form.Item>
        </Card>
        <ProblemAlert problems={problems} />
        {create.isError && !problems.length ? (
          <Alert type="error" showIcon message={errorMessage(create.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            创建评价轮次
          </Button>
          <Button onClick={() => navigate('/evaluation-rounds')}>取消</Button>
        </Space>
      </Form>
    </Page>
  )
}
