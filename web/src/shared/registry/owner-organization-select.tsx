import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useState } from 'react'
import type { Organization } from '../contracts'
import { http } from '../http'

/**
 * 所属机构 for an officer collecting a record on behalf of an organization in their area. Tells the form the
 * organization's area, whose industry system the record is classified in.
 */
export function OwnerOrganizationSelect({
  value,
  onChange,
  onOrganization,
  kinds,
  placeholder = '输入名称搜索本辖区机构',
}: {
  value?: string
  onChange?: (id: string | undefined) => void
  onOrganization?: (organization: Organization | undefined) => void
  /** Only these kinds (e.g. enterprises for a demand). */
  kinds?: readonly Organization['kind'][]
  placeholder?: string
}) {
  const [text, setText] = useState('')
  const organizations = useQuery({
    queryKey: ['organizations', 'owner-select', text],
    queryFn: () =>
      http.get<{ items: Organization[]; total: number }>('/organizations', {
        q: text || undefined,
        status: 'active',
        pageSize: 50,
      }),
    staleTime: 60_000,
  })
  const items = (organizations.data?.items ?? []).filter((o) => !kinds || kinds.includes(o.kind))
  return (
    <Select
      showSearch
      allowClear
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setText}
      loading={organizations.isFetching}
      notFoundContent={organizations.isFetching ? '正在搜索…' : '没有匹配的机构'}
      options={items.map((o) => ({ value: o.id, label: `${o.name}（${o.kindLabel} · ${o.jurisdictionName}）` }))}
      onChange={(id: string | undefined) => {
        onChange?.(id)
        onOrganization?.(items.find((o) => o.id === id))
      }}
    />
  )
}
