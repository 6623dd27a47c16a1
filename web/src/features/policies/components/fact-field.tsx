import { Form, InputNumber, Radio, Select, TreeSelect } from 'antd'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { fenToWan, wanToFen } from '../../../shared/money'
import type { FactValue, PolicyInput } from '../api/types'

/** The control for one fact: 万元 for amounts, 是/否, a year, a count, an area, a choice. */
/** Form.Item injects value and onChange at run time, each of the control's own type. */
type Injected = { value?: never; onChange?: never }

function Control({ input, ...rest }: { input: PolicyInput } & Injected) {
  const jurisdictions = useJurisdictions()
  switch (input.type) {
    case 'fen':
      return <InputNumber {...rest} min={0} suffix="万元" style={{ width: '100%' }} />
    case 'year':
      return <InputNumber {...rest} min={1900} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
    case 'count':
      return <InputNumber {...rest} min={0} precision={0} suffix="个" style={{ width: '100%' }} />
    case 'boolean':
      return (
        <Radio.Group {...rest}>
          <Radio value={true}>是</Radio>
          <Radio value={false}>否</Radio>
        </Radio.Group>
      )
    case 'jurisdiction':
      return (
        <TreeSelect
          {...rest}
          showSearch
          treeNodeFilterProp="title"
          placeholder="选择所在地区"
          treeData={jurisdictionTree(jurisdictions.data?.items ?? [])}
          style={{ width: '100%' }}
        />
      )
    case 'list':
      return <Select {...rest} mode="tags" placeholder="输入后回车" />
    default:
      return <Select {...rest} allowClear placeholder="请选择" options={input.options ?? []} />
  }
}

/** A fact as a form field, named by its fact key (a 万元 field holds 万元; `toFacts` converts to 分). */
export function FactField({ input, extra }: { input: PolicyInput; extra?: string }) {
  return (
    <Form.Item
      name={input.fact}
      label={input.label}
      extra={extra ?? (input.evidence ? `证明材料：${input.evidence}` : undefined)}
    >
      <Control input={input} />
    </Form.Item>
  )
}

/** Form values → facts for the API: blanks dropped, 万元 → 分. */
export function toFacts(inputs: readonly PolicyInput[], values: Record<string, unknown>): Record<string, FactValue> {
  const out: Record<string, FactValue> = {}
  for (const input of inputs) {
    const value = values[input.fact]
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    out[input.fact] = input.type === 'fen' ? wanToFen(value as number) : (value as FactValue)
  }
  return out
}

/** Facts → form values (分 → 万元). */
export function fromFacts(inputs: readonly PolicyInput[], facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const input of inputs) {
    const value = facts[input.fact]
    if (value === undefined) continue
    out[input.fact] = input.type === 'fen' && typeof value === 'number' ? fenToWan(value) : value
  }
  return out
}
