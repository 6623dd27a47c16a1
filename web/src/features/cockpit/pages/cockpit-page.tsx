import { Alert, Card, Col, DatePicker, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { wrappingCardTitle } from '../../../shared/responsive'
import { type CityCockpit, useCockpit } from '../api/cockpit'
import { ChainTable } from '../components/chain-table'

/** Where each registry's list lives, so a figure leads to the records behind it (filtered to the same area). */
const LIST_PATHS: Record<string, string> = {
  achievement: '/achievements',
  demand: '/demands',
  enterprise: '/enterprises',
  expert: '/experts',
  carrier: '/carriers',
  instrument: '/instruments',
  scenario: '/scenarios',
}

function RegistryCards({ cockpit }: { cockpit: CityCockpit }) {
  return (
    <Row gutter={[12, 12]} data-testid="cockpit-registries">
      {cockpit.registries.map((r) => (
        <Col key={r.type} xs={12} md={8} xl={6}>
          <Link
            to={`${LIST_PATHS[r.type] ?? '/home'}?jurisdiction=${cockpit.area.code}`}
            data-testid={`cockpit-${r.type}`}
          >
            <Card size="small" hoverable>
              <Statistic title={r.label} value={r.total} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                本期新增 {r.added}
                {r.open === null ? '' : ` · 征集中 ${r.open}`}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  )
}

function PipelineCard({ cockpit }: { cockpit: CityCockpit }) {
  const p = cockpit.pipeline
  const items: [string, string | number][] = [
    ['入库项目', p.admitted],
    ['完成验证', p.verified],
    ['样品化 / 产品化', p.samplesOrProducts],
    ['落地转化', p.landings],
    ['中试服务项目', p.pilotServiceProjects],
    ['服务收入', formatFen(p.serviceRevenueFen)],
    ['后续融资', formatFen(p.fundingFen)],
    ['许可、转让与作价入股', formatFen(p.landingAmountFen)],
  ]
  return (
    <Card size="small" title={`概念验证成效 · ${p.scopeName}`} data-testid="cockpit-pipeline">
      <Row gutter={[16, 16]}>
        {items.map(([title, value]) => (
          <Col key={title} xs={12} md={6}>
            <Statistic title={title} value={value} valueStyle={{ fontSize: 20 }} />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        按期间内首次发生计数，与认定和绩效评价口径一致（全市）。
      </Typography.Text>
    </Card>
  )
}

function ConnectCard({ cockpit }: { cockpit: CityCockpit }) {
  const c = cockpit.connect
  return (
    <Card size="small" title="匹配对接" data-testid="cockpit-connect">
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Statistic title="意向对接" value={c.leads} suffix="次" valueStyle={{ fontSize: 20 }} />
        </Col>
        <Col xs={8}>
          <Statistic title="路演与对接会" value={c.events} suffix="场" valueStyle={{ fontSize: 20 }} />
        </Col>
        <Col xs={8}>
          <Statistic title="活动报名" value={c.signups} suffix="人次" valueStyle={{ fontSize: 20 }} />
        </Col>
      </Row>
      <Space wrap size={[4, 4]} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">载体构成：</Typography.Text>
        {cockpit.carriersByKind.map((k) => (
          <Tag key={k.kind}>
            {k.label} {k.count}
          </Tag>
        ))}
      </Space>
    </Card>
  )
}

/**
 * 城市驾驶舱 (the seeds' 数字化管理): an officer's area over a period — what the registries hold, where the
 * industry chains have supply, demand and carriers and where they are blank, the PoC pipeline's results and
 * the matchmaking it led to. Every figure is counted under the same confidentiality rule as the lists.
 */
export function CockpitPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()])
  const from = range[0].format('YYYY-MM-DD')
  const to = range[1].format('YYYY-MM-DD')
  const query = useCockpit(from, to)
  const cockpit = query.data
  const covered = cockpit?.chains.filter((c) => c.achievements > 0 && c.carriers > 0).length ?? 0
  return (
    <Page
      title="城市驾驶舱"
      subTitle={
        cockpit
          ? `${cockpit.area.name}${cockpit.area.districts ? `（含 ${cockpit.area.districts} 个区县）` : ''}`
          : undefined
      }
      extra={
        <span data-testid="cockpit-period">
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0], value[1]])
            }}
            style={{ maxWidth: 280 }}
          />
        </span>
      }
    >
      {query.isError ? (
        <Alert type="error" showIcon message="驾驶舱数据加载失败" description={errorMessage(query.error)} />
      ) : !cockpit ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <RegistryCards cockpit={cockpit} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <PipelineCard cockpit={cockpit} />
            </Col>
            <Col xs={24} xl={10}>
              <ConnectCard cockpit={cockpit} />
            </Col>
          </Row>
          {cockpit.system ? (
            <Card
              size="small"
              styles={wrappingCardTitle}
              title={`产业链分布：${cockpit.system.name}`}
              extra={
                <Typography.Text data-testid="cockpit-covered">
                  {covered} / {cockpit.chains.length} 条链有成果和载体
                </Typography.Text>
              }
            >
              <ChainTable chains={cockpit.chains} />
            </Card>
          ) : null}
        </Space>
      )}
    </Page>
  )
}
