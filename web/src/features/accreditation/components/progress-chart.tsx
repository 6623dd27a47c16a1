import { LineChart } from 'echarts/charts'
import { GridComponent, LegendScrollComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/lib/core'
import type { Progress } from '../api/types'

// Only what this chart draws: the whole of echarts made the 目标与覆盖 page a 1 MB download.
echarts.use([LineChart, GridComponent, LegendScrollComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

type Item = Progress['items'][number]
type Point = { seriesName: string; dataIndex: number; marker: string }

/**
 * Progress over the plan's years as a share of each target, so 1 national center and 300 pilot service
 * projects read on one scale; the tooltip gives the counts.
 */
export function ProgressChart({ items, height = 280 }: { items: Item[]; height?: number }) {
  const counted = items.filter((i) => i.series.length > 0 && i.target)
  const years = [...new Set(counted.flatMap((i) => i.series.map((s) => s.year)))].sort()
  const valueAt = (i: Item, year: number) => i.series.find((s) => s.year === year)?.value ?? null
  const option = {
    color: ['#1677ff', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a', '#2f54eb'],
    tooltip: {
      trigger: 'axis',
      formatter: (points: Point[]) =>
        [
          `${years[points[0]?.dataIndex ?? 0]} 年`,
          ...points.map((p) => {
            const item = counted.find((i) => i.label === p.seriesName)!
            const value = valueAt(item, years[p.dataIndex]!)
            return `${p.marker}${p.seriesName}：${value ?? '—'} / ${item.target}`
          }),
        ].join('<br/>'),
    },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, name: '完成度' },
    series: counted.map((i, n) => ({
      name: i.label,
      type: 'line',
      connectNulls: false,
      data: years.map((y) => {
        const v = valueAt(i, y)
        return v === null ? null : Math.min(100, Math.round((v / i.target!) * 1000) / 10)
      }),
      ...(n === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: '#52c41a' },
              label: { formatter: '目标', position: 'insideEndTop' },
              data: [{ yAxis: 100 }],
            },
          }
        : {}),
    })),
  }
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height, width: '100%' }} notMerge />
}
