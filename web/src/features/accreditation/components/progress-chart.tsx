import ReactECharts from 'echarts-for-react'
import type { Progress } from '../api/types'

type Item = Progress['items'][number]

/** Progress over the years of the plan for a city's counted targets, each line against its target. */
export function ProgressChart({ items, height = 280 }: { items: Item[]; height?: number }) {
  const counted = items.filter((i) => i.series.length > 0)
  const years = [...new Set(counted.flatMap((i) => i.series.map((s) => s.year)))].sort()
  const palette = ['#1677ff', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a']
  const option = {
    color: palette,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: counted.map((i, n) => ({
      name: i.label,
      type: 'line',
      smooth: false,
      connectNulls: false,
      data: years.map((y) => i.series.find((s) => s.year === y)?.value ?? null),
      markLine:
        i.target === null
          ? undefined
          : {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: palette[n % palette.length] },
              label: { formatter: `目标 ${i.target}`, position: 'insideEndTop' },
              data: [{ yAxis: i.target }],
            },
    })),
  }
  return <ReactECharts option={option} style={{ height, width: '100%' }} notMerge />
}
