import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input, InputNumber, Space, Typography } from 'antd'

type Criterion = { key?: string; name?: string; weight?: number; description?: string | null }

/** 评价指标与权重 as a form list (`criteria`); the weights must add up to 100. Read-only once scoring has started. */
export function CriteriaEditor({ locked }: { locked?: boolean }) {
  const criteria = (Form.useWatch('criteria') as Criterion[] | undefined) ?? []
  const sum = criteria.reduce((s, c) => s + (Number(c?.weight) || 0), 0)
  return (
    <div data-testid="criteria-editor">
      {locked ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="评分已开始，评价指标与权重已锁定"
          description="为保证同一轮评价标准一致，专家保存第一份评分后指标不能再修改。"
        />
      ) : null}
      <Form.List
        name="criteria"
        rules={[
          {
            validator: async (_, list: Criterion[] | undefined) => {
              const total = (list ?? []).reduce((s, c) => s + (Number(c?.weight) || 0), 0)
              if (!list?.length) throw new Error('至少设置 1 项评价指标')
              if (total !== 100) throw new Error(`各项指标权重之和应为 100（当前为 ${total}）`)
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, min: 2, max: 20, message: '指标名称 2–20 个字' }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    placeholder="指标名称"
                    aria-label={`指标 ${index + 1} 名称`}
                    disabled={locked}
                    style={{ width: 150 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'weight']}
                  rules={[{ required: true, message: '请填写权重' }]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    min={1}
                    max={100}
                    precision={0}
                    suffix="%"
                    aria-label={`指标 ${index + 1} 权重`}
                    disabled={locked}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} style={{ marginBottom: 8 }}>
                  <Input placeholder="说明（可选）" disabled={locked} style={{ width: 220 }} maxLength={200} />
                </Form.Item>
                {!locked && fields.length > 1 ? (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`删除指标 ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                ) : null}
              </Space>
            ))}
            <Space wrap>
              {!locked && fields.length < 10 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weight: 0 })}>
                  添加指标
                </Button>
              ) : null}
              <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="weight-sum">
                权重合计 {sum}%
              </Typography.Text>
            </Space>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </div>
  )
}

/** What the API takes: names, weights and descriptions; a kept key keeps its scores. */
export function criteriaInput(list: Criterion[] | undefined) {
  return (list ?? []).map((c) => ({
    ...(c.key ? { key: c.key } : {}),
    name: (c.name ?? '').trim(),
    weight: Number(c.weight) || 0,
    description: c.description?.trim() || null,
  }))
}
