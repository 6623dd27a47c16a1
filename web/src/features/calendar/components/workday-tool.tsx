import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { errorMessage } from '../../../shared/http'
import { useCountWorkdays } from '../api/count-workdays'

type Values = { from: Dayjs; count: number }

/** Counts N working days from a date, the way public-notice periods and deadlines are counted. */
export function WorkdayTool() {
  const count = useCountWorkdays()
  const result = count.data
  return (
    <Card title="工作日计算" size="small" data-testid="workday-tool">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        从起始日起数 N 个工作日（起始日为工作日时计入），按已导入的法定节假日与调休安排计算。
      </Typography.Paragraph>
      <Form<Values>
        layout="inline"
        initialValues={{ from: dayjs(), count: 5 }}
        onFinish={(v) => count.mutate({ from: v.from.format('YYYY-MM-DD'), count: v.count })}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="from" label="起始日" rules={[{ required: true, message: '请选择起始日' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="count" label="工作日数" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={366} precision={0} style={{ width: 96 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={count.isPending}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {count.isError ? (
        <Alert type="error" showIcon style={{ marginTop: 16 }} message={errorMessage(count.error)} />
      ) : null}
      {result ? (
        <div style={{ marginTop: 16 }} data-testid="workday-result">
          <Alert
            type="success"
            showIcon
            message={
              <span>
                第 {result.workdays.length} 个工作日为{' '}
                <Typography.Text strong>{dayjs(result.to).format('YYYY年M月D日 dddd')}</Typography.Text>
              </span>
            }
          />
          <Space size={[4, 4]} wrap style={{ marginTop: 10 }}>
            {result.workdays.map((d, i) => (
              <Tag key={d} bordered={false} color={i === result.workdays.length - 1 ? 'blue' : undefined}>
                {i + 1}. {dayjs(d).format('M/D ddd')}
              </Tag>
            ))}
          </Space>
        </div>
      ) : null}
    </Card>
  )
}
