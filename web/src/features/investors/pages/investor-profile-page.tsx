import { Alert, Card, Descriptions, Space, Tag } from 'antd'
import { Page } from '../../../shared/page'
import { RecordState } from '../../../shared/registry/detail-parts'
import { formatFen } from '../../../shared/registry/money'
import { useCompact } from '../../../shared/responsive'
import { useOwnInvestorProfile } from '../api/own-profile'
import { InvestorProfileForm } from '../components/investor-profile-form'

/** 我的投资偏好: the investor keeps its institution's stages, fields, ticket size and area for project matching. */
export function InvestorProfilePage() {
  const compact = useCompact()
  const own = useOwnInvestorProfile()
  const profile = own.data
  if (!profile)
    return (
      <Page title="我的投资偏好">
        <RecordState isPending={own.isPending} error={own.error} what="投资偏好" backTo="/home" />
      </Page>
    )
  return (
    <Page
      title="我的投资偏好"
      subTitle={compact ? undefined : '完成概念验证的项目将按投资阶段、关注领域、单笔投资额和地域向贵机构推荐'}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {profile.exists ? (
          <Card size="small" title={profile.orgName} data-testid="investor-profile-summary">
            <Descriptions size="small" column={compact ? 1 : 2}>
              <Descriptions.Item label="机构类型">{profile.kindLabel}</Descriptions.Item>
              <Descriptions.Item label="投资阶段">
                {profile.stageLabels.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label="单笔投资">
                {formatFen(profile.ticketMinFen)} – {formatFen(profile.ticketMaxFen)}
              </Descriptions.Item>
              <Descriptions.Item label="投资地域">
                {profile.jurisdictionNames.length ? profile.jurisdictionNames.join('、') : '不限'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ) : (
          <Alert
            type="info"
            showIcon
            message={`${profile.orgName}尚未填写投资偏好`}
            description="填写后，完成概念验证的项目会在“投资机构”匹配中看到贵机构，并附推荐理由。"
          />
        )}
        <Card title="编辑投资偏好">
          <InvestorProfileForm key={profile.version} profile={profile} />
        </Card>
      </Space>
    </Page>
  )
}
