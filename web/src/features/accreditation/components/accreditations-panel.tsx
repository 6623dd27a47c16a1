import { Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useAccreditations } from '../api/accreditations'
import type { Accreditation } from '../api/types'

const statusColors = { active: 'green', revoked: 'red', terminated: 'default' } as const

/** 认定名录: every certificate of the city, its level and standing (有进有出). */
export function AccreditationsPanel({ city }: { city?: string }) {
  const [kind, setKind] = useState<'pocCenter' | 'pilotPlatform' | undefined>()
  const list = useAccreditations({ city, kind })
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }}>
      <Select
        aria-label="载体类型"
        allowClear
        placeholder="全部类型"
        style={{ width: 200 }}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'pocCenter', label: '概念验证中心' },
          { value: 'pilotPlatform', label: '中试平台' },
        ]}
      />
      <Table<Accreditation>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="accreditations"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, a) => (
              <Space direction="vertical" size={0}>
                <Link to={`/accreditation/certificates/${a.id}`}>{name}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.orgName} · {a.certificateNo}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '类型', dataIndex: 'carrierKindLabel', width: 110, responsive: ['md'] },
          { title: '级别', dataIndex: 'levelLabel', width: 80 },
          { title: '认定日期', dataIndex: 'accreditedOn', width: 110, responsive: ['md'] },
          {
            title: '状态',
            width: 90,
            render: (_, a) => <Tag color={statusColors[a.status]}>{a.statusLabel}</Tag>,
          },
        ]}
      />
    </Space>
  )
}
