import { UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Typography, Upload } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { errorMessage, isApiError } from '../../../shared/http'
import { useLoadYear } from '../api/load-year'

type Values = { year: number; json: string }

const example = `{
  "year": ${dayjs().year() + 1},
  "source": "国务院办公厅关于${dayjs().year() + 1}年部分节假日安排的通知",
  "holidays": [{ "name": "元旦", "from": "${dayjs().year() + 1}-01-01", "to": "${dayjs().year() + 1}-01-01" }],
  "adjustedWorkdays": []
}`

/** Loads (or replaces) one year's arrangement from the JSON published with the State Council notice. */
export function LoadYearForm() {
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const load = useLoadYear()
  const [problems, setProblems] = useState<string[]>([])

  const submit = ({ year, json }: Values) => {
    setProblems([])
    let arrangement: unknown
    try {
      arrangement = JSON.parse(json)
    } catch {
      form.setFields([{ name: 'json', errors: ['不是有效的 JSON，请检查括号、引号和逗号'] }])
      return
    }
    load.mutate(
      { year, arrangement },
      {
        onSuccess: (result) => {
          message.success(result.replaced ? `${result.year} 年安排已更新` : `${result.year} 年安排已导入`)
          form.resetFields()
        },
        onError: (error) => {
          if (isApiError(error) && error.fields.length > 0) {
            setProblems(error.fields.map((f) => (f.path ? `${f.path}：${f.message}` : f.message)))
          }
        },
      },
    )
  }

  const readFile = async (file: File) => {
    const text = await file.text()
    form.setFieldValue('json', text)
    try {
      const parsed = JSON.parse(text) as { year?: unknown }
      if (typeof parsed.year === 'number') form.setFieldValue('year', parsed.year)
    } catch {
      form.setFields([{ name: 'json', errors: ['文件内容不是有效的 JSON'] }])
    }
    return false
  }

  return (
    <Card title="导入或更新年度安排" size="small" data-testid="load-year">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        每年国务院办公厅发布下一年节假日安排后，在此导入。格式与 data/holidays/cn-2026.json
        相同；同一年度再次导入将覆盖原安排。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ year: dayjs().year() + 1 }}>
        <Space wrap align="end" size={12}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item>
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={readFile} maxCount={1}>
              <Button icon={<UploadOutlined />}>选择 JSON 文件</Button>
            </Upload>
          </Form.Item>
        </Space>
        <Form.Item
          name="json"
          label="安排内容（JSON）"
          rules={[{ required: true, message: '请上传文件或粘贴 JSON 内容' }]}
        >
          <Input.TextArea
            rows={8}
            placeholder={example}
            className="fm-mono"
            style={{ fontSize: 12, letterSpacing: 0 }}
          />
        </Form.Item>
        {load.isError ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={errorMessage(load.error)}
            description={
              problems.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={load.isPending}>
          校验并导入
        </Button>
      </Form>
    </Card>
  )
}
