import { Alert, App, Button, Card, Empty, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd'
import { useNavigate } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { industryNameMap, useIndustrySystems } from '../../../shared/registry/industry-systems'
import { wrappingCardTitle } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { useCloseSolicitation, useSolicitations } from '../api/solicitations'
import { SolicitationForm } from '../components/solicitation-form'

/** 项目征集: calls of the caller's city; centers and bureaus publish and close them, applicants answer them. */
export function SolicitationsPage() {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const can = useCan()
  const user = useCurrentUser()
  const calls = useSolicitations(user.jurisdictionCode)
  const close = useCloseSolicitation()
  const systems = useIndustrySystems(user.jurisdictionCode)
  const names = industryNameMap(systems.data?.items ?? [])
  const items = [...(calls.data?.items ?? [])].sort((a, b) =>
    a.status === b.status ? 0 : a.status === 'open' ? -1 : 1,
  )
  return (
    <Page
      title="项目征集"
      subTitle="苗圃计划等概念验证项目征集通知"
      extra={can('solicitation.manage') ? [<SolicitationForm key="new" />] : undefined}
    >
      {calls.isPending ? (
        <Skeleton active />
      ) : calls.isError ? (
        <Alert type="error" showIcon message={errorMessage(calls.error)} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="本市暂无项目征集" />
        </Card>
      ) : (
        <List
          data-testid="solicitations"
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <Card
                size="small"
                styles={wrappingCardTitle}
                title={c.title}
                extra={c.status === 'open' ? <Tag color="green">征集中</Tag> : <Tag>已截止</Tag>}
                actions={[
                  ...(can('project.apply') && c.status === 'open'
                    ? [
                        <Button
                          key="apply"
                          type="link"
                          onClick={() => navigate(`/projects/apply?solicitation=${c.id}`)}
                        >
                          申报项目
                        </Button>,
                      ]
                    : []),
                  ...(c.issuerOrgId === user.orgId && c.status === 'open'
                    ? [
                        <Popconfirm
                          key="close"
                          title="提前结束征集？"
                          description="结束后不再接受申报"
                          okText="结束征集"
                          cancelText="取消"
                          onConfirm={async () => {
                            try {
                              await close.mutateAsync(c.id)
                              message.success('征集已结束')
                            } catch (error) {
                              message.error(errorMessage(error))
                            }
                          }}
                        >
                          <Button type="link" danger>
                            结束征集
                          </Button>
                        </Popconfirm>,
                      ]
                    : []),
                ]}
              >
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.issuerOrgName} · 截止 {c.deadline}
                  </Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
                    {c.description}
                  </Typography.Paragraph>
                  {c.industryCodes.length ? (
                    <Space size={[4, 4]} wrap>
                      {c.industryCodes.map((code) => (
                        <Tag key={code} color="cyan" bordered={false}>
                          {names.get(code) ?? code}
                        </Tag>
                      ))}
                    </Space>
                  ) : null}
                  <Typography.Text style={{ fontSize: 12 }}>
                    <Typography.Text strong style={{ fontSize: 12 }}>
                      申报材料：
                    </Typography.Text>
                    {c.requirements}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </Page>
  )
}
