import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useState } from 'react'
import { http } from '../../../shared/http'

type Listed = { id: string; title: string; ownerOrgName: string; confidentiality: string }

/**
 * Picks 公开 achievements or demands by words, for an event to feature: events are public pages, so only
 * records a visitor may read are offered (the server checks again).
 */
export function RecordPicker({
  recordType,
  value,
  onChange,
  id,
  titles,
}: {
  recordType: 'achievement' | 'demand'
  /** Titles of records already chosen (an event being edited), shown until a search lists them. */
  titles?: ReadonlyMap<string, string>
  value?: string[]
  onChange?: (value: string[]) => void
  id?: string
}) {
  const [words, setWords] = useState('')
  const path = recordType === 'achievement' ? '/achievements' : '/demands'
  const found = useQuery({
    queryKey: ['events', 'picker', recordType, words],
    queryFn: () => http.get<{ items: Listed[] }>(path, { q: words || undefined, pageSize: 20 }),
  })
  // Titles of what is already chosen stay known while the person searches for more.
  const [known, setKnown] = useState(new Map<string, string>())
  const options = (found.data?.items ?? [])
    .filter((r) => r.confidentiality === 'public')
    .map((r) => ({ value: r.id, label: `${r.title}（${r.ownerOrgName}）` }))
  const chosen = (value ?? [])
    .filter((v) => !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: known.get(v) ?? titles?.get(v) ?? v }))
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      allowClear
      filterOption={false}
      onSearch={setWords}
      loading={found.isFetching}
      placeholder={recordType === 'achievement' ? '输入关键词查找公开的科技成果' : '输入关键词查找公开的技术需求'}
      notFoundContent={found.isFetching ? '查找中…' : '没有找到公开记录'}
      options={[...chosen, ...options]}
      value={value}
      onChange={(next: string[]) => {
        setKnown(new Map([...known, ...options.map((o) => [o.value, o.label] as const)]))
        onChange?.(next)
      }}
    />
  )
}
