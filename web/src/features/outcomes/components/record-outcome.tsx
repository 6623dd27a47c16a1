import {
  ProFormDatePicker,
  ProFormDependency,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { Button } from 'antd'
import { ActionModal, isoDay, today } from '../../../shared/action-modal'
import { type Jurisdiction, useJurisdictions } from '../../../shared/jurisdictions'
import { yuanToFen } from '../../../shared/money'
import { type RecordOutcomeInput, useRecordOutcome } from '../api/outcomes'
import { fundingRoundLabels, fundingRounds, outcomeKindLabels, relayLegLabels, relayLegs } from './labels'

type Kind = RecordOutcomeInput['kind']
type Values = {
  kind: Kind
  occurredOn: string
  note?: string
  name?: string
  companyName?: string
  uscc?: string
  jurisdictionCode?: string
  counterparty?: string
  counterpartyUscc?: string
  yuan?: number
  sharePercent?: number
  investor?: string
  round?: string
  relay?: string
  payer?: string
  item?: string
}

const money = (v: Values) => (v.yuan === undefined || v.yuan === null ? undefined : yuanToFen(v.yuan))

function toInput(v: Values): RecordOutcomeInput {
  const common = { occurredOn: isoDay(v.occurredOn), note: v.note || undefined }
  switch (v.kind) {
    case 'sample':
    case 'product':
      return { kind: v.kind, name: v.name ?? '', ...common }
    case 'company':
      return {
        kind: 'company',
        companyName: v.companyName ?? '',
        uscc: (v.uscc ?? '').trim().toUpperCase(),
        jurisdictionCode: v.jurisdictionCode ?? '',
        amountFen: money(v),
        ...common,
      }
    case 'license':
    case 'transfer':
      return {
        kind: v.kind,
        counterparty: v.counterparty ?? '',
        counterpartyUscc: v.counterpartyUscc?.trim().toUpperCase() || undefined,
        amountFen: money(v) ?? 0,
        ...common,
      }
    case 'equity':
      return {
        kind: 'equity',
        companyName: v.companyName ?? '',
        uscc: (v.uscc ?? '').trim().toUpperCase(),
        amountFen: money(v) ?? 0,
        sharePercent: v.sharePercent ?? undefined,
        ...common,
      }
    case 'funding':
      return {
        kind: 'funding',
        investor: v.investor ?? '',
        round: v.round as never,
        relay: v.relay as never,
        amountFen: money(v) ?? 0,
        ...common,
      }
    case 'serviceFee':
      return { kind: 'serviceFee', payer: v.payer ?? '', item: v.item ?? '', amountFen: money(v) ?? 0, ...common }
  }
}

const required = (label: string) => [{ required: true, message: `请填写${label}` }]

function KindFields({ kind, districts }: { kind: Kind; districts: Jurisdiction[] }) {
  const amount = (label: string, need = true) => (
    <ProFormDigit
      name="yuan"
      label={`${label}（元）`}
      // No min/max on the input: it would turn a typed −5 into 0 without a word. The rules say what is wrong.
      min={Number.NEGATIVE_INFINITY}
      fieldProps={{ precision: 2 }}
      rules={[
        ...(need ? required(label) : []),
        { type: 'number', min: 0, message: '金额不能为负' },
        { type: 'number', max: 10_000_000_000, message: '单笔金额不超过 100 亿元，请核对金额与单位（元）' },
      ]}
    />
  )
  switch (kind) {
    case 'sample':
    case 'product':
      return <ProFormText name="name" label={kind === 'sample' ? '样品名称' : '产品名称'} rules={required('名称')} />
    case 'company':
      return (
        <>
          <ProFormText name="companyName" label="企业名称" rules={required('企业名称')} />
          <ProFormText
            name="uscc"
            label="统一社会信用代码"
            rules={required('统一社会信用代码')}
            fieldProps={{ maxLength: 18 }}
            extra="18 位，登记机关须在本市，才计为本地落地"
          />
          <ProFormSelect
            name="jurisdictionCode"
            label="企业所在区县"
            rules={[{ required: true, message: '请选择企业所在区县' }]}
            options={districts.map((d) => ({ value: d.code, label: d.name }))}
          />
          {amount('注册资本', false)}
        </>
      )
    case 'license':
    case 'transfer':
      return (
        <>
          <ProFormText
            name="counterparty"
            label={kind === 'license' ? '被许可方' : '受让方'}
            rules={required(kind === 'license' ? '被许可方' : '受让方')}
          />
          <ProFormText name="counterpartyUscc" label="对方统一社会信用代码（选填）" fieldProps={{ maxLength: 18 }} />
          {amount('合同金额')}
        </>
      )
    case 'equity':
      return (
        <>
          <ProFormText name="companyName" label="入股企业名称" rules={required('入股企业名称')} />
          <ProFormText name="uscc" label="统一社会信用代码" rules={required('统一社会信用代码')} />
          {amount('作价金额')}
          <ProFormDigit
            name="sharePercent"
            label="持股比例（%，选填）"
            min={0.01}
            max={100}
            fieldProps={{ precision: 2 }}
          />
        </>
      )
    case 'funding':
      return (
        <>
          <ProFormText name="investor" label="投资方" rules={required('投资方')} />
          <ProFormSelect
            name="round"
            label="融资轮次"
            rules={[{ required: true, message: '请选择融资轮次' }]}
            options={fundingRounds.map((r) => ({ value: r, label: fundingRoundLabels[r] }))}
          />
          <ProFormSelect
            name="relay"
            label="基金接力阶段"
            rules={[{ required: true, message: '请选择基金接力阶段' }]}
            options={relayLegs.map((r) => ({ value: r, label: relayLegLabels[r] }))}
          />
          {amount('金额')}
        </>
      )
    case 'serviceFee':
      return (
        <>
          <ProFormText name="payer" label="付款方" rules={required('付款方')} />
          <ProFormText name="item" label="服务项目" rules={required('服务项目')} />
          {amount('金额')}
        </>
      )
  }
}

/** 登记转化成果: one form whose fields follow the kind chosen. */
export function RecordOutcomeButton({
  projectId,
  projectArea,
  kinds,
}: {
  projectId: string
  projectArea: string
  kinds: Kind[]
}) {
  const record = useRecordOutcome(projectId)
  const jurisdictions = useJurisdictions()
  const all = jurisdictions.data?.items ?? []
  const area = all.find((j) => j.code === projectArea)
  const city = area?.level === 'district' ? area.parentCode : projectArea
  const districts = all.filter((j) => j.parentCode === city)
  return (
    <ActionModal<Values>
      title="登记转化成果"
      trigger={<Button type="primary">登记成果</Button>}
      okText="登记"
      done="成果已登记"
      initialValues={{ kind: kinds[0], occurredOn: today() }}
      onSubmit={(v) => record.mutateAsync(toInput(v))}
    >
      <ProFormSelect
        name="kind"
        label="成果类型"
        allowClear={false}
        options={kinds.map((k) => ({ value: k, label: outcomeKindLabels[k] }))}
      />
      <ProFormDatePicker name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择日期' }]} />
      <ProFormDependency name={['kind']}>
        {({ kind }) => <KindFields kind={kind as Kind} districts={districts} />}
      </ProFormDependency>
      <ProFormTextArea name="note" label="备注" fieldProps={{ rows: 2, maxLength: 1000 }} />
    </ActionModal>
  )
}
