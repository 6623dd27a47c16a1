import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons'
import { Alert, Progress as Bar, Card, Col, List, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { wrappingCardTitle } from '../../../shared/responsive'
import { useCoverage, useTargets } from '../api/targets'
import type { Coverage, Progress } from '../api/types'
import { ProgressChart } from '../components/progress-chart'

/** The cities whose plans set targets (seed 002 湖州 “1620” and 中试平台; seed 004 温州 行动方案). */
const CITIES = [
  { code: '330300', name: '温州市' },
  { code: '330500', name: '湖州市' },
]

function TargetItem({ item }: { item: Progress['items'][number] }) {
  return (
    <List.Item data-testid={`target-${item.key}`}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Typography.Text strong>{item.label}</Typography.Text>
          {item.met === null ? (
            <Tag>暂无法计量</Tag>
          ) : item.met ? (
            <Tag color="success">已完成</Tag>
          ) : item.overdue ? (
            <Tag color="error">未按期完成</Tag>
          ) : (
            <Tag color="processing">推进中</Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.by} 前 · {item.cite}
          </Typography.Text>
        </Space>
        {item.target !== null && item.current !== null ? (
          <Space style={{ width: '100%' }} size={12}>
            <Typography.Text data-testid="target-figure" style={{ whiteSpace: 'nowrap' }}>
              {item.current} / {item.target}
            </Typography.Text>
            <Bar percent={Math.min(100, item.percent ?? 0)} size="small" style={{ minWidth: 140, margin: 0 }} />
          </Space>
        ) : null}
        {item.explanation.map((line) => (
          <Typography.Text key={line} type="secondary" style={{ fontSize: 12 }}>
            {line}
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  )
}

function CoverageCard({ coverage }: { coverage: Coverage }) {
  const missing = coverage.leaves.filter((l) => !l.covered)
  return (
    <Card
      size="small"
      title={`产业链覆盖：${coverage.systemName}`}
      styles={wrappingCardTitle}
      extra={
        <Typography.Text data-testid="coverage-figure">
          {coverage.covered} / {coverage.total} 条已覆盖
        </Typography.Text>
      }
      data-testid={`coverage-${coverage.city}`}
    >
      <Space direction="vertical" size={12} style={{ display: 'flex' }}>
        <Bar percent={coverage.total ? Math.round((coverage.covered / coverage.total) * 1000) / 10 : 0} />
        {missing.length ? (
          <Alert
            type="warning"
            showIcon
            message={`尚无认定中心覆盖的产业链 ${missing.length} 条`}
            description={missing.map((l) => l.name).join('、')}
          />
        ) : (
          <Alert type="success" showIcon message="产业链已全覆盖" />
        )}
        <List
          size="small"
          dataSource={coverage.leaves}
          renderItem={(leaf) => (
            <List.Item>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  {leaf.covered ? (
                    <CheckCircleFilled style={{ color: '#52c41a' }} />
                  ) : (
                    <CloseCircleOutlined style={{ color: '#bfbfbf' }} />
                  )}
                  <Typography.Text strong={leaf.covered}>{leaf.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {leaf.path}
                  </Typography.Text>
                </Space>
                {leaf.centers.length ? (
                  <Space wrap size={4} style={{ paddingInlineStart: 22 }}>
                    {leaf.centers.map((c) => (
                      <Tag key={c.id} color="blue" bordered={false} style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
                        {c.name}
                        {c.level ? `（${c.level}）` : ''}
                        {c.via ? ` · 经${c.via}` : ''}
                      </Tag>
                    ))}
                  </Space>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  )
}

function CityTargets({ code, name }: { code: string; name: string }) {
  const targets = useTargets(code)
  const coverage = useCoverage(code)
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid={`targets-${code}`}>
      <Card
        size="small"
        title={`${name}目标与进度`}
        extra={targets.data ? <Typography.Text type="secondary">截至 {targets.data.on}</Typography.Text> : null}
      >
        {targets.error ? (
          <Alert type="error" showIcon message={errorMessage(targets.error)} />
        ) : !targets.data ? (
          <Skeleton active />
        ) : (
          <Space direction="vertical" size={12} style={{ display: 'flex' }}>
            <ProgressChart items={targets.data.items} />
            <List size="small" dataSource={targets.data.items} renderItem={(item) => <TargetItem item={item} />} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              依据：{targets.data.items[0]?.ruleVersion}
            </Typography.Text>
          </Space>
        )}
      </Card>
      {coverage.error ? (
        <Alert type="error" showIcon message={errorMessage(coverage.error)} />
      ) : coverage.data ? (
        <CoverageCard coverage={coverage.data} />
      ) : (
        <Skeleton active />
      )}
    </Space>
  )
}

/** 目标与覆盖: each city's targets as data, progress over time and industry-chain coverage, all computed. */
export function TargetsPage() {
  return (
    <Page title="目标与覆盖">
      <Row gutter={[16, 16]}>
        {CITIES.map((c) => (
          <Col key={c.code} xs={24} xl={12}>
            <CityTargets code={c.code} name={c.name} />
          </Col>
        ))}
      </Row>
    </Page>
  )
}
