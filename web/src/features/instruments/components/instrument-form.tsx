import {
  ProForm,
  ProFormDigit,
  type ProFormInstance,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { App, Button, Col, Space, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { DuplicateAlert } from '../../../shared/registry/duplicate-alert'
import { ConfidentialityField, FormSection } from '../../../shared/registry/form-parts'
import { type FieldPath, type Problem, placeServerProblems } from '../../../shared/registry/form-problems'
import { ProblemAlert } from '../../../shared/registry/problem-alert'
import { roleOf, useSession } from '../../../shared/session'
import { findInstrumentDuplicates } from '../api/find-duplicates'
import { useSaveInstrument } from '../api/save-instrument'
import type { Availability, Instrument, InstrumentCategory, InstrumentDuplicate } from '../api/types'
import { CarrierSelect } from './carrier-select'
import { availabilityLabels, instrumentCategoryLabels, instrumentFieldLabels, options } from './labels'

type Values = {
  carrierId?: string
  name?: string
  assetNumber?: string
  category?: InstrumentCategory
  model?: string
  manufacturer?: string
  specifications?: string
  hasCma?: boolean
  hasCnas?: boolean
  openHours?: string
  bookingMethod?: string
  priceYuan?: number
  feeUnit?: string
  location?: string
  availability?: Availability
  confidentiality?: Instrument['confidentiality']
  note?: string
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null)
const renameFromApi = (path: FieldPath): FieldPath => (path[0] === 'priceFen' ? ['priceYuan'] : path)

function initialValues(instrument: Instrument | undefined): Values {
  if (!instrument) return { hasCma: false, hasCnas: false, availability: 'available', confidentiality: 'public' }
  return {
    name: instrument.name,
    assetNumber: instrument.assetNumber ?? undefined,
    category: instrument.category,
    model: instrument.model ?? undefined,
    manufacturer: instrument.manufacturer ?? undefined,
    specifications: instrument.specifications,
    hasCma: instrument.hasCma,
    hasCnas: instrument.hasCnas,
    openHours: instrument.openHours ?? undefined,
    bookingMethod: instrument.bookingMethod ?? undefined,
    priceYuan: instrument.priceFen === null ? undefined : instrument.priceFen / 100,
    feeUnit: instrument.feeUnit ?? undefined,
    location: instrument.location ?? undefined,
    availability: instrument.availability,
    confidentiality: instrument.confidentiality,
  }
}

function fieldsOf(values: Values) {
  return {
    name: values.name?.trim() ?? '',
    assetNumber: blank(values.assetNumber),
    category: values.category as InstrumentCategory,
    model: blank(values.model),
    manufacturer: blank(values.manufacturer),
    specifications: values.specifications?.trim() ?? '',
    hasCma: values.hasCma ?? false,
    hasCnas: values.hasCnas ?? false,
    openHours: blank(values.openHours),
    bookingMethod: blank(values.bookingMethod),
    priceFen: values.priceYuan === undefined || values.priceYuan === null ? null : Math.round(values.priceYuan * 100),
    feeUnit: blank(values.feeUnit),
    location: blank(values.location),
    availability: values.availability ?? 'available',
    confidentiality: values.confidentiality ?? 'public',
  }
}

/** 登记 or 编辑 a shared instrument of a carrier: CMA / CNAS, booking terms and the fee per unit. */
export function InstrumentForm({ instrument }: { instrument?: Instrument }) {
  const formRef = useRef<ProFormInstance<Values>>(undefined)
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { data: session } = useSession()
  const role = roleOf(session?.user)
  const operator = role === 'centerOperator' || role === 'pilotPlatformOperator'
  const save = useSaveInstrument()
  const [problems, setProblems] = useState<Problem[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<InstrumentDuplicate[]>([])
  const editing = instrument !== undefined

  const checkDuplicates = async () => {
    const form = formRef.current
    const name = (form?.getFieldValue('name') as string | undefined)?.trim()
    const carrierId = form?.getFieldValue('carrierId') as string | undefined
    if (editing || !name || name.length < 2 || !carrierId) return
    const model = (form?.getFieldValue('model') as string | undefined)?.trim()
    try {
      setDuplicates((await findInstrumentDuplicates({ name, carrierId, model: model || null })).items)
    } catch {
      setDuplicates([])
    }
  }

  const submit = async (values: Values) => {
    setProblems([])
    setFailure(null)
    try {
      if (instrument) {
        const saved = await save.update.mutateAsync({
          id: instrument.id,
          ...fieldsOf(values),
          version: instrument.version,
          note: values.note?.trim() || undefined,
        })
        message.success('仪器信息已保存')
        navigate(`/instruments/${saved.id}`)
      } else {
        const saved = await save.create.mutateAsync({ ...fieldsOf(values), carrierId: values.carrierId ?? '' })
        message.success('仪器已登记')
        navigate(`/instruments/${saved.instrument.id}`, { state: { duplicates: saved.duplicates } })
      }
      return true
    } catch (error) {
      const form = formRef.current
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        setFailure('该仪器已被他人修改，请刷新页面后重新编辑')
      } else {
        const placed = form ? placeServerProblems(form, error, instrumentFieldLabels, renameFromApi) : []
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
      initialValues={initialValues(instrument)}
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
                {editing ? '保存修改' : '保存仪器'}
              </Button>
            </Space>
          </div>
        ),
      }}
    >
      <Col span={24}>
        <ProblemAlert problems={problems} message={failure} />
      </Col>
      <FormSection title="所属载体与设备" />
      {editing ? (
        <Col span={24}>
          <Typography.Paragraph>
            所属载体：{instrument.carrierName ?? '（未公开）'}（登记后不可更改）
          </Typography.Paragraph>
        </Col>
      ) : (
        <Col span={24}>
          <ProForm.Item name="carrierId" label="所属载体" rules={[{ required: true, message: '请选择所属载体' }]}>
            <CarrierSelect mine={operator} />
          </ProForm.Item>
        </Col>
      )}
      <ProFormText
        name="name"
        label="仪器名称"
        colProps={{ xs: 24, md: 12 }}
        rules={[{ required: true, message: '请填写仪器名称' }]}
        fieldProps={{ maxLength: 100, onBlur: () => void checkDuplicates() }}
        placeholder="如：场发射扫描电子显微镜"
      />
      <ProFormSelect
        name="category"
        label="仪器类别"
        colProps={{ xs: 24, md: 6 }}
        options={options(instrumentCategoryLabels)}
        rules={[{ required: true, message: '请选择仪器类别' }]}
      />
      <ProFormText name="assetNumber" label="资产编号" colProps={{ xs: 24, md: 6 }} fieldProps={{ maxLength: 40 }} />
      <ProFormText
        name="model"
        label="型号"
        colProps={{ xs: 24, md: 12 }}
        fieldProps={{ maxLength: 100, onBlur: () => void checkDuplicates() }}
      />
      <ProFormText name="manufacturer" label="生产厂家" colProps={{ xs: 24, md: 12 }} fieldProps={{ maxLength: 100 }} />
      {duplicates.length ? (
        <Col span={24} style={{ marginBottom: 16 }}>
          <DuplicateAlert
            duplicates={duplicates.map((d) => ({
              id: d.id,
              title: d.name,
              similarity: d.similarity,
              reason: d.reason,
            }))}
            linkTo={(id) => `/instruments/${id}`}
          />
        </Col>
      ) : null}
      <ProFormTextArea
        name="specifications"
        label="主要技术指标"
        colProps={{ span: 24 }}
        rules={[{ required: true, message: '请填写主要技术指标' }]}
        fieldProps={{ rows: 4, maxLength: 3000, showCount: true }}
        placeholder="量程、精度、分辨率、适用样品等（至少 10 字）"
      />

      <FormSection title="资质" />
      <ProFormSwitch
        name="hasCma"
        label="CMA 检验检测机构资质认定"
        colProps={{ xs: 12, md: 8 }}
        fieldProps={{ checkedChildren: '有', unCheckedChildren: '无' }}
      />
      <ProFormSwitch
        name="hasCnas"
        label="CNAS 实验室认可"
        colProps={{ xs: 12, md: 8 }}
        fieldProps={{ checkedChildren: '有', unCheckedChildren: '无' }}
      />

      <FormSection title="预约与收费" />
      <ProFormText
        name="openHours"
        label="开放时间"
        colProps={{ xs: 24, md: 12 }}
        placeholder="如：工作日 8:30–17:00"
      />
      <ProFormText
        name="bookingMethod"
        label="预约方式"
        colProps={{ xs: 24, md: 12 }}
        placeholder="如：平台预约，提前 2 个工作日"
      />
      <ProFormDigit
        name="priceYuan"
        label="收费（元）"
        colProps={{ xs: 12, md: 6 }}
        min={0}
        fieldProps={{ precision: 2 }}
        placeholder="不填为面议"
      />
      <ProFormText name="feeUnit" label="计费单位" colProps={{ xs: 12, md: 6 }} placeholder="小时、样、次" />
      <ProFormText name="location" label="放置地点" colProps={{ xs: 24, md: 12 }} />
      <ProFormRadio.Group
        name="availability"
        label="状态"
        colProps={{ span: 24 }}
        options={options(availabilityLabels)}
      />

      <FormSection title="公开程度" />
      <ConfidentialityField />
      {editing ? (
        <ProFormText
          name="note"
          label="修改说明"
          colProps={{ span: 24 }}
          placeholder="选填，记入修改记录，如：调整收费标准"
          fieldProps={{ maxLength: 200 }}
        />
      ) : null}
    </ProForm>
  )
}
