import { Card, Col, DatePicker, Row, Statistic, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '../../../shared/http'
import { formatFen } from '../../../shared/money'
import { useCompact, wrappingCardTitle } from '../../../shared/responsive'
import { useStatistics } from '../api/outcomes'

/** 成效统计: the caller's center (or city) numbers over a period, computed from the records the flow created. */
export function StatisticsCard() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()])
  const from = range[0].format('YYYY-MM-DD')
  const to = range[1].format('YYYY-MM-DD')
  const query = useStatistics(from, to)
  const compact = useCompact()
  const s = query.data
  const items: [string, string | number][] = s
    ? [
        ['入库项目', s.admitted],
        ['完成验证', s.verified],
        ['样品化 / 产品化', s.samplesOrProducts],
        ['落地转化', s.landings],
        [
          s.scope === 'city' ? '中试服务项目' : '推送中试并承接',
          s.scope === 'city' ? s.pilotServiceProjects : s.handedOff,
        ],
        ['服务收入', formatFen(s.serviceRevenueFen)],
        ['后续融资', formatFen(s.fundingFen)],
        ['许可、转让与作价入股', formatFen(s.landingAmountFen)],
      ]
    : []
  const picker = (
    <DatePicker.RangePicker
      size="small"
      allowClear={false}
      value={range}
      onChange={(value) => {
        if (value?.[0] && value[1]) setRange([value[0], value[1]])
      }}
      style={{ maxWidth: compact ? '100%' : 260, marginBottom: compact ? 12 : 0 }}
    />
  )
  // On a phone the period goes under the title: beside it, it squeezed the title to “成效统…”.
  return (
    <Card
      size="small"
      data-testid="statistics-card"
      title={s ? `成效统计 · ${s.scopeName}` : '成效统计'}
      styles={wrappingCardTitle}
      extra={compact ? undefined : picker}
    >
      {compact && picker}
      {query.isError ? (
        <Typography.Text type="danger">统计加载失败：{errorMessage(query.error)}</Typography.Text>
      ) : (
        <Row gutter={[16, 16]}>
          {items.map(([title, value]) => (
            <Col key={title} xs={12} md={6}>
              <Statistic title={title} value={value} loading={query.isPending} valueStyle={{ fontSize: 20 }} />
            </Col>
          ))}
        </Row>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        按期间内首次发生计数，与认定和绩效评价口径一致；数据来自项目入库、验证报告、中试与转化成果记录。
      </Typography.Text>
    </Card>
  )
}
