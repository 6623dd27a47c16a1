import {
  ProFormDatePicker,
  ProFormDigit,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { Alert, App, Button, Space, Typography, Upload } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { ActionModal, isoDay, today } from '../../../shared/action-modal'
import { http } from '../../../shared/http'
import { fenToYuan, yuanToFen } from '../../../shared/money'
import type { useVerificationChanges } from '../api/change-verification'
import type { Stage, VerificationDetail } from '../api/types'
import { preferredRole, signerHint } from './labels'

type Changes = ReturnType<typeof useVerificationChanges>

/** The 主任 who may sign, with the one the 双主任制 names for this stage first. */
export function DirectorField({ detail, purpose }: { detail: VerificationDetail; purpose: string }) {
  return (
    <ProFormSelect
      name="directorName"
      label="签署主任"
      extra={signerHint(purpose)}
      rules={[{ required: true, message: '请选择签署的主任' }]}
      options={detail.directors.map((d) => ({ value: d.name, label: `${d.name}（${d.roleLabel}）` }))}
      fieldProps={{ placeholder: detail.directors.length ? '选择主任' : '本中心尚未在载体库登记主任' }}
    />
  )
}

export const defaultDirector = (detail: VerificationDetail, purpose: string) =>
  (detail.directors.find((d) => d.role === preferredRole(purpose)) ?? detail.directors[0])?.name

export function MilestoneAction({ stage, changes }: { stage: Stage; changes: Changes }) {
  return (
    <ActionModal<{ title: string; dueDate: string; note?: string }>
      title={`添加里程碑 · ${stage.label}`}
      trigger={<Button size="small">添加里程碑</Button>}
      done="里程碑已添加"
      initialValues={{ dueDate: dayjs().add(30, 'day').format('YYYY-MM-DD') }}
      onSubmit={(v) =>
        changes.addMilestone.mutateAsync({
          stageId: stage.id,
          title: v.title,
          dueDate: isoDay(v.dueDate),
          note: v.note || undefined,
        })
      }
    >
      <ProFormText name="title" label="里程碑名称" rules={[{ required: true, message: '请填写里程碑名称' }]} />
      <ProFormDatePicker name="dueDate" label="计划完成日期" rules={[{ required: true, message: '请选择日期' }]} />
      <ProFormTextArea name="note" label="说明" fieldProps={{ rows: 2, maxLength: 1000 }} />
    </ActionModal>
  )
}

export function CompleteMilestoneAction({ id, title, changes }: { id: string; title: string; changes: Changes }) {
  return (
    <ActionModal<{ doneDate: string; note?: string }>
      title={`完成里程碑 · ${title}`}
      trigger={
        <Button size="small" type="link">
          标记完成
        </Button>
      }
      done="里程碑已完成"
      initialValues={{ doneDate: today() }}
      onSubmit={(v) =>
        changes.completeMilestone.mutateAsync({ id, doneDate: isoDay(v.doneDate), note: v.note || undefined })
      }
    >
      <ProFormDatePicker name="doneDate" label="完成日期" rules={[{ required: true, message: '请选择日期' }]} />
      <ProFormTextArea name="note" label="完成情况" fieldProps={{ rows: 2, maxLength: 1000 }} />
    </ActionModal>
  )
}

export function UploadAction({ stage, changes }: { stage: Stage; changes: Changes }) {
  const { message } = App.useApp()
  return (
    <Upload
      showUploadList={false}
      beforeUpload={(file) => {
        changes.upload.mutate(
          { stageId: stage.id, file },
          {
            onSuccess: () => message.success(`已上传“${file.name}”，已计算 SHA-256 与 SM3 摘要`),
            onError: (error) => message.error(error.message),
          },
        )
        return false
      }}
    >
      <Button size="small" loading={changes.upload.isPending}>
        上传交付成果
      </Button>
    </Upload>
  )
}

export function TrancheAction({ stage, changes }: { stage: Stage; changes: Changes }) {
  return (
    <ActionModal<{ yuan: number }>
      title={`调整拨付额度 · ${stage.label}`}
      trigger={<Button size="small">调整拨付</Button>}
      done="拨付额度已调整"
      initialValues={{ yuan: fenToYuan(stage.budgetFen) }}
      onSubmit={(v) => changes.setTranche.mutateAsync({ stageId: stage.id, budgetFen: yuanToFen(v.yuan) })}
    >
      <ProFormDigit
        name="yuan"
        label="本阶段拨付额度（元）"
        min={0}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: '请填写金额' }]}
        extra="各阶段拨付合计不超过项目预算；已支出和代工费用不能超出本阶段额度"
      />
    </ActionModal>
  )
}

