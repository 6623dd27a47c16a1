import { FilterOutlined } from '@ant-design/icons'
import {
  Badge,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Grid,
  Input,
  List,
  Pagination,
  Row,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd'
import { type ReactNode, useEffect, useState } from 'react'
import './registry.css'

export type SortOption = { value: string; label: string }

/**
 * The frame every registry list shares: 全部 / 我的 tabs, the search box, sort, the filter panel (beside the
 * results on a wide screen, in a drawer on a phone), the results and their pages.
 */
export function SearchLayout<T>({
  tabs,
  tab,
  onTab,
  query,
  onSearch,
  placeholder,
  sort,
  sortOptions,
  onSort,
  filters,
  activeFilters,
  onClearFilters,
  understood,
  items,
  total,
  loading,
  renderItem,
  rowKey,
  page,
  pageSize,
  onPage,
  unit,
  emptyText,
}: {
  tabs: { key: string; label: string }[]
  tab: string
  onTab: (key: string) => void
  query: string
  onSearch: (text: string) => void
  placeholder: string
  sort: string
  sortOptions: SortOption[]
  onSort: (value: string) => void
  filters: ReactNode
  activeFilters: number
  onClearFilters: () => void
  /** How the search read the words (同义词, 拼音 …): shown under the box. */
  understood?: { word: string; via: string }[]
  items: T[]
  total: number
  loading: boolean
  renderItem: (item: T) => ReactNode
  rowKey: (item: T) => string
  page: number
  pageSize: number
  onPage: (page: number, pageSize: number) => void
  /** 项成果, 条需求 … */
  unit: string
  emptyText: string
}) {
  const screens = Grid.useBreakpoint()
  const wide = screens.lg === true
  const [drawer, setDrawer] = useState(false)
  const [text, setText] = useState(query)
  useEffect(() => setText(query), [query])
  const rewriting = searchRewriting(understood ?? [])

  const filterPanel = (
    <div data-testid="filters">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text strong>筛选条件</Typography.Text>
        <Button type="link" size="small" disabled={activeFilters === 0} onClick={onClearFilters}>
          清除全部
        </Button>
      </div>
      {filters}
    </div>
  )

  return (
    <>
      <Tabs activeKey={tab} onChange={onTab} items={tabs} style={{ marginBottom: 4 }} />
      <Row gutter={[16, 16]}>
        {wide ? (
          <Col lg={7} xl={6} xxl={5}>
            <Card size="small" styles={{ body: { paddingBlock: 12 } }}>
              {filterPanel}
            </Card>
          </Col>
        ) : null}
        <Col span={24} lg={17} xl={18} xxl={19}>
          <Card size="small" styles={{ body: { padding: screens.md ? '16px 20px' : 12 } }}>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                <Input.Search
                  data-testid="search"
                  allowClear
                  enterButton="搜索"
                  placeholder={placeholder}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onSearch={(value) => onSearch(value.trim())}
                  style={{ flex: '1 1 260px' }}
                />
                <Space.Compact style={{ flex: 'none' }}>
                  <Select
                    aria-label="排序"
                    data-testid="sort"
                    value={sort}
                    onChange={onSort}
                    options={sortOptions}
                    style={{ width: 132 }}
                  />
                </Space.Compact>
                {wide ? null : (
                  <Badge count={activeFilters} size="small">
                    <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)} data-testid="open-filters">
                      筛选
                    </Button>
                  </Badge>
                )}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="total">
                共 {total} {unit}
                {rewriting}
              </Typography.Text>
            </Space>
            <List<T>
              data-testid="results"
              loading={loading}
              dataSource={items}
              rowKey={rowKey}
              locale={{ emptyText: <Empty description={emptyText} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(item) => <List.Item className="fm-result">{renderItem(item)}</List.Item>}
            />
            {total > 0 ? (
              <Pagination
                style={{ marginTop: 12, textAlign: 'right' }}
                current={page}
                pageSize={pageSize}
                total={Math.min(total, 500 * pageSize)}
                showSizeChanger
                pageSizeOptions={[10, 20, 50]}
                size={screens.md ? 'default' : 'small'}
                showTotal={screens.md ? (n) => `共 ${n} ${unit}` : undefined}
                onChange={onPage}
              />
            ) : null}
          </Card>
        </Col>
      </Row>
      {wide ? null : (
        <Drawer
          title="筛选"
          placement="bottom"
          height="85%"
          open={drawer}
          onClose={() => setDrawer(false)}
          extra={
            <Button type="primary" onClick={() => setDrawer(false)}>
              查看 {total} {unit}
            </Button>
          }
        >
          {filterPanel}
        </Drawer>
      )}
    </>
  )
}

/**
 * How the search read words the index does not hold as they were typed: by a near spelling (具身只能 → 具身智能)
 * or by their parts (碳化硅材料 → 碳化硅、材料). A word found neither way is not said to be rewritten: the count
 * and the empty list say it already.
 */
export function searchRewriting(understood: readonly { word: string; via: string }[]): string {
  const quoted = (via: string) =>
    understood
      .filter((u) => u.via === via)
      .map((u) => `“${u.word}”`)
      .join('、')
  const parts = [
    quoted('similar') && `已按 ${quoted('similar')} 的近似写法一并检索`,
    quoted('subwords') && `已按 ${quoted('subwords')} 的组成词检索`,
  ].filter(Boolean)
  return parts.length ? `（${parts.join('；')}）` : ''
}
