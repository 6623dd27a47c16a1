import { Select } from 'antd'
import { useState } from 'react'
import { useCarrierOptions } from '../api/list-own-carriers'

/** 所属载体: an operator's own carriers, or (officers) any carrier found by name. Form field (value / onChange). */
export function CarrierSelect({
  id,
  value,
  onChange,
  mine,
}: {
  /** From the form item, so its label names this field. */
  id?: string
  value?: string
  onChange?: (id: string | undefined) => void
  mine: boolean
}) {
  const [text, setText] = useState('')
  const carriers = useCarrierOptions(text, mine)
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      filterOption={false}
      onSearch={setText}
      loading={carriers.isFetching}
      placeholder={mine ? '选择本单位的载体' : '输入名称搜索本辖区的载体'}
      notFoundContent={carriers.isFetching ? '正在搜索…' : '没有可选的载体，请先登记载体'}
      options={(carriers.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.name}（${c.kindLabel} · ${c.jurisdictionName}）`,
      }))}
      data-testid="carrier-select"
    />
  )
}