export function ExpenseAction({ stage, changes }: { stage: Stage; changes: Changes }) {
  return (
    <ActionModal<{ item: string; yuan: number; spentOn: string; payee?: string }>
      title={`登记支出 · ${stage.label}`}
      trigger={<Button size="small">登记支出</Button>}
      done="支出已登记"
      initialValues={{ spentOn: today() }}
      onSubmit={(v) =>
        changes.addExpense.mutateAsync({
          stageId: stage.id,
          item: v.item,
          amountFen: yuanToFen(v.yuan),
          spentOn: isoDay(v.spentOn),
          payee: v.payee || undefined,
        })
      }
    >
      <ProFormText name="item" label="支出事项" rules={[{ required: true, message: '请填写支出事项' }]} />
      <ProFormDigit
        name="yuan"
        label="金额（元）"
        min={0.01}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: '请填写金额' }]}
      />
      <ProFormDatePicker name="spentOn" label="支出日期" rules={[{ required: true, message: '请选择日期' }]} />
      <ProFormText name="payee" label="收款方" />
    </ActionModal>
  )
}

type InstrumentOption = { value: string; label: string; carrierName: string; ownerOrgName: string }

/** 代工: work done on another organization's shared instrument, chosen from 仪器设备共享. */
export function DelegationAction({ stage, changes }: { stage: Stage; changes: Changes }) {
  const [options, setOptions] = useState<InstrumentOption[]>([])
  const [searching, setSearching] = useState(false)
  const search = async (q: string) => {
    setSearching(true)
    try {
      const page = await http.get<{
        items: { id: string; name: string; carrierName: string; ownerOrgName: string; hasCma: boolean }[]
      }>('/instruments', { q: q || undefined, pageSize: 20 })
      setOptions(
        page.items.map((i) => ({
          value: i.id,
          label: `${i.name}（${i.ownerOrgName}${i.hasCma ? ' · CMA' : ''}）`,
          carrierName: i.carrierName,
          ownerOrgName: i.ownerOrgName,
        })),
      )
    } finally {
      setSearching(false)
    }
  }
  return (
    <ActionModal<{ instrumentId: string; work: string; yuan: number; performedOn: string }>
      title={`登记代工 · ${stage.label}`}
      trigger={
        <Button size="small" onClick={() => void search('')}>
          代工
        </Button>
      }
      done="代工已登记"
      initialValues={{ performedOn: today(), yuan: 0 }}
      onSubmit={async (v) => {
        // The provider is the organization that owns the instrument (the server checks they match).
        const instrument = await http.get<{ ownerOrgId: string }>(`/instruments/${v.instrumentId}`)
        return changes.addDelegation.mutateAsync({
          stageId: stage.id,
          providerOrgId: instrument.ownerOrgId,
          instrumentId: v.instrumentId,
          work: v.work,
          costFen: yuanToFen(v.yuan),
          performedOn: isoDay(v.performedOn),
        })
      }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        委托其他机构使用其共享仪器开展的验证工作，费用计入本阶段支出，报告中列明代工机构与仪器。
      </Typography.Paragraph>
      <ProFormSelect
        name="instrumentId"
        label="仪器设备"
        rules={[{ required: true, message: '请选择仪器设备' }]}
        fieldProps={{
          showSearch: true,
          filterOption: false,
          loading: searching,
          options,
          placeholder: '输入仪器名称搜索仪器设备共享库',
          onSearch: (q: string) => void search(q),
        }}
      />
      <ProFormTextArea
        name="work"
        label="代工内容"
        rules={[{ required: true, message: '请填写代工内容' }]}
        fieldProps={{ rows: 2, maxLength: 2000 }}
      />
      <ProFormDigit name="yuan" label="费用（元）" min={0} fieldProps={{ precision: 2 }} />
      <ProFormDatePicker name="performedOn" label="实施日期" rules={[{ required: true, message: '请选择日期' }]} />
    </ActionModal>
  )
}

type GateValues = {
  decision: 'passed' | 'conditional' | 'terminated'
  reasons: string
  directorName: string
  conditions?: { text: string; dueDate?: string }[]
}

export function GateAction({ stage, detail, changes }: { stage: Stage; detail: VerificationDetail; changes: Changes }) {
  return (
    <ActionModal<GateValues>
      title={`阶段评审结论 · ${stage.label}`}
      trigger={
        <Button size="small" type="primary">
          评审结论
        </Button>
      }
      okText="提交结论"
      done="评审结论已记录"
      initialValues={{ decision: 'passed', directorName: defaultDirector(detail, stage.stage), conditions: [] }}
      onSubmit={(v) =>
        changes.gate.mutateAsync({
          stageId: stage.id,
          decision: v.decision,
          reasons: v.reasons,
          directorName: v.directorName,
          conditions:
            v.decision === 'conditional'
              ? (v.conditions ?? []).map((c) => ({ text: c.text, dueDate: c.dueDate ? isoDay(c.dueDate) : undefined }))
              : [],
        })
      }
    >
      {stage.deliverables.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="本阶段尚未上传交付成果：通过或有条件通过前，请先上传至少一份交付成果（如测评报告、样件数据）"
        />
      ) : null}
      <ProFormRadio.Group
        name="decision"
        label="结论"
        radioType="button"
        options={[
          { value: 'passed', label: '通过' },
          { value: 'conditional', label: '有条件通过' },
          { value: 'terminated', label: '终止' },
        ]}
        extra="通过或有条件通过进入下一阶段；终止将结束验证，项目状态变为已终止"
      />
      <ProFormTextArea
        name="reasons"
        label="评审意见"
        rules={[{ required: true, message: '请填写评审意见与理由' }]}
        fieldProps={{ rows: 3, maxLength: 4000 }}
      />
      <DirectorField detail={detail} purpose={stage.stage} />
      <ProFormList
        name="conditions"
        label="附加条件（仅有条件通过）"
        creatorButtonProps={{ creatorButtonText: '添加条件' }}
        copyIconProps={false}
      >
        <Space wrap>
          <ProFormText name="text" placeholder="需落实的条件" rules={[{ required: true, message: '请填写条件' }]} />
          <ProFormDatePicker name="dueDate" placeholder="落实期限" />
        </Space>
      </ProFormList>
    </ActionModal>
  )
}

