import { TreeSelect, type TreeSelectProps } from 'antd'
import { useMemo } from 'react'
import { industryTree, useIndustrySystems } from './industry-systems'

type Props = Omit<TreeSelectProps<string[] | string>, 'treeData' | 'value' | 'onChange' | 'multiple'> & {
  /** One node only (the value is still a list of at most one code). */
  single?: boolean
  /** The area whose systems are offered (its own, its city's, the national one). */
  jurisdiction?: string | null
  value?: string[]
  onChange?: (codes: string[]) => void
  /** Facet counts to show beside the nodes. */
  counts?: ReadonlyMap<string, number>
}

/** Choose nodes of the area's industry system (产业分类). Works as a form field (value / onChange). */
export function IndustryTreeSelect({ jurisdiction, value, onChange, counts, single, ...rest }: Props) {
  const systems = useIndustrySystems(jurisdiction)
  const treeData = useMemo(() => industryTree(systems.data?.items ?? [], counts), [systems.data, counts])
  return (
    <TreeSelect<string[] | string>
      multiple={!single}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      placeholder="选择本地区产业体系中的产业链"
      maxTagCount="responsive"
      loading={systems.isPending}
      notFoundContent={systems.isPending ? '正在加载产业体系…' : '没有匹配的产业'}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(420px, 92vw)' } } }}
      {...rest}
      style={{ width: '100%', ...rest.style }}
      treeData={treeData}
      value={single ? value?.[0] : (value ?? [])}
      onChange={(next) => onChange?.(next == null ? [] : Array.isArray(next) ? next : [next])}
    />
  )
}
