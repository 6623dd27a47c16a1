import { PlusOutlined } from '@ant-design/icons'
import { type ActionType, type ProColumns, ProTable } from '@ant-design/pro-components'
import { Button, Space, Tag, TreeSelect, Typography } from 'antd'
import { useRef } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { Organization } from '../../../shared/contracts'
import { formatDate } from '../../../shared/format'
import { jurisdictionTree, useJurisdictions } from '../../../shared/jurisdictions'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useCan } from '../../../shared/session'
import { pageQuery, useTableRequest } from '../../../shared/table'
import { organizationKindLabels } from '../api/kinds'
import { listOrganizations } from '../api/list-organizations'
import { OrganizationForm } from '../components/organization-form'

const kindEnum = Object.fromEntries(Object.entries(organizationKindLabels).map(([k, label]) => [k, { text: label }]))

export function OrganizationsPage() {
  const can = useCan()
  const canManage = can('organization.manage')
  const compact = useCompact()
  const [params] = useSearchParams()
  const actionRef = useRef<ActionType>(undefined)
  const jurisdictions = useJurisdictions()
  const request = useTableRequest<Organization>((p) => listOrganizations(pageQuery(p)))
  const reload = () => actionRef.current?.reload()

  const columns: ProColumns<Organization>[] = [
    {
      title: '关键词',
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: '机构名称或统一社会信用代码' },
    },
    {
      title: '机构名称',
      dataIndex: 'name',
      search: false,
      render: (_, row) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{row.name}</Typography.Text>
          {compact ? (
            <>
              <Space size={4} wrap>
                <Tag bordered={false}>{row.kindLabel}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.jurisdictionName}
                </Typography.Text>
                {row.status === 'active' ? null : <Tag>已注销</Tag>}
              </Space>
              <Typography.Text type="secondary" className="fm-mono" style={{ fontSize: 12 }}>
                {row.uscc ?? '非独立法人'}
              </Typography.Text>
            </>
          ) : row.isLegalEntity ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              非独立法人
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '机构类型',
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: kindEnum,
      width: 120,
      responsive: wideOnly,
      render: (_, row) => <Tag bordered={false}>{row.kindLabel}</Tag>,
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'uscc',
      search: false,
      width: 210,
      responsive: wideOnly,
      render: (_, row) =>
        row.uscc ? (
          <Typography.Text className="fm-mono" copyable={{ tooltips: ['复制', '已复制'] }}>
            {row.uscc}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: '所在辖区',
      dataIndex: 'jurisdiction',
      width: 130,
      responsive: wideOnly,
      render: (_, row) => row.jurisdictionName,
      renderFormItem: () => (
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          placeholder="全部辖区"
          treeData={jurisdictionTree(jurisdictions.data?.items ?? [])}
        />
      ),
    },
    {
      title: '联系人',
      dataIndex: 'contactName',
      search: false,
      width: 130,
      responsive: wideOnly,
      render: (_, row) =>
        row.contactName || row.contactPhone ? (
          <Space direction="vertical" size={0}>
            <span>{row.contactName ?? '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.contactPhone ?? ''}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      width: 80,
      responsive: wideOnly,
      valueEnum: { active: { text: '正常', status: 'Success' }, deregistered: { text: '已注销', status: 'Default' } },
    },
    {
      title: '登记时间',
      dataIndex: 'createdAt',
      search: false,
      width: 110,
      responsive: wideOnly,
      render: (_, row) => formatDate(row.createdAt),
    },
  ]
  if (canManage) {
    columns.push({
      title: '操作',
      valueType: 'option',
      width: 70,
      fixed: compact ? undefined : 'right',
      render: (_, row) => [
        <OrganizationForm
          key="edit"
          organization={row}
          onSaved={reload}
          trigger={<Typography.Link data-testid={`edit-${row.id}`}>编辑</Typography.Link>}
        />,
      ],
    })
  }

  return (
    <Page
      title="机构管理"
      subTitle={canManage ? '登记平台上的各类机构，法人机构须填写统一社会信用代码' : '本辖区登记的机构（只读）'}
    >
      <ProTable<Organization>
        actionRef={actionRef}
        rowKey="id"
        columns={columns}
        request={request}
        form={{ initialValues: Object.fromEntries(params.entries()), syncToUrl: false }}
        search={{ labelWidth: 'auto', defaultCollapsed: true, span: { xs: 24, sm: 12, md: 8, lg: 8, xl: 6, xxl: 6 } }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 家` }}
        scroll={compact ? undefined : { x: 1040 }}
        headerTitle="机构列表"
        options={{ density: false, setting: false, reload: true, fullScreen: false }}
        locale={{ emptyText: '暂无符合条件的机构' }}
        toolBarRender={() =>
          canManage
            ? [
                <OrganizationForm
                  key="create"
                  onSaved={reload}
                  trigger={
                    <Button type="primary" icon={<PlusOutlined />}>
                      新建机构
                    </Button>
                  }
                />,
              ]
            : []
        }
      />
    </Page>
  )
}