export function ResolveConditionAction({ id, text, changes }: { id: string; text: string; changes: Changes }) {
  return (
    <ActionModal<{ resolvedOn: string; resolution: string }>
      title="落实条件"
      trigger={
        <Button size="small" type="link">
          登记落实
        </Button>
      }
      done="条件落实情况已登记"
      initialValues={{ resolvedOn: today() }}
      onSubmit={(v) =>
        changes.resolveCondition.mutateAsync({ id, resolvedOn: isoDay(v.resolvedOn), resolution: v.resolution })
      }
    >
      <Typography.Paragraph>{text}</Typography.Paragraph>
      <ProFormDatePicker name="resolvedOn" label="落实日期" rules={[{ required: true, message: '请选择日期' }]} />
      <ProFormTextArea name="resolution" label="落实情况" rules={[{ required: true, message: '请填写落实情况' }]} />
    </ActionModal>
  )
}

export function ReopenAction({ stage, changes }: { stage: Stage; changes: Changes }) {
  return (
    <ActionModal<{ reason: string }>
      title={`重新开启 · ${stage.label}`}
      trigger={
        <Button size="small" danger>
          重新开启
        </Button>
      }
      done="阶段已重新开启，通过评审后需重新出具报告"
      onSubmit={(v) => changes.reopen.mutateAsync({ stageId: stage.id, reason: v.reason })}
    >
      <ProFormTextArea
        name="reason"
        label="重新开启的原因"
        rules={[{ required: true, message: '请填写原因' }]}
        fieldProps={{ rows: 3 }}
      />
    </ActionModal>
  )
}
