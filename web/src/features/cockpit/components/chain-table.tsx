import { Table, Tag, Typography } from 'antd'
import { useCompact } from '../../../shared/responsive'
import type { CityCockpit } from '../api/cockpit'

type Chain = CityCockpit['chains'][number]

const figure = (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : n)

/**
 * Each chain of the area's industry system with its achievements, open demands and carriers. A chain with no
 * achievement or no carrier is marked 空白: where the city has supply or services to find (seed 002 全覆盖).
 */
export function ChainTable({ chains }: { chains: Chain[] }) {
  const compact = useCompact()
  const gap = (c: Chain) => c.achievements === 0 || c.carriers === 0
  return (
    <Table<Chain>
      size="small"
      rowKey="code"
      data-testid="cockpit-chains"
      pagination={false}
      dataSource={chains}
      columns={[
        {
          title: '产业链',
          key: 'name',
          render: (_, c) => (
            <span>
              {c.parent ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {c.parent}
                </Typography.Text>
              ) : null}
              {c.name}
              {gap(c) ? (
                <Tag color="warning" style={{ marginLeft: 6 }}>
                  空白
                </Tag>
              ) : null}
              {compact ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  成果 {c.achievements} · 需求 {c.openDemands} · 载体 {c.carriers}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        ...(compact
          ? []
          : [
              {
                title: '科技成果',
                key: 'a',
                align: 'right' as const,
                render: (_: unknown, c: Chain) => figure(c.achievements),
              },
              {
                title: '征集中需求',
                key: 'd',
                align: 'right' as const,
                render: (_: unknown, c: Chain) => figure(c.openDemands),
              },
              {
                title: '载体',
                key: 'c',
                align: 'right' as const,
                render: (_: unknown, c: Chain) => figure(c.carriers),
              },
            ]),
      ]}
    />
  )
}
