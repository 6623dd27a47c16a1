import { Button, Checkbox, Space, Typography } from 'antd'
import { type ReactNode, useState } from 'react'

/** A facet from a registry search: each value with its label and how many matching records have it. */
export type FacetValue = { value: string; label: string; count: number }
export type Facets = Record<string, FacetValue[]>

type Option = { value: string; label: string }

/**
 * One filter group: the values people can tick, each with the number of records it would give (from the
 * search's facets). Values with no match stay visible when ticked, so a filter can always be undone.
 */
export function FacetGroup({
  title,
  name,
  options,
  facet,
  value,
  onChange,
  limit = 8,
}: {
  title: ReactNode
  /** Used for test ids: `facet-<name>`. */
  name: string
  /** The full list of values; without it the facet's own values are offered. */
  options?: readonly Option[]
  facet?: readonly FacetValue[]
  value: readonly string[]
  onChange: (next: string[]) => void
  limit?: number
}) {
  const [expanded, setExpanded] = useState(false)
  const counts = new Map((facet ?? []).map((f) => [f.value, f.count]))
  const all: Option[] = options ? [...options] : (facet ?? []).map((f) => ({ value: f.value, label: f.label }))
  for (const picked of value) if (!all.some((o) => o.value === picked)) all.push({ value: picked, label: picked })
  const shown = expanded ? all : all.slice(0, limit)
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value, option] : value.filter((v) => v !== option))
  return (
    <div className="fm-facet" data-testid={`facet-${name}`}>
      <Typography.Text strong className="fm-facet-title">
        {title}
      </Typography.Text>
      {all.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          暂无可选项
        </Typography.Text>
      ) : (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          {shown.map((option) => {
            const count = counts.get(option.value)
            const checked = value.includes(option.value)
            return (
              <Checkbox
                key={option.value}
                checked={checked}
                disabled={!checked && facet !== undefined && !count}
                onChange={(e) => toggle(option.value, e.target.checked)}
                className="fm-facet-option"
              >
                <span className="fm-facet-label">{option.label}</span>
                {facet !== undefined ? <span className="fm-facet-count">{count ?? 0}</span> : null}
              </Checkbox>
            )
          })}
          {all.length > limit ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded(!expanded)}>
              {expanded ? '收起' : `展开全部 ${all.length} 项`}
            </Button>
          ) : null}
        </Space>
      )}
    </div>
  )
}
