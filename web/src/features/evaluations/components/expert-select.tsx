import { Select, type SelectProps } from 'antd'
import { useDeferredValue, useState } from 'react'
import { useExpertSearch } from '../api/pick-lists'

/** An expert from the registry, searched by name (专家库 as the organizer may see it). */
export function ExpertSelect({
  known = [],
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch' | 'onSearch'> & {
  /** Experts already named in the round, so a saved value shows a name before any search. */
  known?: { value: string; label: string }[]
}) {
  const [q, setQ] = useState('')
  const deferred = useDeferredValue(q)
  const experts = useExpertSearch(deferred)
  return (
    <Select<string>
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={experts.isFetching}
      placeholder="输入姓名搜索专家库"
      notFoundContent={experts.isFetching ? '正在搜索…' : '没有匹配的专家'}
      {...props}
      options={[
        ...known.filter((k) => !experts.data?.items.some((e) => e.id === k.value)),
        ...(experts.data?.items ?? []).map((e) => ({
          value: e.id,
          label: `${e.name}${e.title ? `（${e.title}）` : ''} · ${e.ownerOrgName}${e.thinkTankLabels.length ? ` · ${e.thinkTankLabels.join('/')}` : ''}`,
        })),
      ]}
    />
  )
}
