import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Form, InputNumber, Space } from 'antd'
import { ExpertSelect } from './expert-select'

export type CapOverrideRow = { expertId?: string; cap?: number; label?: string }

/** 单个专家的评审上限 (overrides of the round's load cap) as a form list `capOverrides`. */
export function CapOverridesEditor({ known }: { known?: { value: string; label: string }[] }) {
  return (
    <Form.List name="capOverrides">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'expertId']}
                rules={[{ required: true, message: '请选择专家' }]}
                style={{ marginBottom: 8 }}
              >
                <ExpertSelect known={known} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'cap']}
                rules={[{ required: true, message: '请填写上限' }]}
                style={{ marginBottom: 8 }}
              >
                <InputNumber min={0} max={50} precision={0} suffix="个项目" style={{ width: 140 }} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} aria-label="移除" onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ cap: 1 })}>
            单独设置某位专家的上限
          </Button>
        </>
      )}
    </Form.List>
  )
}

export function capOverridesInput(rows: CapOverrideRow[] | undefined): Record<string, number> {
  return Object.fromEntries((rows ?? []).filter((r) => r.expertId).map((r) => [r.expertId!, Number(r.cap) || 0]))
}
