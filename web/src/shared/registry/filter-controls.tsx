import { DatePicker, InputNumber, Slider, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'

/** A titled block in the filter panel for controls that are not tick lists (tree, range, dates). */
export function FilterBlock({ title, name, children }: { title: ReactNode; name: string; children: ReactNode }) {
  return (
    <div className="fm-facet" data-testid={`filter-${name}`}>
      <Typography.Text strong className="fm-facet-title">
        {title}
      </Typography.Text>
      {children}
    </div>
  )
}

/** A date range as `YYYY-MM-DD` strings (the API's `…From` / `…To`). */
export function DateRangeFilter({
  from,
  to,
  onChange,
}: {
  from?: string
  to?: string
  onChange: (from: string | undefined, to: string | undefined) => void
}) {
  return (
    <DatePicker.RangePicker
      style={{ width: '100%' }}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      onChange={(range) => onChange(range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD'))}
    />
  )
}

/** TRL 1–9 as a range slider; the full range means no filter. */
export function TrlRangeFilter({
  min,
  max,
  onChange,
}: {
  min?: number
  max?: number
  onChange: (min: number | undefined, max: number | undefined) => void
}) {
  return (
    <Slider
      range
      min={1}
      max={9}
      marks={{ 1: '1', 3: '3', 5: '5', 7: '7', 9: '9' }}
      defaultValue={[min ?? 1, max ?? 9]}
      key={`${min ?? 1}-${max ?? 9}`}
      onChangeComplete={(value) => {
        const [low = 1, high = 9] = value as number[]
        onChange(low === 1 ? undefined : low, high === 9 ? undefined : high)
      }}
      style={{ marginInline: 8 }}
    />
  )
}

const wanOf = (fen?: number) => (fen === undefined ? undefined : fen / 1_000_000)
/** The box's text in 万元 → 分 (empty → no bound). */
const fenOf = (text: string) => {
  const wan = Number(text.replace(/,/g, ''))
  return text.trim() === '' || Number.isNaN(wan) ? undefined : Math.round(wan * 1_000_000)
}

/** An amount range asked in 万元 and sent in 分 (budgetFrom / budgetTo); applied when a box is left. */
export function AmountRangeFilter({
  from,
  to,
  onChange,
}: {
  from?: number
  to?: number
  onChange: (from: number | undefined, to: number | undefined) => void
}) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        key={`from-${from ?? ''}`}
        min={0}
        placeholder="最低（万元）"
        defaultValue={wanOf(from)}
        onBlur={(e) => onChange(fenOf(e.target.value), to)}
        style={{ width: '50%' }}
      />
      <InputNumber
        key={`to-${to ?? ''}`}
        min={0}
        placeholder="最高（万元）"
        defaultValue={wanOf(to)}
        onBlur={(e) => onChange(from, fenOf(e.target.value))}
        style={{ width: '50%' }}
      />
    </Space.Compact>
  )
}
