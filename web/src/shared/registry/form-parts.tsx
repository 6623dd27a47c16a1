import { ProForm, ProFormRadio } from '@ant-design/pro-components'
import { Col, type ColProps, Divider, type FormItemProps, Typography } from 'antd'
import { confidentialityOptions } from './confidentiality'

/** A titled section of a long registry form (spans the grid's full width). */
export function FormSection({ title }: { title: string }) {
  return (
    <Col span={24}>
      <Divider className="fm-form-section" orientation="left" orientationMargin={0} style={{ marginTop: 8 }}>
        {title}
      </Divider>
    </Col>
  )
}

/** 公开程度 with what each level means for who sees the record. */
export function ConfidentialityField() {
  return (
    <ProFormRadio.Group
      name="confidentiality"
      colProps={{ span: 24 }}
      rules={[{ required: true, message: '请选择公开程度' }]}
      options={confidentialityOptions.map((o) => ({
        value: o.value,
        label: (
          <span>
            {o.label}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {o.hint}
            </Typography.Text>
          </span>
        ),
      }))}
      fieldProps={{ className: 'fm-radio-stack' }}
    />
  )
}

/** A custom control as a field of a grid form: ProForm.Item itself takes no place in the grid. */
export function GridItem({ colProps, ...rest }: FormItemProps & { colProps?: ColProps }) {
  return (
    <Col span={24} {...colProps}>
      <ProForm.Item {...rest} />
    </Col>
  )
}
