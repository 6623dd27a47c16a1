import { Card, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { formatDateTime } from '../../../shared/format'
import type { CalendarYear, Holiday } from '../api/list-years'

function spanDays(holiday: Holiday): number {
  return dayjs(holiday.to).diff(dayjs(holiday.from), 'day') + 1
}

function YearDetail({ year }: { year: CalendarYear }) {
  return (
    <Space direction="vertical" size={8} style={{ display: 'flex' }}>
      <div>
        <Typography.Text strong>放假安排</Typography.Text>
        <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {year.holidays.map((h) => (
            <Tag key={`${h.name}-${h.from}`} color="red" bordered={false}>
              {h.name} {dayjs(h.from).format('M月D日')}–{dayjs(h.to).format('M月D日')}（{spanDays(h)} 天）
            </Tag>
          ))}
        </div>
      </div>
      <div>
        <Typography.Text strong>调休上班</Typography.Text>
        <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {year.adjustedWorkdays.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            year.adjustedWorkdays.map((d) => (
              <Tag key={d} color="blue" bordered={false}>
                {dayjs(d).format('M月D日 dddd')}
              </Tag>
            ))
          )}
        </div>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据：{year.source}
      </Typography.Text>
    </Space>
  )
}

export function YearsTable({ years, loading }: { years: CalendarYear[] | undefined; loading: boolean }) {
  return (
    <Card title="已导入的节假日安排" size="small" data-testid="calendar-years">
      <Table<CalendarYear>
        rowKey="year"
        size="middle"
        loading={loading}
        dataSource={years ?? []}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: '尚未导入任何年度的节假日安排' }}
        expandable={{ expandedRowRender: (year) => <YearDetail year={year} />, defaultExpandedRowKeys: [] }}
        columns={[
          {
            title: '年度',
            dataIndex: 'year',
            width: 80,
            render: (y: number) => <Typography.Text strong>{y} 年</Typography.Text>,
          },
          { title: '节假日', key: 'holidays', width: 90, render: (_, y) => `${y.holidays.length} 个` },
          {
            title: '放假天数',
            key: 'days',
            width: 90,
            render: (_, y) => `${y.holidays.reduce((sum, h) => sum + spanDays(h), 0)} 天`,
          },
          { title: '调休上班', key: 'adjusted', width: 90, render: (_, y) => `${y.adjustedWorkdays.length} 天` },
          { title: '导入时间', dataIndex: 'loadedAt', width: 170, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  )
}
