import { Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd'
import { useCompact } from '../../../shared/responsive'
import type { Policy } from '../api/types'
import { policyKindColors } from './labels'

export function PolicyTags({ policy }: { policy: Policy }) {
  return (
    <Space size={[4, 4]} wrap>
      <Tag color={policyKindColors[policy.kind]} bordered={false}>
        {policy.kindLabel}
      </Tag>
      <Tag bordered={false}>{policy.jurisdictionName}</Tag>
      {policy.automatic ? (
        <Tag color="green" bordered={false}>
          免申即享
        </Tag>
      ) : null}
      {policy.pendingParameters.length ? (
        <Tag color="orange" bordered={false}>
          含待定参数
        </Tag>
      ) : null}
      <Tag bordered={false}>第 {policy.version} 版</Tag>
    </Space>
  )
}

/** The policy as data: who issued it, its seed's words, its rules in Chinese, parameters (待定 marked), evidence. */
export function PolicySummary({ policy }: { policy: Policy }) {
  const compact = useCompact()
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }}>
      <Card title="政策要点" size="small">
        <Descriptions column={compact ? 1 : 2} size="small">
          <Descriptions.Item label="发文机关">{policy.issuer}</Descriptions.Item>
          <Descriptions.Item label="适用地区">{policy.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="政策文件" span={compact ? 1 : 2}>
            {policy.document}
          </Descriptions.Item>
          <Descriptions.Item label="有效期">
            {policy.validity.from ?? '未载明'} 至 {policy.validity.to ?? '未载明'}
            {policy.validity.note ? `（${policy.validity.note}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="办理方式">
            {policy.automatic ? '免申即享（无需申报）' : '在线申报'}
          </Descriptions.Item>
        </Descriptions>
        <List
          size="small"
          data-testid="policy-rules"
          dataSource={policy.rules}
          renderItem={(line) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Typography.Text>{line}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card title="原文依据" size="small">
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {policy.citation}
        </Typography.Paragraph>
      </Card>
      <Card title="政策参数" size="small">
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          data-testid="policy-parameters"
          dataSource={policy.parameters}
          columns={[
            { title: '参数', dataIndex: 'label' },
            {
              title: '取值',
              dataIndex: 'text',
              render: (text: string, p) =>
                p.pending ? (
                  <Tag color="orange" bordered={false}>
                    待定
                  </Tag>
                ) : (
                  <Typography.Text strong>{text}</Typography.Text>
                ),
            },
            {
              title: '出处',
              dataIndex: 'source',
              responsive: ['md'],
              render: (source: string, p) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {source}
                  {p.note ? `。${p.note}` : ''}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {policy.evidence.length ? (
        <Card title="申报材料" size="small">
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {policy.evidence.map((e) => (
              <li key={e.key}>{e.label}</li>
            ))}
          </ol>
        </Card>
      ) : null}
    </Space>
  )
}
