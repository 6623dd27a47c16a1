import {
  ModalForm,
  ProFormDateTimePicker,
  ProFormDateTimeRangePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { Alert, App, Button, Form, Grid } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { type FieldPath, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { type MatchmakingEvent, useCreateEvent, useUpdateEvent } from '../api/events'
import { eventKindLabels } from './labels'
import { RecordPicker } from './record-picker'

type Values = {
  kind: 'roadshow' | 'matchmaking'
  title: string
  description: string
  venue: string
  onlineUrl?: string
  time: [Dayjs, Dayjs]
  signupDeadline: Dayjs
  capacity?: number
  achievementIds: string[]
  demandIds: string[]
}

const labels = {
  kind: '活动类型',
  title: '活动名称',
  description: '活动介绍',
  venue: '活动地点',
  onlineUrl: '线上地址',
  time: '活动时间',
  signupDeadline: '报名截止',
  capacity: '名额',
  achievementIds: '推介成果',
  demandIds: '推介需求',
  featured: '推介项目',
}

/**
 * 发布路演 / 对接会: when and where, how many seats, and the public records it puts on stage. With `event`,
 * 修改活动: the same fields but the kind; the server refuses to take off a record a sign-up came for.
 */
export function EventForm({ event, onCreated }: { event?: MatchmakingEvent; onCreated?: (id: string) => void }) {
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<Values>()
  const create = useCreateEvent()
  const update = useUpdateEvent()
  const [problems, setProblems] = useState<Problem[]>([])
  // The pickers show what is on stage by title, not by number, before anyone searches.
  const titles = new Map(event?.featured.map((f) => [f.recordId, f.title]))
  return (
    <ModalForm<Values>
      clearOnDestroy
      form={form}
      title={event ? '修改活动' : '发布路演 / 对接会'}
      width={screens.md ? 720 : '100%'}
      trigger={
        event ? (
          <Button data-testid="edit-event">修改活动</Button>
        ) : (
          <Button type="primary" data-testid="new-event">
            发布活动
          </Button>
        )
      }
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: event ? '保存' : '发布', resetText: '取消' } }}
      initialValues={
        event
          ? {
              title: event.title,
              description: event.description,
              venue: event.venue,
              onlineUrl: event.onlineUrl ?? undefined,
              time: [dayjs(event.startsAt), dayjs(event.endsAt)],
              signupDeadline: dayjs(event.signupDeadline),
              capacity: event.capacity ?? undefined,
              achievementIds: event.featured.filter((f) => f.recordType === 'achievement').map((f) => f.recordId),
              demandIds: event.featured.filter((f) => f.recordType === 'demand').map((f) => f.recordId),
            }
          : { kind: 'roadshow', achievementIds: [], demandIds: [] }
      }
      onOpenChange={() => setProblems([])}
      onFinish={async (values) => {
        const featured = [
          ...(values.achievementIds ?? []).map((recordId) => ({ recordType: 'achievement' as const, recordId })),
          ...(values.demandIds ?? []).map((recordId) => ({ recordType: 'demand' as const, recordId })),
        ]
        // Server paths → this form's fields: the two ends of the time range, and featured records by position.
        const rename = (path: FieldPath): FieldPath => {
          if (path[0] === 'startsAt' || path[0] === 'endsAt') return ['time']
          if (path[0] === 'featured' && typeof path[1] === 'number')
            return [path[1] < (values.achievementIds ?? []).length ? 'achievementIds' : 'demandIds']
          return path
        }
        const fields = {
          title: values.title,
          description: values.description,
          venue: values.venue,
          onlineUrl: values.onlineUrl?.trim() || null,
          startsAt: dayjs(values.time[0]).toISOString(),
          endsAt: dayjs(values.time[1]).toISOString(),
          signupDeadline: dayjs(values.signupDeadline).toISOString(),
          capacity: values.capacity ?? null,
        }
        try {
          if (event) {
            await update.mutateAsync({ id: event.id, ...fields, featured, version: event.version })
            message.success('活动已修改，已报名的单位会收到时间或地点的变更通知')
            return true
          }
          const created = await create.mutateAsync({ kind: values.kind, ...fields, featured })
          message.success('活动已发布')
          onCreated?.(created.id)
          return true
        } catch (error) {
          const placed = placeServerProblems(form, error, labels, rename)
          setProblems(placed)
          if (placed.length === 0) message.error(errorMessage(error))
          return false
        }
      }}
    >
      {event ? null : (
        <ProFormRadio.Group
          name="kind"
          label="活动类型"
          radioType="button"
          options={Object.entries(eventKindLabels).map(([value, label]) => ({ value, label }))}
          rules={[{ required: true, message: '请选择活动类型' }]}
        />
      )}
      <ProFormText
        name="title"
        label="活动名称"
        placeholder="如：温州市概念验证成果专项路演（智能装备专场）"
        rules={[{ required: true, min: 4, message: '活动名称至少 4 个字' }]}
        fieldProps={{ maxLength: 100 }}
      />
      <ProFormTextArea
        name="description"
        label="活动介绍"
        placeholder="活动安排、面向对象、参会须知"
        rules={[{ required: true, min: 10, message: '活动介绍至少 10 个字' }]}
        fieldProps={{ rows: 4, maxLength: 4000, showCount: true }}
      />
      <ProFormDateTimeRangePicker
        name="time"
        label="活动时间"
        rules={[{ required: true, message: '请选择活动开始与结束时间' }]}
        fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' }, style: { width: '100%' } }}
      />
      <ProFormDateTimePicker
        name="signupDeadline"
        label="报名截止"
        tooltip="不能晚于活动开始时间"
        rules={[{ required: true, message: '请选择报名截止时间' }]}
        fieldProps={{
          format: 'YYYY-MM-DD HH:mm',
          showTime: { format: 'HH:mm' },
          style: { width: '100%' },
          disabledDate: (d: Dayjs) => d.isBefore(dayjs(), 'day'),
        }}
      />
      <ProFormText
        name="venue"
        label="活动地点"
        placeholder="如：温州市科技大市场三楼路演厅"
        rules={[{ required: true, min: 2, message: '请填写活动地点' }]}
        fieldProps={{ maxLength: 200 }}
      />
      <ProFormText
        name="onlineUrl"
        label="线上地址"
        placeholder="直播或会议链接（可选）"
        fieldProps={{ maxLength: 500 }}
      />
      <ProFormDigit
        name="capacity"
        label="名额"
        placeholder="不填为不限"
        min={1}
        max={10_000}
        fieldProps={{ precision: 0 }}
      />
      <Form.Item name="achievementIds" label="推介成果" tooltip="只能推介公开的科技成果">
        <RecordPicker recordType="achievement" titles={titles} />
      </Form.Item>
      <Form.Item name="demandIds" label="推介需求" tooltip="只能推介公开的技术需求">
        <RecordPicker recordType="demand" titles={titles} />
      </Form.Item>
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          message={`请修改以下内容后再${event ? '保存' : '发布'}`}
          description={problems.map((p) => `${p.label}：${p.message}`).join('；')}
        />
      ) : null}
    </ModalForm>
  )
}
